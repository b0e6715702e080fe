import { DataSource } from 'typeorm';
import type { Database } from './database';
import { seedDefaultSlaPolicies } from './sla/sla-policy-store';
import { applyDatabaseRoles } from './roles/database-roles';
import { AuditEventEntity } from './entities/audit-event.entity';
import { DepartmentWebhookEntity } from './entities/department-webhook.entity';
import { NotificationOutboxEntity } from './entities/notification-outbox.entity';
import { NotificationEntity } from './entities/notification.entity';
import { ProjectEntity } from './entities/project.entity';
import { UserEntity } from './entities/user.entity';
import { InitialSchema1763900000000 } from './migrations/1763900000000-initial-schema';
import { StepIdempotencyKeys1763900100000 } from './migrations/1763900100000-step-idempotency-keys';
import { NotificationRecipientUser1763900200000 } from './migrations/1763900200000-notification-recipient-user';
import { ServiceRequests1763900300000 } from './migrations/1763900300000-service-requests';
import { SlaPolicies1763900400000 } from './migrations/1763900400000-sla-policies';
import { CalendarOverrides1763900500000 } from './migrations/1763900500000-calendar-overrides';
import { NotificationOutbox1763900600000 } from './migrations/1763900600000-notification-outbox';
import { SlaClockReadModel1763900700000 } from './migrations/1763900700000-sla-clock-read-model';
import { SlaClockBreachedAt1763900800000 } from './migrations/1763900800000-sla-clock-breached-at';
import { TrustedRecord1763900900000 } from './migrations/1763900900000-trusted-record';
import { SecurityEvents1763901000000 } from './migrations/1763901000000-security-events';
import { Identity1763901100000 } from './migrations/1763901100000-identity';
import { AuditChain1763901200000 } from './migrations/1763901200000-audit-chain';
import { DatabaseRoles1763901300000 } from './migrations/1763901300000-database-roles';
import { Organisation1763901400000 } from './migrations/1763901400000-organisation';
import { ProjectListColumns1763901500000 } from './migrations/1763901500000-project-list-columns';
import { KpiFactsTargets1763901600000 } from './migrations/1763901600000-kpi-facts-targets';
import { Campaigns1763901700000 } from './migrations/1763901700000-campaigns';
import { Imports1763901800000 } from './migrations/1763901800000-imports';
import { NotificationReads1763901900000 } from './migrations/1763901900000-notification-reads';
import { AuditEventSearch1763901910000 } from './migrations/1763901910000-audit-event-search';
import { PendingTasks1763902000000 } from './migrations/1763902000000-pending-tasks';
import { CompanyNameGrams1763902100000 } from './migrations/1763902100000-company-name-grams';
import { ProjectListDefaultOrder1763902200000 } from './migrations/1763902200000-project-list-default-order';
import { KpiSourceChanges1763902300000 } from './migrations/1763902300000-kpi-source-changes';
import { ProjectListIndexes1763902400000 } from './migrations/1763902400000-project-list-indexes';

export const ENTITIES = [UserEntity, ProjectEntity, AuditEventEntity, NotificationEntity, NotificationOutboxEntity, DepartmentWebhookEntity];
/** Listed by class, not glob, so the same list works from sources, dist and jest. */
export const MIGRATIONS = [InitialSchema1763900000000, StepIdempotencyKeys1763900100000, NotificationRecipientUser1763900200000, ServiceRequests1763900300000, SlaPolicies1763900400000, CalendarOverrides1763900500000, NotificationOutbox1763900600000, SlaClockReadModel1763900700000, SlaClockBreachedAt1763900800000, TrustedRecord1763900900000, SecurityEvents1763901000000, Identity1763901100000, AuditChain1763901200000, DatabaseRoles1763901300000, Organisation1763901400000, ProjectListColumns1763901500000, KpiFactsTargets1763901600000, Campaigns1763901700000, Imports1763901800000, NotificationReads1763901900000, AuditEventSearch1763901910000, PendingTasks1763902000000, CompanyNameGrams1763902100000, ProjectListDefaultOrder1763902200000, KpiSourceChanges1763902300000, ProjectListIndexes1763902400000];

export interface DataSourceConfig {
  url: string;
  poolSize?: number;
  logging?: boolean;
  applicationName?: string;
  /**
   * The zone's schema (issue 12): every connection of the pool starts with its search_path set
   * to it (then public, for the pg_trgm extension), so the same unqualified SQL reads and writes
   * that zone's tables and nothing else. Absent or 'public': the single-zone installation.
   */
  schema?: string;
}

/** A schema name the way zoneOf makes them; anything else is refused before it reaches SQL. */
const SCHEMA_NAME = /^(public|zone_[a-z][a-z0-9_]{0,29})$/;

function searchPathOption(schema: string | undefined): { options?: string } {
  if (!schema || schema === 'public') return {};
  if (!SCHEMA_NAME.test(schema)) throw new Error(`not a zone schema: ${JSON.stringify(schema)}`);
  return { options: `-c search_path=${schema},public` };
}

export function createDataSource(config: DataSourceConfig): DataSource {
  return new DataSource({
    type: 'postgres',
    url: config.url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    synchronize: false,
    migrationsRun: false,
    logging: config.logging ?? false,
    extra: { max: config.poolSize ?? 10, application_name: config.applicationName ?? 'zhaoshang', ...searchPathOption(config.schema) },
  });
}

/** A connected pool: what the worker and the API open at start-up and hand to the functions of this library. */
export async function openDatabase(config: DataSourceConfig): Promise<Database> {
  return createDataSource(config).initialize();
}

/** Closes the pool (a second call, or one for a pool never opened, does nothing). */
export async function closeDatabase(db: Database): Promise<void> {
  if (db.isInitialized) await db.destroy();
}

/** Opens a pool for one job (a seed, a tool's set-up) and closes it whatever the job does. */
export async function withDatabase<T>(config: DataSourceConfig, work: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(config);
  try {
    return await work(db);
  } finally {
    await closeDatabase(db);
  }
}

/**
 * Applies pending migrations to one zone's schema (public by default); used by `npm start`,
 * `npm run migrate` and the test set-up. A zone's schema is created first; its migrations table
 * is its own, so zones are migrated (and can be moved to a database of their own) one by one.
 */
export async function runMigrations(url: string, schema = 'public'): Promise<string[]> {
  if (schema !== 'public') await prepareZoneSchema(url, schema);
  const ds = createDataSource({ url, poolSize: 1, applicationName: 'zhaoshang-migrate', schema });
  await ds.initialize();
  try {
    const [{ current }]: Array<{ current: string }> = await ds.query(`SELECT current_schema() AS current`);
    if (current !== schema) throw new Error(`migrations would run in schema ${current}, not ${schema}`);
    const applied = await ds.runMigrations({ transaction: 'each' });
    // Reference data the engine cannot run without; idempotent, so safe after every migration run.
    await seedDefaultSlaPolicies(ds);
    // Ownership and grants for every table, including those later migrations added (idempotent).
    await ds.transaction((tx) => applyDatabaseRoles(tx));
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}

/**
 * The zone's schema, and pg_trgm in public (where every zone's search_path finds it) rather than
 * in the first zone's schema that a migration would otherwise install it into.
 */
async function prepareZoneSchema(url: string, schema: string): Promise<void> {
  searchPathOption(schema);
  await withDatabase({ url, poolSize: 1, applicationName: 'zhaoshang-migrate' }, async (db) => {
    await db.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public`);
    await db.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  });
}

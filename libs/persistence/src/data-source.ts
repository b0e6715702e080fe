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

export const ENTITIES = [UserEntity, ProjectEntity, AuditEventEntity, NotificationEntity, NotificationOutboxEntity, DepartmentWebhookEntity];
/** Listed by class, not glob, so the same list works from sources, dist and jest. */
export const MIGRATIONS = [InitialSchema1763900000000, StepIdempotencyKeys1763900100000, NotificationRecipientUser1763900200000, ServiceRequests1763900300000, SlaPolicies1763900400000, CalendarOverrides1763900500000, NotificationOutbox1763900600000, SlaClockReadModel1763900700000, SlaClockBreachedAt1763900800000, TrustedRecord1763900900000, SecurityEvents1763901000000, Identity1763901100000, AuditChain1763901200000, DatabaseRoles1763901300000, Organisation1763901400000, ProjectListColumns1763901500000, KpiFactsTargets1763901600000, Campaigns1763901700000, Imports1763901800000];

export interface DataSourceConfig {
  url: string;
  poolSize?: number;
  logging?: boolean;
  applicationName?: string;
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
    extra: { max: config.poolSize ?? 10, application_name: config.applicationName ?? 'zhaoshang' },
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

/** Applies pending migrations; used by `npm start`, `npm run migrate` and the test set-up. */
export async function runMigrations(url: string): Promise<string[]> {
  const ds = createDataSource({ url, poolSize: 1, applicationName: 'zhaoshang-migrate' });
  await ds.initialize();
  try {
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

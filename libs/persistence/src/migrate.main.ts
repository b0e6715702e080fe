import { parseZones } from '@zs/domain';
import { runMigrations, withDatabase } from './data-source';
import { DATABASE_ROLES, setLoginPasswords } from './roles/database-roles';
import { loadMigrationConfig, type MigrationConfig } from './roles/migration-env';

/**
 * `npm run migrate`: applies pending migrations with MIGRATION_DATABASE_URL (a superuser; falls
 * back to DATABASE_URL), hands every table to zs_owner and grants zs_app / zs_auditor their
 * rights; with DATABASE_APP_PASSWORD / DATABASE_AUDITOR_PASSWORD, lets those roles log in with
 * them (production deploys run this before the apps; re-running it rotates the passwords).
 * With ZONES (issue 12), every zone's schema is migrated, one after another.
 */
async function main(): Promise<void> {
  let config: MigrationConfig;
  try {
    config = loadMigrationConfig(process.env);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    process.exit(1);
  }
  const zones = parseZones(process.env.ZONES, process.env.TEMPORAL_NAMESPACE || 'default');
  if (!zones.ok) {
    process.stderr.write(`invalid configuration:\n  ZONES: ${zones.problems.join('\n  ZONES: ')}\n`);
    process.exit(1);
  }
  for (const zone of zones.zones) {
    const applied = await runMigrations(config.migrationUrl, zone.schema);
    const where = zones.zones.length > 1 ? `zone ${zone.code} (schema ${zone.schema}): ` : '';
    process.stdout.write(applied.length ? `${where}applied: ${applied.join(', ')}\n` : `${where}schema is up to date\n`);
  }
  if (config.appPassword || config.auditorPassword) {
    await withDatabase({ url: config.migrationUrl, poolSize: 1, applicationName: 'zhaoshang-migrate' }, (db) =>
      setLoginPasswords(db, { app: config.appPassword, auditor: config.auditorPassword }),
    );
    const set = [config.appPassword && DATABASE_ROLES.app, config.auditorPassword && DATABASE_ROLES.auditor].filter(Boolean);
    process.stdout.write(`login enabled for: ${set.join(', ')}\n`);
  }
}

main().catch((err) => {
  process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

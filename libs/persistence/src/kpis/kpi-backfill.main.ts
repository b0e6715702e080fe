import { withDatabase } from '../data-source';
import { loadMigrationConfig } from '../roles/migration-env';
import { backfillProjectFacts } from './project-facts-store';

/**
 * `npm run kpi:backfill`: recomputes every project's KPI facts (project_facts) from its stored
 * state. The migration that created the table ran it once; run it again after a change of
 * toProjectFacts (idempotent: it rewrites each row from the state it reflects).
 */
async function main(): Promise<void> {
  const { migrationUrl } = loadMigrationConfig(process.env);
  const count = await withDatabase({ url: migrationUrl, poolSize: 1, applicationName: 'zhaoshang-kpi-backfill' }, (db) => backfillProjectFacts(db));
  process.stdout.write(`project facts recomputed for ${count} projects\n`);
}

main().catch((err) => {
  process.stderr.write(`kpi backfill failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

import { join } from 'node:path';
import { configuredZones, repoRoot } from '@zs/config';
import { EngineStackRunner, StoppedError } from '@zs/local-stack';
import { createDataSource } from '@zs/persistence';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '@zs/api';

/**
 * `npm start`: the whole engine on embedded defaults (its own Temporal dev server and
 * PostgreSQL under .data/, kept across restarts), or on TEMPORAL_ADDRESS / DATABASE_URL.
 * Every child runs in its own process group and is restarted with back-off if it dies
 * (status in ${DATA_DIR}/supervisor.json, shown by GET /health). Ctrl-C or SIGTERM stops
 * everything in order within 15 s; a second Ctrl-C SIGKILLs every child at once.
 * Running timers live on in Temporal's database file.
 */
const out = (message: string) => process.stdout.write(`[launcher] ${message}\n`);
/** Everything stopped within this (the launcher's own hard limit is a second later). */
const STOP_BUDGET_MS = 14_000;

function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`${name} must be a port number (1-65535), got "${raw}"`);
  return port;
}

async function main(): Promise<void> {
  const dataDir = process.env.DATA_DIR ?? join(repoRoot(), '.data');
  const embeddedDb = !process.env.DATABASE_URL;
  // Demo accounts (one published password) only ever go into the embedded database: with
  // DATABASE_URL set, SEED_DEMO_USERS=true is refused rather than obeyed.
  const seedDemo = embeddedDb && (process.env.SEED_DEMO_USERS ?? 'true') === 'true';
  if (!embeddedDb && process.env.SEED_DEMO_USERS === 'true') out('SEED_DEMO_USERS=true ignored: demo users are only seeded into the embedded database, never into DATABASE_URL');
  const demoPassword = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;

  const runner = new EngineStackRunner({
    dataDir,
    persistent: true,
    temporalAddress: process.env.TEMPORAL_ADDRESS || undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
    // With your own PostgreSQL: DATABASE_URL is the app role's, MIGRATION_DATABASE_URL the superuser's (README "Database roles").
    migrationDatabaseUrl: process.env.MIGRATION_DATABASE_URL || undefined,
    temporalPort: envPort('TEMPORAL_PORT', 7233),
    temporalUiPort: envPort('TEMPORAL_UI_PORT', 8233),
    postgresPort: envPort('POSTGRES_PORT', 54329),
    apiPort: envPort('API_PORT', 3000),
    jwtSecret: process.env.JWT_SECRET || undefined,
    log: out,
    afterMigrations: seedDemo
      ? async (url) => {
          // Every zone (README "Several zones") gets the same demo accounts, each zone's its own.
          const zones = configuredZones({ ZONES: process.env.ZONES, TEMPORAL_NAMESPACE: process.env.TEMPORAL_NAMESPACE || 'default' });
          for (const zone of zones) {
            const ds = createDataSource({ url, poolSize: 1, schema: zone.schema });
            await ds.initialize();
            try {
              const n = await seedDemoUsers(ds, demoPassword);
              const where = zones.length > 1 ? ` in zone ${zone.code} (${zone.name})` : '';
              out(`demo users ${n ? `seeded (${n})` : 'present'}${where}: ${DEMO_USERS.map((u) => u.username).join(', ')} / password "${demoPassword}"`);
            } finally {
              await ds.destroy();
            }
          }
        }
      : undefined,
  });

  // From the very start: a Ctrl-C during start-up stops what has started so far.
  let stopping: Promise<void> | null = null;
  const shutdown = (reason: string): Promise<void> => {
    if (stopping) {
      // The second Ctrl-C: no more waiting.
      out(`${reason} again: killing every child process now`);
      runner.kill();
      process.exit(130);
    }
    out(`${reason}: stopping API, worker (draining), Temporal and PostgreSQL ... (Ctrl-C again to force)`);
    const started = Date.now();
    // Whatever happens, gone within 15 s.
    const hardStop = setTimeout(() => {
      out('still not stopped after 15 s: killing every child process');
      runner.kill();
      process.exit(1);
    }, STOP_BUDGET_MS + 1000);
    stopping = runner.stop(STOP_BUDGET_MS).then(() => {
      clearTimeout(hardStop);
      out(`stopped in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    });
    return stopping;
  };
  process.on('SIGINT', () => void shutdown('SIGINT').then(() => process.exit(0)));
  process.on('SIGTERM', () => void shutdown('SIGTERM').then(() => process.exit(0)));

  let stack;
  try {
    stack = await runner.start();
  } catch (err) {
    // Stopped by a signal during start-up: the handler above exits once everything is down.
    if (stopping || err instanceof StoppedError) return;
    throw err;
  }

  out('engine running:');
  out(`  console (控制台)  ${stack.apiUrl}/ui/`);
  out(`  API              ${stack.apiUrl}`);
  out(`  OpenAPI docs     ${stack.apiUrl}/docs   (JSON: ${stack.apiUrl}/docs-json)`);
  out(`  Temporal         ${stack.temporalAddress}`);
  out(`  Temporal Web UI  ${stack.temporalUiUrl ?? '(external Temporal: use its own UI)'}`);
  out(`  PostgreSQL       ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  out(`  data and logs    ${dataDir}`);
  out(`  supervisor       ${stack.statusFile} (crashed children are restarted; counts in GET /health)`);
  out('press Ctrl-C to stop');
}

main().catch((err) => {
  process.stderr.write(`[launcher] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

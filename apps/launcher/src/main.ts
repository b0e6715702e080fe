import { join } from 'node:path';
import { repoRoot } from '@zs/config';
import { startEngineStack } from '@zs/local-stack';
import { createDataSource } from '@zs/persistence';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from '@zs/api';

/**
 * `npm start`: the whole engine on embedded defaults (its own Temporal dev server and
 * PostgreSQL under .data/, kept across restarts), or on TEMPORAL_ADDRESS / DATABASE_URL.
 * Ctrl-C stops everything in order; running timers live on in Temporal's database file.
 */
const out = (message: string) => process.stdout.write(`[launcher] ${message}\n`);

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
  const seedDemo = (process.env.SEED_DEMO_USERS ?? (embeddedDb ? 'true' : 'false')) === 'true';
  const demoPassword = process.env.DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD;

  const stack = await startEngineStack({
    dataDir,
    persistent: true,
    temporalAddress: process.env.TEMPORAL_ADDRESS || undefined,
    databaseUrl: process.env.DATABASE_URL || undefined,
    temporalPort: envPort('TEMPORAL_PORT', 7233),
    temporalUiPort: envPort('TEMPORAL_UI_PORT', 8233),
    postgresPort: envPort('POSTGRES_PORT', 54329),
    apiPort: envPort('API_PORT', 3000),
    jwtSecret: process.env.JWT_SECRET || undefined,
    log: out,
    afterMigrations: seedDemo
      ? async (url) => {
          const ds = createDataSource({ url, poolSize: 1 });
          await ds.initialize();
          try {
            const n = await seedDemoUsers(ds, demoPassword);
            out(`demo users ${n ? `seeded (${n})` : 'present'}: ${DEMO_USERS.map((u) => u.username).join(', ')} / password "${demoPassword}"`);
          } finally {
            await ds.destroy();
          }
        }
      : undefined,
  });

  out('engine running:');
  out(`  API              ${stack.apiUrl}`);
  out(`  OpenAPI docs     ${stack.apiUrl}/docs   (JSON: ${stack.apiUrl}/docs-json)`);
  out(`  Temporal         ${stack.temporalAddress}`);
  out(`  Temporal Web UI  ${stack.temporalUiUrl ?? '(external Temporal: use its own UI)'}`);
  out(`  PostgreSQL       ${stack.databaseUrl.replace(/:[^:@/]+@/, ':***@')}`);
  out(`  data and logs    ${dataDir}`);
  out('press Ctrl-C to stop');

  let stopping = false;
  const shutdown = async (reason: string, code: number) => {
    if (stopping) return;
    stopping = true;
    out(`${reason}: stopping API, worker, Temporal and PostgreSQL ...`);
    await stack.stop();
    out('stopped');
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown('SIGINT', 0));
  process.on('SIGTERM', () => void shutdown('SIGTERM', 0));
  const crashed = await stack.unexpectedExit;
  await shutdown(`${crashed} exited unexpectedly (see ${dataDir}/logs)`, 1);
}

main().catch((err) => {
  process.stderr.write(`[launcher] failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

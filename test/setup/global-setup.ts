import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, removeOnOrphan, startEmbeddedPostgres, startTemporalDevServer, type RunningDevServer, type RunningPostgres } from '@zs/local-stack';
import { createDataSource, ensureCheckpointKeyPair, provisionLoginRoles, runMigrations } from '@zs/persistence';
import { buildWorkflowBundle } from '@zs/worker';
import { STACK_ENV, workerDatabaseName, workerNamespaces, type TestStackHandles } from './stack-env';

/**
 * Starts what the tests need, once per `npm test`: a private PostgreSQL (migrated), a
 * Temporal dev server (for end-to-end tests, visibility and search attributes) and the
 * workflow bundle. Each time-skipping test file starts its own test server (its clock
 * is global, so files must not share one).
 *
 * Never leaves a server behind: if any part fails, what did start is stopped before the error
 * is rethrown; both servers run in their own process groups, watched by the orphan reaper, which
 * stops them (and removes the work folder) should jest be killed before its teardown.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const started = Date.now();
  // A database and a Temporal namespace per jest worker (stack-env.ts): files run side by side.
  const workers = Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, (_, i) => i + 1);
  const dir = mkdtempSync(join(tmpdir(), 'zhaoshang-test-'));
  if (!process.env.ZS_TEST_KEEP_LOGS) removeOnOrphan(dir);
  const [pgPort, devPort, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);

  const [pg, dev, bundled] = await Promise.allSettled([
    startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort, database: 'zhaoshang_test', persistent: false, logFile: join(dir, 'postgres.log') }),
    startTemporalDevServer({ port: devPort, uiPort, headless: true, namespaces: workers.flatMap(workerNamespaces), logFile: join(dir, 'temporal-dev.log'), readyTimeoutMs: 120_000 }),
    buildWorkflowBundle(),
  ]);
  const postgres: RunningPostgres | null = pg.status === 'fulfilled' ? pg.value : null;
  const temporal: RunningDevServer | null = dev.status === 'fulfilled' ? dev.value : null;
  try {
    const failed = [pg, dev, bundled].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    await runMigrations(postgres!.url);
    // One after another: the first migration creates the cluster's roles.
    for (const worker of workers) {
      const name = workerDatabaseName('zhaoshang_test', worker);
      await createDatabase(postgres!.url, name);
      await runMigrations(withDatabase(postgres!.url, name));
    }
    // Issue 9: the code under test connects as zs_app; the superuser only migrated.
    const roles = await provisionLoginRoles(postgres!.url, { app: randomBytes(18).toString('base64url'), auditor: randomBytes(18).toString('base64url') });
    const bundlePath = join(dir, 'workflow-bundle.js');
    writeFileSync(bundlePath, (bundled as PromiseFulfilledResult<{ code: string }>).value.code);

    process.env[STACK_ENV.databaseUrl] = roles.appUrl;
    process.env[STACK_ENV.superuserDatabaseUrl] = postgres!.url;
    process.env[STACK_ENV.auditorDatabaseUrl] = roles.auditorUrl;
    process.env[STACK_ENV.temporalAddress] = temporal!.address;
    process.env[STACK_ENV.workflowBundle] = bundlePath;
    process.env[STACK_ENV.workDir] = dir;
    process.env[STACK_ENV.payloadKey] = randomBytes(32).toString('hex');
    // The audit checkpoints' key pair, made once here so parallel test files share one (test/support/audit-checkpoint-env.ts).
    ensureCheckpointKeyPair(join(dir, 'keys'));
  } catch (err) {
    // Half-way: stop what started, then fail.
    await Promise.allSettled([(async () => temporal?.process.stop(5000))(), (async () => postgres?.stop(5000))()]);
    if (!process.env.ZS_TEST_KEEP_LOGS) rmSync(dir, { recursive: true, force: true });
    throw err;
  }
  (globalThis as { __zsStack?: TestStackHandles }).__zsStack = { postgres: postgres!, temporal: temporal!.process, dir };
  process.stdout.write(`\ntest stack ready in ${Date.now() - started} ms (postgres :${pgPort}, temporal ${temporal!.address}, logs ${dir})\n`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function createDatabase(superuserUrl: string, name: string): Promise<void> {
  const admin = createDataSource({ url: superuserUrl, poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.destroy();
  }
}

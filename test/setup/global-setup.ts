import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, startEmbeddedPostgres, startTemporalDevServer } from '@zs/local-stack';
import { runMigrations } from '@zs/persistence';
import { buildWorkflowBundle } from '@zs/worker';
import { STACK_ENV, type TestStackHandles } from './stack-env';

/**
 * Starts what the tests need, once per `npm test`: a private PostgreSQL (migrated), a
 * Temporal dev server (for end-to-end tests, visibility and search attributes) and the
 * workflow bundle. Each time-skipping test file starts its own test server (its clock
 * is global, so files must not share one).
 */
export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'zhaoshang-test-'));
  const [pgPort, devPort, uiPort] = await Promise.all([freePort(), freePort(), freePort()]);

  const [postgres, temporal, bundle] = await Promise.all([
    startEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: pgPort, database: 'zhaoshang_test', persistent: false }),
    startTemporalDevServer({ port: devPort, uiPort, headless: true, logFile: join(dir, 'temporal-dev.log'), readyTimeoutMs: 120_000 }),
    buildWorkflowBundle(),
  ]);
  await runMigrations(postgres.url);
  const bundlePath = join(dir, 'workflow-bundle.js');
  writeFileSync(bundlePath, bundle.code);

  process.env[STACK_ENV.databaseUrl] = postgres.url;
  process.env[STACK_ENV.temporalAddress] = temporal.address;
  process.env[STACK_ENV.workflowBundle] = bundlePath;
  process.env[STACK_ENV.workDir] = dir;
  (globalThis as { __zsStack?: TestStackHandles }).__zsStack = { postgres, temporal: temporal.process, dir };
  process.stdout.write(`\ntest stack ready in ${Date.now() - started} ms (postgres :${pgPort}, temporal ${temporal.address}, logs ${dir})\n`);
}

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { ConfigError, loadWorkerConfig, repoRoot } from '@zs/config';
import { createDataSource } from '@zs/persistence';
import { createLifecycleWorker } from './create-worker';

function log(level: string, message: string, meta: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, service: 'worker', message, ...meta }) + '\n');
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadWorkerConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      log('error', err.message);
      process.exit(1);
    }
    throw err;
  }
  // Before anything else touches the SDK. Its default SIGINT/SIGTERM handling shuts the worker down gracefully.
  Runtime.install({
    logger: new DefaultLogger(config.LOG_LEVEL.toUpperCase() as LogLevel, (entry) =>
      log(entry.level.toLowerCase(), entry.message, entry.meta ?? {}),
    ),
  });

  const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'zhaoshang-worker' });
  await dataSource.initialize();
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS });

  const bundlePath = config.WORKFLOW_BUNDLE_PATH ?? join(repoRoot(), 'dist/workflow-bundle.js');
  // Production loads the bundle built by `npm run build`; bundling here (webpack, dev only) is the fallback.
  const workflowBundle = existsSync(bundlePath)
    ? { codePath: bundlePath }
    : { code: (await (await import('./workflow-bundle.js')).buildWorkflowBundle()).code };
  const worker = await createLifecycleWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataSource,
    workflowBundle,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_MS,
  });
  log('info', 'worker started', { taskQueue: worker.options.taskQueue, temporal: config.TEMPORAL_ADDRESS });
  try {
    await worker.run();
  } finally {
    await connection.close();
    await dataSource.destroy();
    log('info', 'worker stopped');
  }
}

main().catch((err) => {
  log('error', 'worker failed', { error: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
});

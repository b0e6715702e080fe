import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { ConfigError, loadWorkerConfig, repoRoot } from '@zs/config';
import { createOutboxDispatcherFromConfig } from '@zs/activities';
import { AuditCheckpointer, assertSm3SelfTest, checkLeastPrivilege, closeDatabase, openDatabase, readPrivateKey } from '@zs/persistence';
import { Client, Connection } from '@temporalio/client';
import { signedDataConverter, temporalTlsFromEnv, type PayloadSigning } from '@zs/temporal-codec';
import { createLifecycleWorker } from './create-worker';
import { ensureDailyDigestSchedule } from './daily-digest-schedule';

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
  let checkpointKey: KeyObject;
  try {
    // The audit chain is SM3: a process whose SM3 is missing or wrong must not write records nobody could verify.
    assertSm3SelfTest();
    checkpointKey = readPrivateKey(config.AUDIT_CHECKPOINT_PRIVATE_KEY_FILE);
  } catch (err) {
    log('error', `refusing to start: ${(err as Error).message}`, { hint: 'AUDIT_CHECKPOINT_PRIVATE_KEY_FILE must name an Ed25519 private key (PEM); npm start makes one in .data/keys' });
    process.exit(1);
  }
  // Before anything else touches the SDK. Its default SIGINT/SIGTERM handling shuts the worker down gracefully.
  Runtime.install({
    logger: new DefaultLogger(config.LOG_LEVEL.toUpperCase() as LogLevel, (entry) =>
      log(entry.level.toLowerCase(), entry.message, entry.meta ?? {}),
    ),
  });

  // Issue 9: what the worker writes to Temporal is signed; what reaches it unsigned or altered is refused.
  const payloadSigning: PayloadSigning = {
    key: config.TEMPORAL_PAYLOAD_KEY,
    mode: config.TEMPORAL_PAYLOAD_SIGNING,
    onUntrusted: (p) => log('warn', 'decoded an untrusted Temporal payload', { reason: p.reason, digest: p.digest, keyId: p.keyId }),
  };
  if (payloadSigning.mode === 'accept-unsigned') {
    log('warn', 'TEMPORAL_PAYLOAD_SIGNING=accept-unsigned: unsigned Temporal payloads are trusted; set enforce once runs started before signing are closed');
  }
  const db = await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'zhaoshang-worker' });
  // Issue 9: not a role that could rewrite the audit log (refused in production).
  await checkLeastPrivilege(db, config.NODE_ENV, (m) => log('warn', m));
  const tls = temporalTlsFromEnv();
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS, tls });

  const bundlePath = config.WORKFLOW_BUNDLE_PATH ?? join(repoRoot(), 'dist/workflow-bundle.js');
  // Production loads the bundle built by `npm run build`; bundling here (webpack, dev only) is the fallback.
  const workflowBundle = existsSync(bundlePath)
    ? { codePath: bundlePath }
    : { code: (await (await import('./workflow-bundle.js')).buildWorkflowBundle()).code };
  const worker = await createLifecycleWorker({
    connection,
    namespace: config.TEMPORAL_NAMESPACE,
    dataSource: db,
    workflowBundle,
    maxCachedWorkflows: config.WORKER_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
    shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_MS,
    payloadSigning,
    log,
  });
  // Delivers the e-mail and webhook rows the activities write to the outbox; runs beside the worker, stops after it.
  const dispatcher = createOutboxDispatcherFromConfig(db, config, (level, message, meta) => {
    if (level !== 'debug' || config.LOG_LEVEL === 'debug') log(level, message, meta);
  });
  dispatcher.start();
  // Signs the audit ledger's head at an interval, into the database and the file outside it.
  const checkpointer = new AuditCheckpointer(db, {
    privateKey: checkpointKey,
    file: config.AUDIT_CHECKPOINT_FILE,
    intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_MS,
    sealIntervalMs: config.AUDIT_SEAL_INTERVAL_MS,
    log: (level, message, meta) => log(level, message, meta),
  });
  checkpointer.start();
  // The daily digest Schedule: created (or brought up to date) on every start, so there is always exactly one.
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls });
  const schedule = await ensureDailyDigestSchedule(
    new Client({ connection: clientConnection, namespace: config.TEMPORAL_NAMESPACE, dataConverter: signedDataConverter(payloadSigning) }),
  );
  log('info', `daily digest schedule ${schedule}`, { at: '08:30 Asia/Shanghai' });
  log('info', 'worker started', {
    taskQueue: worker.options.taskQueue,
    temporal: config.TEMPORAL_ADDRESS,
    email: config.SMTP_URL || config.SMTP_HOST ? 'smtp' : 'not configured (e-mail rows are skipped)',
  });
  try {
    await worker.run();
  } finally {
    // Lets the delivery round in flight record its results before the pool closes.
    await dispatcher.stop();
    await checkpointer.stop();
    await clientConnection.close();
    await connection.close();
    await closeDatabase(db);
    log('info', 'worker stopped');
  }
}

main().catch((err) => {
  log('error', 'worker failed', { error: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
});

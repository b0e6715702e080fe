import type { KeyObject } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DefaultLogger, NativeConnection, Runtime, type LogLevel } from '@temporalio/worker';
import { ConfigError, configuredZones, loadWorkerConfig, repoRoot } from '@zs/config';
import { assertSm3SelfTest, readPrivateKey } from '@zs/persistence';
import { Connection } from '@temporalio/client';
import { temporalTlsFromEnv, type PayloadSigning } from '@zs/temporal-codec';
import { startZoneRuntime, type ZoneRuntime } from './zone-runtime';

function log(level: string, message: string, meta: Record<string, unknown> = {}): void {
  process.stdout.write(JSON.stringify({ time: new Date().toISOString(), level, service: 'worker', message, ...meta }) + '\n');
}

/**
 * What the stack-trace preload did (apps/worker/preload/workflow-stack-traces.cjs): a worker
 * started without it keeps the SDK's default (on), which is said rather than assumed.
 */
function workflowStackTracesState(wanted: 'on' | 'off'): string {
  const applied = (globalThis as { __zsWorkflowStackTraces?: string }).__zsWorkflowStackTraces;
  if (wanted === 'on') return 'on';
  if (applied === 'off') return 'off';
  const why = applied === 'unavailable' ? 'this Temporal SDK has no promise hook where the preload looks' : 'started without --require ./apps/worker/preload/workflow-stack-traces.cjs';
  log('warn', `WORKFLOW_STACK_TRACES=off not applied (${why}): the SDK keeps a stack trace of every workflow promise`);
  return 'on (preload not applied)';
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
  const tls = temporalTlsFromEnv();
  const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS, tls });
  const clientConnection = await Connection.connect({ address: config.TEMPORAL_ADDRESS, tls });

  const bundlePath = config.WORKFLOW_BUNDLE_PATH ?? join(repoRoot(), 'dist/workflow-bundle.js');
  // Production loads the bundle built by `npm run build`; bundling here (webpack, dev only) is the fallback.
  const workflowBundle = existsSync(bundlePath)
    ? { codePath: bundlePath }
    : { code: (await (await import('./workflow-bundle.js')).buildWorkflowBundle()).code };

  // Issue 12: one runtime per zone (its schema's pool, its namespace's worker, outbox, checkpoints, digest); a zone's activities see only its schema.
  const zones = configuredZones(config);
  const runtimes: ZoneRuntime[] = [];
  let runs: Array<Promise<void>> = [];
  try {
    for (const zone of zones) {
      const zoneLog = zones.length > 1 ? (level: string, message: string, meta: Record<string, unknown> = {}) => log(level, message, { zone: zone.code, ...meta }) : log;
      runtimes.push(
        await startZoneRuntime({ zone, zoneCount: zones.length, config, connection, clientConnection, workflowBundle, payloadSigning, checkpointKey, log: zoneLog, debug: config.LOG_LEVEL === 'debug' }),
      );
    }
    log('info', 'worker started', {
      zones: zones.map((z) => `${z.code} (${z.namespace}, ${z.schema})`),
      temporal: config.TEMPORAL_ADDRESS,
      email: config.SMTP_URL || config.SMTP_HOST ? 'smtp' : 'not configured (e-mail rows are skipped)',
      workflowStackTraces: workflowStackTracesState(config.WORKFLOW_STACK_TRACES),
    });
    runs = runtimes.map((r) => r.worker.run());
    // SIGTERM stops every zone's worker; one that fails alone stops the others, and the process ends.
    await Promise.race(runs);
  } finally {
    for (const r of runtimes) if (r.worker.getState() === 'RUNNING') r.worker.shutdown();
    await Promise.allSettled(runs);
    // Lets each zone's delivery round in flight record its results before its pool closes.
    for (const r of runtimes) await r.stop();
    await clientConnection.close();
    await connection.close();
    log('info', 'worker stopped');
  }
}

main().catch((err) => {
  log('error', 'worker failed', { error: err instanceof Error ? err.stack : String(err) });
  process.exit(1);
});

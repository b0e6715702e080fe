import type { KeyObject } from 'node:crypto';
import { Client, type Connection } from '@temporalio/client';
import type { NativeConnection, Worker } from '@temporalio/worker';
import { createOutboxDispatcherFromConfig } from '@zs/activities';
import type { WorkerConfig } from '@zs/config';
import { zoneCheckpointFile, type Zone } from '@zs/domain';
import { AuditCheckpointer, checkLeastPrivilege, closeDatabase, openDatabase } from '@zs/persistence';
import { signedDataConverter, type PayloadSigning } from '@zs/temporal-codec';
import { createLifecycleWorker } from './create-worker';
import { ensureDailyDigestSchedule } from './daily-digest-schedule';


type Log = (level: string, message: string, meta?: Record<string, unknown>) => void;

export interface ZoneRuntimeOptions {
  zone: Zone;
  /** How many zones the process serves: WORKER_MAX_CACHED_WORKFLOWS is the process's, shared out among them. */
  zoneCount: number;
  config: WorkerConfig;
  connection: NativeConnection;
  clientConnection: Connection;
  workflowBundle: { codePath: string } | { code: string };
  payloadSigning: PayloadSigning;
  checkpointKey: KeyObject;
  log: Log;
  debug: boolean;
}

/** What runs for one zone in the worker process; stop() after the worker has stopped. */
export interface ZoneRuntime {
  zone: Zone;
  worker: Worker;
  stop(): Promise<void>;
}

/**
 * One zone's part of the worker (issue 12): a pool whose connections see only the zone's schema,
 * a Temporal worker on the zone's namespace whose activities use that pool, the outbox dispatcher
 * and the audit checkpointer of the zone's tables, and the zone's daily digest Schedule.
 */
export async function startZoneRuntime(o: ZoneRuntimeOptions): Promise<ZoneRuntime> {
  const { zone, config, log } = o;
  const db = await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'zhaoshang-worker', schema: zone.schema });
  const started: Array<() => Promise<void>> = [() => closeDatabase(db)];
  const stopAll = async () => {
    for (const stop of started.reverse()) await stop().catch((err: unknown) => log('warn', 'stopping a zone part failed', { error: String(err) }));
  };
  try {
    // Issue 9: not a role that could rewrite the audit log (refused in production).
    await checkLeastPrivilege(db, config.NODE_ENV, (m) => log('warn', m));
    const worker = await createLifecycleWorker({
      connection: o.connection,
      namespace: zone.namespace,
      dataSource: db,
      workflowBundle: o.workflowBundle,
      // Memory follows the cache of the whole process (bench:scale): each zone's worker gets its share.
      maxCachedWorkflows: Math.max(10, Math.floor(config.WORKER_MAX_CACHED_WORKFLOWS / o.zoneCount)),
      maxConcurrentActivityTaskExecutions: config.WORKER_MAX_CONCURRENT_ACTIVITIES,
      shutdownGraceTime: config.WORKER_SHUTDOWN_GRACE_MS,
      payloadSigning: o.payloadSigning,
      log,
    });
    // Delivers the e-mail and webhook rows the activities write to the outbox; runs beside the worker, stops after it.
    const dispatcher = createOutboxDispatcherFromConfig(db, config, (level, message, meta) => {
      if (level !== 'debug' || o.debug) log(level, message, meta);
    });
    dispatcher.start();
    started.push(() => dispatcher.stop());
    // Signs the zone's audit ledger head at an interval, into its database and the file outside it.
    const checkpointer = new AuditCheckpointer(db, {
      privateKey: o.checkpointKey,
      file: zoneCheckpointFile(config.AUDIT_CHECKPOINT_FILE, zone),
      intervalMs: config.AUDIT_CHECKPOINT_INTERVAL_MS,
      sealIntervalMs: config.AUDIT_SEAL_INTERVAL_MS,
      log: (level, message, meta) => log(level, message, meta),
    });
    checkpointer.start();
    started.push(() => checkpointer.stop());
    // The daily digest Schedule: created (or brought up to date) on every start, so there is always exactly one per zone.
    const schedule = await ensureDailyDigestSchedule(
      new Client({ connection: o.clientConnection, namespace: zone.namespace, dataConverter: signedDataConverter(o.payloadSigning) }),
    );
    log('info', `daily digest schedule ${schedule}`, { at: '08:30 Asia/Shanghai', taskQueue: worker.options.taskQueue, namespace: zone.namespace });
    return { zone, worker, stop: stopAll };
  } catch (err) {
    await stopAll();
    throw err;
  }
}

import { NativeConnection, Worker } from '@temporalio/worker';
import { LIFECYCLE_TASK_QUEUE } from '@zs/contracts';
import { createActivities, type WorkdayCalendar } from '@zs/activities';
import { DEFAULT_MAX_CACHED_WORKFLOWS } from '@zs/config';
import type { Database } from '@zs/persistence';
import { signedDataConverter, type PayloadSigning } from '@zs/temporal-codec';
import { untrustedPayloadSinks, type SinkLog } from './untrusted-payload-sink';

export interface LifecycleWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  dataSource: Database;
  /** A prebuilt bundle (production, tests); without it the worker bundles at start. */
  workflowBundle: { code: string } | { codePath: string };
  taskQueue?: string;
  maxCachedWorkflows?: number;
  maxConcurrentActivityTaskExecutions?: number;
  shutdownGraceTime?: number;
  /** The working-day calendar; default: the Chinese dataset plus the zone's overrides in the database. */
  calendar?: WorkdayCalendar;
  /**
   * Issue 9: signs every payload the worker writes and refuses unsigned or altered ones (the
   * production worker and the e2e harness always pass it). Without it (time-skipping tests,
   * whose test client does not sign) payloads are neither signed nor checked.
   */
  payloadSigning?: PayloadSigning;
  /** Where the worker reports refused payloads (they are also recorded as security events). */
  log?: SinkLog;
}

export function createLifecycleWorker(opts: LifecycleWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: opts.connection,
    namespace: opts.namespace,
    taskQueue: opts.taskQueue ?? LIFECYCLE_TASK_QUEUE,
    workflowBundle: opts.workflowBundle,
    activities: createActivities({ dataSource: opts.dataSource, calendar: opts.calendar }),
    ...(opts.payloadSigning ? { dataConverter: signedDataConverter(opts.payloadSigning) } : {}),
    sinks: untrustedPayloadSinks(opts.dataSource, opts.log),
    // Explicit: the SDK's default grows with the heap and can exhaust memory with years-long projects;
    // ours is sized by measurement (libs/config, DEFAULT_MAX_CACHED_WORKFLOWS).
    maxCachedWorkflows: opts.maxCachedWorkflows ?? DEFAULT_MAX_CACHED_WORKFLOWS,
    maxConcurrentActivityTaskExecutions: opts.maxConcurrentActivityTaskExecutions ?? 100,
    shutdownGraceTime: opts.shutdownGraceTime ?? '10s',
  });
}

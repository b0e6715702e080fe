import { condition, proxyActivities } from '@temporalio/workflow';
import type { ProjectionActivities, ProjectionBatch } from '@zs/contracts';
import type { AuditEntry } from '@zs/domain';

/**
 * A regular activity, not a local one: it is scheduled by the workflow task that applied the
 * change and runs only once that task is committed, so the database never holds a step the
 * workflow did not take. Retried for ever: a database outage delays the projection, never
 * drops it. Eager dispatch keeps it on this worker, skipping a task-queue round trip.
 */
const { projectWorkflowEvents } = proxyActivities<ProjectionActivities>({
  // One short transaction: a worker that died with it in hand is noticed (and the batch retried
  // elsewhere) after this long, so steps waiting on it answer soon after a crash.
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Whose events: a project's or a service request's workflow run. */
export type ProjectionTarget = Omit<ProjectionBatch, 'events' | 'state'>;

export interface Projector {
  /** Queues an applied change's audit event; the state it produced is read when the batch leaves. */
  record(audit: AuditEntry): void;
  /** Resolves once the audit log and read model hold every event up to `seq`. */
  projected(seq: number): Promise<void>;
  /** Resolves once everything recorded so far is projected (before continue-as-new or the end). */
  drained(): Promise<void>;
  projectedSeq(): number;
  /** The last event recorded in this run (0 before the first). */
  recordedSeq(): number;
  /**
   * The recorded events through `seq` not yet known to be projected (in flight or waiting), in
   * order: what a step answering on commit hands the API to write (answer-on-commit).
   */
  unprojected(seq: number): AuditEntry[];
}

/**
 * One projection loop per workflow run: sends the recorded events in sequence order, as
 * consecutive batches, each with the state after its last event. Events wait for any
 * missing predecessor, so the log has no gap and the read model never runs ahead of it.
 */
export function createProjector(
  target: ProjectionTarget,
  /** The workflow's current state (a project's for stream 'project', a request's for 'service_request'). */
  getState: () => ProjectionBatch['state'],
  /** What is already in the database when the first event is recorded (earlier runs, or code before issue 8). */
  alreadyProjected: () => number,
): Projector {
  let projectedSeq = 0;
  const pending: AuditEntry[] = [];
  let running = false;
  let inFlight: AuditEntry[] = [];
  let recordedSeq = 0;

  const contiguous = (): AuditEntry[] => {
    const batch: AuditEntry[] = [];
    for (const e of pending) {
      if (e.seq !== projectedSeq + batch.length + 1) break;
      batch.push(e);
    }
    return batch;
  };
  const ready = () => {
    const batch = contiguous();
    return batch.length > 0 && getState().seq === batch[batch.length - 1].seq;
  };

  async function loop(): Promise<void> {
    for (;;) {
      await condition(ready);
      const events = contiguous();
      pending.splice(0, events.length);
      inFlight = events;
      await projectWorkflowEvents({ ...target, events, state: getState() } as ProjectionBatch);
      projectedSeq = events[events.length - 1].seq;
      inFlight = [];
    }
  }

  return {
    record(audit) {
      if (running && (audit.seq <= projectedSeq || pending.some((e) => e.seq === audit.seq))) {
        // Two changes computed from one state: refuse loudly (fails the workflow task) rather than lose one.
        throw new Error(`audit sequence ${audit.seq} recorded twice (projected through ${projectedSeq})`);
      }
      pending.push(audit);
      recordedSeq = Math.max(recordedSeq, audit.seq);
      pending.sort((a, b) => a.seq - b.seq);
      if (!running) {
        running = true;
        projectedSeq = alreadyProjected();
        void loop();
      }
    },
    projected: (seq) => condition(() => projectedSeq >= seq),
    drained: () => condition(() => pending.length === 0 && inFlight.length === 0),
    projectedSeq: () => projectedSeq,
    recordedSeq: () => recordedSeq,
    unprojected: (seq) => [...inFlight, ...pending].filter((e) => e.seq > projectedSeq && e.seq <= seq),
  };
}

import { isGrpcServiceError, type Client } from '@temporalio/client';
import { WorkflowNotFoundError, type LoadedDataConverter, type Payload } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import {
  PROJECT_WORKFLOW_TYPE,
  PROJECTION_ACTIVITY,
  SERVICE_REQUEST_WORKFLOW_TYPE,
  projectStateQuery,
  serviceRequestStateQuery,
  type ProjectionBatch,
} from '@zs/contracts';
import type { HistoryAuditEvent, ReconciledStream, StateAt } from '@zs/domain';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

const GRPC_NOT_FOUND = 5;
const GRPC_UNIMPLEMENTED = 12;
const SAFE_WORKFLOW_ID = /^[A-Za-z0-9_.:-]+$/;

/** One projection batch as a workflow run's history holds it (the input of a `projectWorkflowEvents` activity). */
export interface HistoryBatch {
  runId: string;
  scheduledEventId: number;
  /** The activity completed: the batch is in the database. */
  completed: boolean;
  /** Not completed and the run is still open: it may still be on its way. */
  pending: boolean;
  batch: ProjectionBatch;
}

export interface WorkflowRunInfo {
  runId: string;
  startedAt: Date | null;
  /** The run has closed (completed, continued as new, failed, terminated, timed out, cancelled). */
  closed: boolean;
  events: number;
}

/** What Temporal keeps of one workflow id: its runs, oldest first, and their projection batches. */
export interface WorkflowHistoryRecord {
  workflowId: string;
  /** False when Temporal knows no run of this id (never started, or every run past retention). */
  found: boolean;
  workflowType: string | null;
  runs: WorkflowRunInfo[];
  batches: HistoryBatch[];
  /** Child workflows the runs started (service requests of a project), by workflow id and type. */
  children: Array<{ workflowId: string; workflowType: string }>;
}

const isNotFound = (err: unknown): boolean => err instanceof WorkflowNotFoundError || (isGrpcServiceError(err) && err.code === GRPC_NOT_FOUND);

const toNumber = (value: number | { toString(): string } | null | undefined): number => (value == null ? 0 : Number(value.toString()));

function toDate(ts: temporal.api.history.v1.IHistoryEvent['eventTime']): Date | null {
  if (!ts) return null;
  return new Date(toNumber(ts.seconds) * 1000 + Math.floor((ts.nanos ?? 0) / 1e6));
}

/** Decodes one payload as the client would (its codecs, then its payload converter). */
async function decodePayload<T>(converter: LoadedDataConverter, payload: Payload): Promise<T> {
  let payloads = [payload];
  for (const codec of [...converter.payloadCodecs].reverse()) payloads = await codec.decode(payloads);
  return converter.payloadConverter.fromPayload<T>(payloads[0]);
}

const CLOSE_ATTRIBUTES = [
  'workflowExecutionCompletedEventAttributes',
  'workflowExecutionFailedEventAttributes',
  'workflowExecutionTimedOutEventAttributes',
  'workflowExecutionTerminatedEventAttributes',
  'workflowExecutionCanceledEventAttributes',
  'workflowExecutionContinuedAsNewEventAttributes',
] as const;

interface RunHistory {
  info: WorkflowRunInfo;
  workflowType: string | null;
  previousRunId: string | null;
  events: HistoryEvent[];
}

async function fetchRun(client: Client, workflowId: string, runId: string): Promise<RunHistory | null> {
  let events: HistoryEvent[];
  try {
    events = (await client.workflow.getHandle(workflowId, runId).fetchHistory()).events ?? [];
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
  const started = events[0]?.workflowExecutionStartedEventAttributes;
  return {
    info: {
      runId,
      startedAt: toDate(events[0]?.eventTime),
      closed: events.some((e) => CLOSE_ATTRIBUTES.some((a) => !!e[a])),
      events: events.length,
    },
    workflowType: started?.workflowType?.name ?? null,
    previousRunId: started?.continuedExecutionRunId || null,
    events,
  };
}

/**
 * Reads every run of a workflow id Temporal still keeps: those visibility lists, and the
 * continue-as-new chain back from the current run (visibility may lag a moment behind), oldest
 * first; then pulls the projection batches out of their ActivityTaskScheduled events.
 */
export async function readWorkflowHistory(client: Client, workflowId: string): Promise<WorkflowHistoryRecord> {
  const runIds = new Set<string>();
  // Our workflow ids are `project-<uuid>` and `service-request-<uuid>`: nothing to escape in the query.
  if (SAFE_WORKFLOW_ID.test(workflowId)) {
    try {
      for await (const execution of client.workflow.list({ query: `WorkflowId = '${workflowId}'` })) runIds.add(execution.runId);
    } catch (err) {
      // A server without visibility queries (the time-skipping test server): the chain below finds the runs.
      if (!(isGrpcServiceError(err) && err.code === GRPC_UNIMPLEMENTED) && !(err instanceof Error && isGrpcServiceError(err.cause) && err.cause.code === GRPC_UNIMPLEMENTED)) throw err;
    }
  }
  try {
    runIds.add((await client.workflow.getHandle(workflowId).describe()).runId);
  } catch (err) {
    if (!isNotFound(err)) throw err;
  }

  const runs = new Map<string, RunHistory>();
  const queue = [...runIds];
  while (queue.length) {
    const runId = queue.shift() as string;
    if (runs.has(runId)) continue;
    const run = await fetchRun(client, workflowId, runId);
    if (!run) continue;
    runs.set(runId, run);
    if (run.previousRunId && !runs.has(run.previousRunId)) queue.push(run.previousRunId);
  }
  const ordered = [...runs.values()].sort((a, b) => (a.info.startedAt?.getTime() ?? 0) - (b.info.startedAt?.getTime() ?? 0));

  const converter = client.options.loadedDataConverter;
  const batches: HistoryBatch[] = [];
  const children: WorkflowHistoryRecord['children'] = [];
  for (const run of ordered) {
    const completed = new Set<number>();
    for (const e of run.events) {
      const done = e.activityTaskCompletedEventAttributes;
      if (done) completed.add(toNumber(done.scheduledEventId));
    }
    for (const e of run.events) {
      const scheduled = e.activityTaskScheduledEventAttributes;
      if (scheduled?.activityType?.name === PROJECTION_ACTIVITY) {
        const payload = scheduled.input?.payloads?.[0];
        if (!payload) continue;
        const batch = await decodePayload<ProjectionBatch>(converter, payload as Payload);
        const id = toNumber(e.eventId);
        batches.push({ runId: run.info.runId, scheduledEventId: id, completed: completed.has(id), pending: !completed.has(id) && !run.info.closed, batch });
      }
      const child = e.startChildWorkflowExecutionInitiatedEventAttributes;
      if (child?.workflowId) children.push({ workflowId: child.workflowId, workflowType: child.workflowType?.name ?? '' });
    }
  }
  return {
    workflowId,
    found: ordered.length > 0,
    workflowType: ordered.find((r) => r.workflowType)?.workflowType ?? null,
    runs: ordered.map((r) => r.info),
    batches,
    children,
  };
}

/** The stream of a workflow: from its type in Temporal, else from its id. */
export function streamOf(record: WorkflowHistoryRecord): ReconciledStream {
  if (record.workflowType === PROJECT_WORKFLOW_TYPE) return 'project';
  if (record.workflowType === SERVICE_REQUEST_WORKFLOW_TYPE) return 'service_request';
  return record.workflowId.startsWith('project-') ? 'project' : 'service_request';
}

/** The history's side of the comparison: its events in order, the first seq it vouches for, the states after its batches. */
export function historySide(record: WorkflowHistoryRecord): {
  history: HistoryAuditEvent[];
  firstVerifiableSeq: number | null;
  historyState: StateAt | null;
  pendingStates: StateAt[];
} {
  const history: HistoryAuditEvent[] = [];
  let historyState: StateAt | null = null;
  const pendingStates: StateAt[] = [];
  for (const b of record.batches) {
    for (const entry of b.batch.events) history.push({ entry, runId: b.runId, pending: b.pending });
    const last = b.batch.events[b.batch.events.length - 1];
    if (!last) continue;
    const at: StateAt = { seq: last.seq, state: b.batch.state };
    if (b.pending) pendingStates.push(at);
    else if (!historyState || at.seq >= historyState.seq) historyState = at;
  }
  const firstVerifiableSeq = history.length ? Math.min(...history.map((h) => h.entry.seq)) : null;
  return { history, firstVerifiableSeq, historyState, pendingStates };
}

/**
 * The workflow's live state through its query (a worker must be running; a closed workflow is
 * replayed to answer). Null when it does not answer within `timeoutMs` or does not exist.
 */
export async function queryLiveState(client: Client, workflowId: string, stream: ReconciledStream, timeoutMs = 5_000): Promise<StateAt | null> {
  try {
    return await client.withDeadline(Date.now() + timeoutMs, async () => {
      const handle = client.workflow.getHandle(workflowId);
      const state =
        stream === 'project' ? (await handle.query(projectStateQuery)).state : await handle.query(serviceRequestStateQuery);
      return { seq: state.seq, state };
    });
  } catch {
    return null;
  }
}

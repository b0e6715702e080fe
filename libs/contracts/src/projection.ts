import type { AuditEntry, ProjectionBatch, ProjectionStream, ProjectState, ServiceRequestState } from '@zs/domain';

export type { ProjectionBatch, ProjectionStream } from '@zs/domain';

/**
 * The audit log and read models are a projection of each workflow's committed history.
 * A workflow hands its new audit events, in sequence order, to one regular activity
 * (`projectWorkflowEvents`): the activity is scheduled by the workflow task that applied
 * the change, so it runs only once that task is committed (no phantom), and its input is
 * kept in the workflow's event history, where the reconciler reads it back. A step's answer
 * carries the same events (answer-on-commit), so the API writes them first; see
 * libs/persistence/src/projection/projection-writer.ts.
 */
export const PROJECTION_ACTIVITY = 'projectWorkflowEvents';

export interface ProjectionActivities {
  projectWorkflowEvents(batch: ProjectionBatch): Promise<void>;
}

/**
 * The events a step's answer carries (answer-on-commit): every event of the run through the
 * step's own, not yet known to be projected, in order. The answer holds the state after them.
 */
export interface AnsweredProjection {
  stream: ProjectionStream;
  workflowId: string;
  runId: string;
  projectId: string;
  events: AuditEntry[];
}

/**
 * The batch the API writes from a step's answer, and the answer without it; the batch is null when
 * there is nothing to write or the answer's state is not the one after the last event (then the
 * projection activity alone writes).
 */
export function splitAnswer<A extends object>(answer: A): { answer: A; batch: ProjectionBatch | null } {
  if (!('projection' in answer)) return { answer, batch: null };
  const { projection, ...rest } = answer as A & { projection?: AnsweredProjection };
  const last = projection?.events[projection.events.length - 1];
  if (!projection || !last) return { answer: rest as A, batch: null };
  const target = { workflowId: projection.workflowId, runId: projection.runId, projectId: projection.projectId, events: projection.events };
  if (projection.stream === 'project') {
    const state = (rest as { state?: ProjectState }).state;
    return { answer: rest as A, batch: state && state.seq === last.seq ? { stream: 'project', ...target, state } : null };
  }
  const state = rest as unknown as ServiceRequestState;
  return { answer: rest as A, batch: state.seq === last.seq ? { stream: 'service_request', ...target, state } : null };
}

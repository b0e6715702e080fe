import type { AuditEntry, ProjectionBatch, ProjectState } from '@zs/domain';

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
  workflowId: string;
  runId: string;
  projectId: string;
  events: AuditEntry[];
}

/**
 * The batch the API writes from a project step's answer, or null when there is nothing to write
 * or the state is not the one after the last event (then the projection activity alone writes).
 */
export function projectBatchOfAnswer(projection: AnsweredProjection | undefined, state: ProjectState): ProjectionBatch | null {
  const last = projection?.events[projection.events.length - 1];
  if (!projection || !last || last.seq !== state.seq) return null;
  return { stream: 'project', workflowId: projection.workflowId, runId: projection.runId, projectId: projection.projectId, events: projection.events, state };
}

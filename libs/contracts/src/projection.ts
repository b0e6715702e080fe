import type { AuditEntry, ProjectState, ServiceRequestState } from '@zs/domain';

/**
 * The audit log and read models are a projection of each workflow's committed history.
 * A workflow hands its new audit events, in sequence order, to one regular activity
 * (`projectWorkflowEvents`): the activity is scheduled by the workflow task that applied
 * the change, so it runs only once that task is committed (no phantom), and its input is
 * kept in the workflow's event history, where the reconciler reads it back.
 */
export const PROJECTION_ACTIVITY = 'projectWorkflowEvents';

interface BatchBase {
  workflowId: string;
  runId: string;
  projectId: string;
  /** Consecutive events (seq n, n+1, …) of this workflow, never before projected by this run. */
  events: AuditEntry[];
}

/** The events and the state after the last of them (state.seq = the last event's seq). */
export type ProjectionBatch =
  | (BatchBase & { stream: 'project'; state: ProjectState })
  | (BatchBase & { stream: 'service_request'; state: ServiceRequestState });

export type ProjectionStream = ProjectionBatch['stream'];

export interface ProjectionActivities {
  projectWorkflowEvents(batch: ProjectionBatch): Promise<void>;
}

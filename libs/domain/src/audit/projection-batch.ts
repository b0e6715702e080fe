import type { AuditEntry, ProjectState } from '../project/project-state';
import type { ServiceRequestState } from '../service/service-request-state';

interface BatchBase {
  workflowId: string;
  runId: string;
  projectId: string;
  /** Consecutive events (seq n, n+1, …) of this workflow, from one committed run. */
  events: AuditEntry[];
}

/**
 * What the audit log and read models are written from: a workflow's committed events and the
 * state after the last of them (state.seq = the last event's seq). Written by the projection
 * activity (always) and by the API from a step's answer (first, so the step answers as soon as
 * its workflow task commits); both writes are idempotent and forward only.
 */
export type ProjectionBatch =
  | (BatchBase & { stream: 'project'; state: ProjectState })
  | (BatchBase & { stream: 'service_request'; state: ServiceRequestState });

export type ProjectionStream = ProjectionBatch['stream'];

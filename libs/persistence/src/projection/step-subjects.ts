import type { Queryable } from '../database';
import type { ProjectState, ServiceRequestState } from '@zs/domain';

/** A workflow a step is sent to, as the read model knows it. */
export interface StepSubject<S> {
  workflowId: string;
  runId: string | null;
  state: S;
  updatedAt: Date;
}

export async function findProjectSubject(db: Queryable, projectId: string): Promise<StepSubject<ProjectState> | null> {
  const rows: Array<{ workflow_id: string; run_id: string; state: ProjectState; updated_at: Date }> = await db.query(
    `SELECT workflow_id, run_id, state, updated_at FROM projects WHERE id = $1`,
    [projectId],
  );
  return rows[0] ? { workflowId: rows[0].workflow_id, runId: rows[0].run_id, state: rows[0].state, updatedAt: rows[0].updated_at } : null;
}

export async function findServiceRequestSubject(db: Queryable, requestId: string): Promise<StepSubject<ServiceRequestState> | null> {
  const rows: Array<{ workflow_id: string; state: ServiceRequestState; updated_at: Date }> = await db.query(
    `SELECT workflow_id, state, updated_at FROM service_requests WHERE id = $1`,
    [requestId],
  );
  return rows[0] ? { workflowId: rows[0].workflow_id, runId: null, state: rows[0].state, updatedAt: rows[0].updated_at } : null;
}

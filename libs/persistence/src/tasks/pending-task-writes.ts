// The pending_tasks read model (issue 12): one row per task an open project or open service request
// is waiting for, derived from the state by the domain (pendingTaskRecords, serviceRequestTaskRecords).
import { pendingTaskRecords, serviceRequestTaskRecords, type PendingTaskRecord, type ProjectState, type ServiceRequestState, type Stage } from '@zs/domain';
import type { Queryable } from '../database';

/** A task to store: the project's own (workflowId null) or a service request's, at its place in the derived list. */
interface TaskRow {
  workflowId: string | null;
  position: number;
  record: PendingTaskRecord<string>;
}

const rowsOf = (workflowId: string | null, records: readonly PendingTaskRecord<string>[]): TaskRow[] =>
  records.map((record, position) => ({ workflowId, position, record }));

const TASK_COLUMNS = `project_id, workflow_id, position, step, step_label, company_name, stage, assignee_role, assignee_user_id,
        deadline_at, paused_remaining_ms, late`;
/** The rows as a set, from the first twelve parameters (one array per column). */
const TASK_ROWS = `SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[],
                          $10::timestamptz[], $11::bigint[], $12::boolean[])`;

/** Many rows in one statement (one array parameter per column). */
async function insertTaskRows(db: Queryable, rows: readonly TaskRow[]): Promise<void> {
  if (rows.length === 0) return;
  await db.query(`INSERT INTO pending_tasks (${TASK_COLUMNS}) ${TASK_ROWS}`, taskParams(rows));
}

/** The twelve column arrays of TASK_ROWS. */
function taskParams(rows: readonly TaskRow[]): unknown[] {
  return [
    rows.map((r) => r.record.projectId),
    rows.map((r) => r.workflowId),
    rows.map((r) => r.position),
    rows.map((r) => r.record.step),
    rows.map((r) => r.record.stepLabel),
    rows.map((r) => r.record.companyName),
    rows.map((r) => r.record.stage),
    rows.map((r) => r.record.assignee.role),
    rows.map((r) => r.record.assignee.userId ?? null),
    rows.map((r) => (r.record.deadlineAt === null ? null : new Date(r.record.deadlineAt))),
    rows.map((r) => r.record.pausedRemainingMs),
    rows.map((r) => r.record.late),
  ];
}

/**
 * Replaces the project's own tasks with those of `state` (none once terminal) and carries its stage
 * to its service requests' tasks (a request task shows, and is filtered by, its project's stage).
 * Called by writeProjectReadModel in the projection's transaction, when the read model moved.
 */
export async function replaceProjectTasks(tx: Queryable, state: ProjectState): Promise<void> {
  const rows = rowsOf(null, pendingTaskRecords(state));
  // One statement (a step's write is a row of round trips): the tasks are upserted at their
  // positions, the project's tasks past the last are deleted and its requests' tasks take its
  // stage. The three touch disjoint rows (positions below / from the count; request rows), so
  // running them side by side in one statement is safe.
  await tx.query(
    `WITH gone AS (DELETE FROM pending_tasks WHERE project_id = $13 AND workflow_id IS NULL AND position >= $15),
          moved AS (UPDATE pending_tasks SET stage = $14 WHERE project_id = $13 AND workflow_id IS NOT NULL AND stage <> $14)
     INSERT INTO pending_tasks (${TASK_COLUMNS}) ${TASK_ROWS}
     ON CONFLICT (project_id, position) WHERE workflow_id IS NULL DO UPDATE SET
       step = EXCLUDED.step, step_label = EXCLUDED.step_label, company_name = EXCLUDED.company_name, stage = EXCLUDED.stage,
       assignee_role = EXCLUDED.assignee_role, assignee_user_id = EXCLUDED.assignee_user_id, deadline_at = EXCLUDED.deadline_at,
       paused_remaining_ms = EXCLUDED.paused_remaining_ms, late = EXCLUDED.late`,
    [...taskParams(rows), state.projectId, state.stage, rows.length],
  );
}

/**
 * Replaces a service request's tasks with those of `state` (none once closed), under its project's
 * stage as the projects read model holds it; a request whose project has no row yet has no task
 * (as the work queue never listed one). Called by writeServiceRequestReadModel, when the read model moved.
 */
export async function replaceServiceRequestTasks(tx: Queryable, workflowId: string, state: ServiceRequestState): Promise<void> {
  await tx.query(`DELETE FROM pending_tasks WHERE workflow_id = $1`, [workflowId]);
  if (state.status === 'closed') return;
  // FOR SHARE: a concurrent write of the project's read model (which carries its stage to these rows)
  // commits first or waits for this one. (The projection also serialises a project's and its requests'
  // batches on the project's audit chain lock.)
  const [project]: Array<{ stage: Stage }> = await tx.query(`SELECT stage FROM projects WHERE id = $1 FOR SHARE`, [state.projectId]);
  if (!project) return;
  await insertTaskRows(tx, rowsOf(workflowId, serviceRequestTaskRecords(state, project.stage)));
}

/**
 * Recomputes every task from the read models (projects.state and the open service requests'
 * states), a batch of projects at a time (idempotent): run by the migration that created the
 * table, so an existing database gets its tasks; again after a change of the derivation.
 * Returns the number of tasks written.
 */
export async function backfillPendingTasks(db: Queryable, batchSize = 500): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let total = 0;
  for (;;) {
    const projects: Array<{ id: string; stage: Stage; state: ProjectState }> = await db.query(
      `SELECT id, stage, state FROM projects WHERE id > $1 ORDER BY id LIMIT $2`,
      [after, batchSize],
    );
    if (projects.length === 0) return total;
    const ids = projects.map((p) => p.id);
    const requests: Array<{ project_id: string; workflow_id: string; state: ServiceRequestState }> = await db.query(
      `SELECT project_id, workflow_id, state FROM service_requests WHERE project_id = ANY($1::uuid[]) AND status <> 'closed' ORDER BY id`,
      [ids],
    );
    const stageOf = new Map(projects.map((p) => [p.id, p.stage]));
    const rows = [
      ...projects.flatMap((p) => rowsOf(null, pendingTaskRecords(p.state))),
      ...requests.flatMap((r) => rowsOf(r.workflow_id, serviceRequestTaskRecords(r.state, stageOf.get(r.project_id)!))),
    ];
    await db.query(`DELETE FROM pending_tasks WHERE project_id = ANY($1::uuid[])`, [ids]);
    for (let i = 0; i < rows.length; i += 1000) await insertTaskRows(db, rows.slice(i, i + 1000));
    total += rows.length;
    after = ids[ids.length - 1];
  }
}

// GET /tasks (issue 12): the caller's work queue, filtered, ordered and paged in SQL over pending_tasks.
import { pendingTaskAt, TASK_SUPERVISING_ROLES, type PendingStep, type PendingTask, type Role, type ServiceRequestStep, type Stage, type TaskViewer } from '@zs/domain';
import type { Queryable } from '../database';

/** A task of the queue: a project's own step or a service request's. */
export type QueueTask = PendingTask<PendingStep | ServiceRequestStep>;

export interface PendingTaskQuery {
  viewer: TaskViewer;
  /** Only tasks of projects in this stage. */
  stage?: Stage;
  /** Only tasks past (true) or not past (false) their deadline at `now`. */
  overdue?: boolean;
  page: number;
  pageSize: number;
}

interface RawTask {
  project_id: string;
  step: string;
  step_label: string;
  company_name: string;
  stage: Stage;
  assignee_role: Role;
  assignee_user_id: string | null;
  deadline_at: Date | null;
  paused_remaining_ms: number | null;
  late: boolean;
}

/**
 * The viewer's tasks at `now` and how many there are, in the order of the domain's
 * comparePendingTasks (overdue first, then the nearest deadline, none last, then the project id),
 * a project's own tasks before its service requests' (by request), each in its derived order.
 *
 * - Whose (isTaskFor): named to the viewer; or addressed to the viewer's role with no one named;
 *   for a TASK_SUPERVISING_ROLES role, every task of the role.
 * - Overdue at `now` (pendingTaskAt): late, or the fixed deadline has come, or a paused clock had
 *   no time left. The deadline a paused clock's task sorts by is `now` plus its remaining time.
 * - remainingMs and overdue of each item are computed here from the stored due (pendingTaskAt).
 * Every value reaches PostgreSQL as a parameter; project ids compare as uuids (byte order, as
 * JavaScript compares their lowercase text), workflow ids in byte order (COLLATE "C").
 */
export async function listPendingTasks(db: Queryable, query: PendingTaskQuery, now: number): Promise<{ items: QueueTask[]; total: number }> {
  const params: unknown[] = [new Date(now), query.viewer.userId, query.viewer.role];
  const supervising = (TASK_SUPERVISING_ROLES as readonly string[]).includes(query.viewer.role);
  const byRole = supervising ? 't.assignee_role = $3' : '(t.assignee_role = $3 AND t.assignee_user_id IS NULL)';
  const conditions = [`(t.assignee_user_id = $2 OR ${byRole})`];
  if (query.stage !== undefined) {
    params.push(query.stage);
    conditions.push(`t.stage = $${params.length}`);
  }
  let overdueFilter = '';
  if (query.overdue !== undefined) {
    params.push(query.overdue);
    overdueFilter = `WHERE q.overdue = $${params.length}`;
  }
  const queue = `
    WITH queue AS (
      SELECT t.*,
             (t.late OR t.deadline_at <= $1::timestamptz OR t.paused_remaining_ms <= 0) IS TRUE AS overdue,
             COALESCE(t.deadline_at, $1::timestamptz + t.paused_remaining_ms * interval '1 millisecond') AS due
        FROM pending_tasks t
       WHERE ${conditions.join(' AND ')}
    )`;

  const [counted, rows] = await Promise.all([
    db.query(`${queue} SELECT count(*)::int AS total FROM queue q ${overdueFilter}`, params) as Promise<Array<{ total: number }>>,
    db.query(
      `${queue}
       SELECT q.project_id, q.step, q.step_label, q.company_name, q.stage, q.assignee_role, q.assignee_user_id,
              q.deadline_at, q.paused_remaining_ms::float8 AS paused_remaining_ms, q.late
         FROM queue q ${overdueFilter}
        ORDER BY q.overdue DESC, q.due ASC NULLS LAST, q.project_id, q.workflow_id COLLATE "C" ASC NULLS FIRST, q.position
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    ) as Promise<RawTask[]>,
  ]);
  return { items: rows.map((r) => toTask(r, now)), total: counted[0]?.total ?? 0 };
}

function toTask(r: RawTask, now: number): QueueTask {
  return pendingTaskAt(
    {
      projectId: r.project_id,
      companyName: r.company_name,
      stage: r.stage,
      step: r.step as QueueTask['step'],
      stepLabel: r.step_label,
      assignee: r.assignee_user_id === null ? { role: r.assignee_role } : { role: r.assignee_role, userId: r.assignee_user_id },
      deadlineAt: r.deadline_at === null ? null : new Date(r.deadline_at).getTime(),
      pausedRemainingMs: r.paused_remaining_ms,
      late: r.late,
    },
    now,
  );
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { backfillPendingTasks } from '../tasks/pending-task-writes';

/**
 * Issue 12: the staff work queue (`GET /tasks`) as a read model. One row per task an open project or
 * open service request is waiting for (pendingTaskRecords / serviceRequestTaskRecords of its state),
 * replaced by the projection in the read model's transaction; GET /tasks filters, orders and pages
 * it in SQL (tasks/pending-task-reads.ts) instead of deriving every open project's tasks per request.
 *
 * - `workflow_id`: the service request's workflow, null for the project's own tasks; `position`: the
 *   task's place in its derived list (a project's tasks keep their lifecycle order on ties).
 * - `stage`: the project's, also on its requests' tasks (the projection carries it over).
 * - The deadline is stored so that the time of the request is not needed to store it:
 *   `deadline_at` when fixed; `paused_remaining_ms` instead while the step's clock is paused (the
 *   deadline is then that long after "now"); `late` when the owner is behind whatever the deadline
 *   (a missed follow-up). Overdue = late, or deadline_at <= now, or paused_remaining_ms <= 0.
 * - Indexes: the caller's own tasks (named to them) and their role's, each with the stage filter;
 *   the two unique ones identify a row and serve the projection's replacements.
 *
 * An ordinary table: zs_app reads and writes it (applyDatabaseRoles grants every table after each
 * migration run). Backfilled here from projects.state and service_requests.state.
 */
export class PendingTasks1763902000000 implements MigrationInterface {
  name = 'PendingTasks1763902000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE pending_tasks (
        project_id uuid NOT NULL,
        workflow_id text,
        position integer NOT NULL CHECK (position >= 0),
        step text NOT NULL,
        step_label text NOT NULL,
        company_name text NOT NULL,
        stage text NOT NULL,
        assignee_role text NOT NULL,
        assignee_user_id text,
        deadline_at timestamptz,
        paused_remaining_ms bigint,
        late boolean NOT NULL DEFAULT false,
        CHECK (deadline_at IS NULL OR paused_remaining_ms IS NULL)
      )`);
    await q.query(`CREATE UNIQUE INDEX pending_tasks_project_uq ON pending_tasks (project_id, position) WHERE workflow_id IS NULL`);
    await q.query(`CREATE UNIQUE INDEX pending_tasks_request_uq ON pending_tasks (workflow_id, position) WHERE workflow_id IS NOT NULL`);
    await q.query(`CREATE INDEX pending_tasks_request_project_idx ON pending_tasks (project_id) WHERE workflow_id IS NOT NULL`);
    await q.query(`CREATE INDEX pending_tasks_role_idx ON pending_tasks (assignee_role, stage)`);
    await q.query(`CREATE INDEX pending_tasks_user_idx ON pending_tasks (assignee_user_id, stage) WHERE assignee_user_id IS NOT NULL`);
    await backfillPendingTasks(q);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS pending_tasks`);
  }
}

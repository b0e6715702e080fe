import type { DataSource } from 'typeorm';

export interface NotificationRow {
  dedupe_key: string;
  recipient_role: string;
  recipient_user_id: string | null;
  kind: string;
  level: number;
  title: string;
}

export async function notificationsOf(ds: DataSource, projectId: string): Promise<NotificationRow[]> {
  return ds.query(
    `SELECT dedupe_key, recipient_role, recipient_user_id, kind, level, title FROM notifications WHERE project_id = $1 ORDER BY id`,
    [projectId],
  );
}

export interface AuditRow {
  seq: number;
  action: string;
  actor_id: string;
  actor_role: string;
  stage_before: string | null;
  stage_after: string;
  payload: Record<string, unknown>;
  workflow_id: string;
  run_id: string;
}

export async function auditOf(ds: DataSource, projectId: string): Promise<AuditRow[]> {
  return ds.query(
    `SELECT seq, action, actor_id, actor_role, stage_before, stage_after, payload, workflow_id, run_id
       FROM audit_events WHERE project_id = $1 ORDER BY occurred_at, id`,
    [projectId],
  );
}

/** Counts rows of the tables a request could touch, to prove a refused request changed nothing. */
export async function tableCounts(ds: DataSource): Promise<Record<string, number>> {
  const [row] = await ds.query(`SELECT
      (SELECT count(*) FROM projects)::int AS projects,
      (SELECT count(*) FROM audit_events)::int AS audit_events,
      (SELECT count(*) FROM notifications)::int AS notifications,
      (SELECT count(*) FROM service_requests)::int AS service_requests,
      (SELECT count(*) FROM users)::int AS users`);
  return row;
}

import type { Queryable } from '../database';
import type { AuditConflict } from './audit-event-store';

export interface ProjectionConflictRow {
  id: number;
  workflowId: string;
  projectId: string;
  seq: number;
  stored: unknown;
  attempted: unknown;
  attempts: number;
  firstSeenAt: string;
  lastSeenAt: string;
}

/**
 * Keeps a refused projection write for administrators. Written outside the refused
 * transaction (which rolls back); each retry of the same write counts one more attempt.
 */
export async function recordProjectionConflicts(db: Queryable, workflowId: string, projectId: string, conflicts: AuditConflict[]): Promise<void> {
  for (const c of conflicts) {
    await db.query(
      `INSERT INTO projection_conflicts (workflow_id, project_id, seq, stored, attempted)
       VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (workflow_id, seq) DO UPDATE SET attempts = projection_conflicts.attempts + 1, last_seen_at = now(), attempted = EXCLUDED.attempted`,
      [workflowId, projectId, c.seq, JSON.stringify(c.stored), JSON.stringify(c.attempted)],
    );
  }
}

export async function listProjectionConflicts(db: Queryable, limit: number, offset: number): Promise<{ items: ProjectionConflictRow[]; total: number }> {
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT id, workflow_id, project_id, seq, stored, attempted, attempts, first_seen_at, last_seen_at, count(*) OVER () AS total
     FROM projection_conflicts ORDER BY last_seen_at DESC, id DESC LIMIT $1 OFFSET $2`,
    [limit, offset],
  );
  return {
    total: rows.length ? Number(rows[0].total) : 0,
    items: rows.map((r) => ({
      id: Number(r.id),
      workflowId: r.workflow_id as string,
      projectId: r.project_id as string,
      seq: r.seq as number,
      stored: r.stored,
      attempted: r.attempted,
      attempts: r.attempts as number,
      firstSeenAt: (r.first_seen_at as Date).toISOString(),
      lastSeenAt: (r.last_seen_at as Date).toISOString(),
    })),
  };
}

// Reads of the append-only audit log (written only by the workflows' record*Event activities).
// The auditor's paginated history (one order across a project and its service requests) is project-history-reads.ts.
import type { Queryable } from '../database';

export interface AuditActionRow {
  occurredAt: Date;
  actorId: string;
  action: string;
  payload: Record<string, unknown>;
}

/** The project's audit events with one of `actions` (the SLA timeline's pauses, warnings, escalations …), in time order. */
export async function projectAuditActions(db: Queryable, projectId: string, actions: readonly string[]): Promise<AuditActionRow[]> {
  const rows: Array<{ occurred_at: Date; actor_id: string; action: string; payload: Record<string, unknown> }> = await db.query(
    `SELECT occurred_at, actor_id, action, payload FROM audit_events WHERE project_id = $1 AND action = ANY($2) ORDER BY occurred_at, id`,
    [projectId, actions],
  );
  return rows.map((r) => ({ occurredAt: r.occurred_at, actorId: r.actor_id, action: r.action, payload: r.payload }));
}

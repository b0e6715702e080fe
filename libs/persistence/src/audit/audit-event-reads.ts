// Reads of the append-only audit log (written only by the workflows' record*Event activities).
import type { Database, Queryable } from '../database';
import { AuditEventEntity } from '../entities/audit-event.entity';

/** A project's history in time order: service requests (child workflows) keep their own sequence, so seq alone would interleave wrongly. */
export function projectHistory(db: Database, projectId: string): Promise<AuditEventEntity[]> {
  return db.getRepository(AuditEventEntity).find({ where: { projectId }, order: { occurredAt: 'ASC', id: 'ASC' } });
}

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

// Reading the administrators' actions (admin_audit_events) for auditors: GET /audit/admin-events.
import type { Queryable } from '../database';
import { WhereClause } from '../sql/where-clause';

export interface AdminAuditFilter {
  action?: string;
  /** The acting user's id. */
  actorUserId?: string;
  subject?: string;
  from?: Date;
  /** Exclusive. */
  to?: Date;
  limit: number;
  offset: number;
}

export interface AdminAuditRow {
  id: string;
  at: Date;
  actorUserId: string;
  actorRole: string;
  action: string;
  subject: string;
  reason: string | null;
  payload: Record<string, unknown>;
}

/** Newest first, with the total matching the filter (for paging). */
export async function listAdminAuditEvents(db: Queryable, f: AdminAuditFilter): Promise<{ items: AdminAuditRow[]; total: number }> {
  const where = new WhereClause()
    .when('action = ?', f.action)
    .when('actor_user_id = ?', f.actorUserId)
    .when('subject = ?', f.subject)
    .when('at >= ?', f.from)
    .when('at < ?', f.to);
  const page = where.limitOffset(f.limit, f.offset);
  const [{ total }]: Array<{ total: string }> = await db.query(`SELECT count(*) AS total FROM admin_audit_events ${where.sql}`, where.params);
  const rows: Array<{ id: string; at: Date; actor_user_id: string; actor_role: string; action: string; subject: string; reason: string | null; payload: Record<string, unknown> }> =
    await db.query(`SELECT id, at, actor_user_id, actor_role, action, subject, reason, payload FROM admin_audit_events ${where.sql} ORDER BY at DESC, id DESC ${page.sql}`, page.params);
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at,
      actorUserId: r.actor_user_id,
      actorRole: r.actor_role,
      action: r.action,
      subject: r.subject,
      reason: r.reason,
      payload: r.payload,
    })),
  };
}

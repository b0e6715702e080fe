import type { EntityManager } from 'typeorm';

export interface AdminAuditEntry {
  actor: { userId: string; role: string };
  /** e.g. sla.policy.version_created, calendar.override_set, sla.recalculation_requested, outbox.retried */
  action: string;
  /** What changed, e.g. `sla_policy:intake_decision`, `calendar:2027-02-06`, `outbox:123`. */
  subject: string;
  reason?: string | null;
  payload?: Record<string, unknown>;
}

/** Appends one administrative change, inside the caller's transaction so the change and its record commit together. */
export async function recordAdminAudit(manager: EntityManager, entry: AdminAuditEntry): Promise<void> {
  await manager.query(
    `INSERT INTO admin_audit_events (actor_user_id, actor_role, action, subject, reason, payload) VALUES ($1, $2, $3, $4, $5, $6)`,
    [entry.actor.userId, entry.actor.role, entry.action, entry.subject, entry.reason ?? null, JSON.stringify(entry.payload ?? {})],
  );
}

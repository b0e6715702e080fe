import type { RecalculationRequest } from '@zs/domain';
import { ADMIN_CHAIN, appendSealed } from '../audit-chain/chain-writer';
import { asStoredJson } from '../audit-chain/sealed-form';
import type { Queryable, Transaction } from '../database';

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
export async function recordAdminAudit(manager: Transaction, entry: AdminAuditEntry): Promise<void> {
  await appendSealed(manager, 'admin_audit_events', ADMIN_CHAIN, [
    {
      at: new Date(),
      actor_user_id: entry.actor.userId,
      actor_role: entry.actor.role,
      action: entry.action,
      subject: entry.subject,
      reason: entry.reason ?? null,
      payload: asStoredJson(entry.payload ?? {}),
    },
  ]);
}

/** An SLA recalculation request as its admin audit record keeps it: what was asked, by whom, and how many workflows it found. */
export interface RecalculationRequestRecord {
  at: Date;
  actorUserId: string;
  /** `sla_policy:<key>`, or `sla_clocks:all`. */
  subject: string;
  reason: string;
  payload: { requestId: string; scope: RecalculationRequest['scope']; openWorkflows: number };
}

/** The audit record of recalculation `requestId` (the request's only stored trace), or null. */
export async function findRecalculationRequest(db: Queryable, requestId: string): Promise<RecalculationRequestRecord | null> {
  const [row]: Array<{ at: Date; actor_user_id: string; subject: string; reason: string; payload: RecalculationRequestRecord['payload'] }> = await db.query(
    `SELECT at, actor_user_id, subject, reason, payload FROM admin_audit_events WHERE action = 'sla.recalculation_requested' AND payload->>'requestId' = $1`,
    [requestId],
  );
  return row ? { at: row.at, actorUserId: row.actor_user_id, subject: row.subject, reason: row.reason, payload: row.payload } : null;
}

import { DataSource } from 'typeorm';
import { appendSealed, SECURITY_CHAIN } from '../audit-chain/chain-writer';
import { asStoredJson } from '../audit-chain/sealed-form';
import { WhereClause } from '../sql/where-clause';
import { inTransaction, type Database, type Queryable, type Transaction } from '../database';

/** What a security event records; `kind` values are defined once in SECURITY_EVENT_KINDS. */
export const SECURITY_EVENT_KINDS = [
  'login.succeeded',
  'login.failed',
  'login.locked_out',
  'account.locked',
  'logout',
  'token.refused',
  'token.revoked',
  'password.changed',
  'password.change_refused',
  'password.reset',
  'temporal.forged_payload',
] as const;
export type SecurityEventKind = (typeof SECURITY_EVENT_KINDS)[number];

export interface SecurityEventEntry {
  kind: SecurityEventKind;
  /** success | failure | refused */
  outcome: 'success' | 'failure' | 'refused';
  /** The account the event is about, when known (a failed login for an unknown name has none). */
  actorUserId?: string | null;
  /** The login name as typed (failed logins keep it even when no such account exists). */
  username?: string | null;
  clientIp?: string | null;
  /** What was acted on, e.g. `user:<id>`, `workflow:project-<id>`. */
  subject?: string | null;
  payload?: Record<string, unknown>;
}

export interface SecurityEventRow extends Required<Omit<SecurityEventEntry, 'payload'>> {
  id: string;
  at: Date;
  payload: Record<string, unknown>;
}

/** Appends one security event (in the caller's transaction when given one, so it commits with the change it records). */
export async function recordSecurityEvent(db: Database | Transaction, entry: SecurityEventEntry): Promise<void> {
  const row = {
    at: new Date(),
    kind: entry.kind,
    outcome: entry.outcome,
    actor_user_id: entry.actorUserId ?? null,
    username: entry.username ?? null,
    client_ip: entry.clientIp ?? null,
    subject: entry.subject ?? null,
    payload: asStoredJson(entry.payload ?? {}),
  };
  // Chained (SM3) in the security chain, whose lock needs a transaction: the caller's, or one of its own.
  if (db instanceof DataSource) await inTransaction(db, (tx) => appendSealed(tx, 'security_events', SECURITY_CHAIN, [row]));
  else await appendSealed(db, 'security_events', SECURITY_CHAIN, [row]);
}

export interface SecurityEventFilter {
  kind?: SecurityEventKind;
  actorUserId?: string;
  username?: string;
  from?: Date;
  to?: Date;
  limit: number;
  offset: number;
}

/** Newest first, with the total matching the filter (for paging). */
export async function listSecurityEvents(db: Queryable, f: SecurityEventFilter): Promise<{ items: SecurityEventRow[]; total: number }> {
  const where = new WhereClause()
    .when('kind = ?', f.kind)
    .when('actor_user_id = ?', f.actorUserId)
    .when('username = ?', f.username)
    .when('at >= ?', f.from)
    .when('at < ?', f.to);
  const page = where.limitOffset(f.limit, f.offset);
  const [{ total }]: Array<{ total: string }> = await db.query(`SELECT count(*) AS total FROM security_events ${where.sql}`, where.params);
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT id, at, kind, outcome, actor_user_id, username, client_ip, subject, payload FROM security_events ${where.sql} ORDER BY at DESC, id DESC ${page.sql}`,
    page.params,
  );
  return {
    total: Number(total),
    items: rows.map((r) => ({
      id: String(r.id),
      at: r.at as Date,
      kind: r.kind as SecurityEventKind,
      outcome: r.outcome as SecurityEventEntry['outcome'],
      actorUserId: (r.actor_user_id as string | null) ?? null,
      username: (r.username as string | null) ?? null,
      clientIp: (r.client_ip as string | null) ?? null,
      subject: (r.subject as string | null) ?? null,
      payload: r.payload as Record<string, unknown>,
    })),
  };
}

import type { Queryable } from '../database';

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

/** Appends one security event (in the caller's transaction when given one). */
export async function recordSecurityEvent(db: Queryable, entry: SecurityEventEntry): Promise<void> {
  await db.query(
    `INSERT INTO security_events (kind, outcome, actor_user_id, username, client_ip, subject, payload) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [entry.kind, entry.outcome, entry.actorUserId ?? null, entry.username ?? null, entry.clientIp ?? null, entry.subject ?? null, JSON.stringify(entry.payload ?? {})],
  );
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
  const where: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace('?', `$${params.length}`));
  };
  if (f.kind) add('kind = ?', f.kind);
  if (f.actorUserId) add('actor_user_id = ?', f.actorUserId);
  if (f.username) add('username = ?', f.username);
  if (f.from) add('at >= ?', f.from);
  if (f.to) add('at < ?', f.to);
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [{ total }]: Array<{ total: string }> = await db.query(`SELECT count(*) AS total FROM security_events ${clause}`, params);
  const rows: Array<Record<string, unknown>> = await db.query(
    `SELECT id, at, kind, outcome, actor_user_id, username, client_ip, subject, payload FROM security_events ${clause}
     ORDER BY at DESC, id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
    [...params, f.limit, f.offset],
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

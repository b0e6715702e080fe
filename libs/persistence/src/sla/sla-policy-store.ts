import { DEFAULT_POLICIES, POLICY_KEYS, type Actor, type PolicyKey, type SlaPolicyDefinition, type VersionedSlaPolicy } from '@zs/domain';
import { recordAdminAudit } from '../admin/admin-audit';
import { inTransaction, type Database, type Queryable } from '../database';

export interface StoredSlaPolicy extends VersionedSlaPolicy {
  reason: string;
  createdBy: string;
  createdAt: string;
}

interface PolicyRow {
  policy_key: PolicyKey;
  version: number;
  clock: VersionedSlaPolicy['clock'];
  definition: SlaPolicyDefinition;
  reason: string;
  created_by: string;
  created_at: Date;
}

const toPolicy = (r: PolicyRow): StoredSlaPolicy => ({
  key: r.policy_key,
  clock: r.clock,
  version: r.version,
  ...r.definition,
  reason: r.reason,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});

/** The version a new clock runs by. */
export async function latestSlaPolicy(db: Queryable, key: PolicyKey): Promise<StoredSlaPolicy | null> {
  const rows: PolicyRow[] = await db.query(`SELECT * FROM sla_policies WHERE policy_key = $1 ORDER BY version DESC LIMIT 1`, [key]);
  return rows[0] ? toPolicy(rows[0]) : null;
}

export async function slaPolicyVersion(db: Queryable, key: PolicyKey, version: number): Promise<StoredSlaPolicy | null> {
  const rows: PolicyRow[] = await db.query(`SELECT * FROM sla_policies WHERE policy_key = $1 AND version = $2`, [key, version]);
  return rows[0] ? toPolicy(rows[0]) : null;
}

/** The current version of every policy, in the declared order of POLICY_KEYS. */
export async function currentSlaPolicies(db: Queryable): Promise<StoredSlaPolicy[]> {
  const rows: PolicyRow[] = await db.query(`SELECT DISTINCT ON (policy_key) * FROM sla_policies ORDER BY policy_key, version DESC`);
  const byKey = new Map(rows.map((r) => [r.policy_key, toPolicy(r)]));
  return POLICY_KEYS.flatMap((k) => (byKey.has(k) ? [byKey.get(k)!] : []));
}

/**
 * The latest version of each policy asked for, as a workflow keeps it (the definition and its
 * version, not who wrote it and why), in the order asked; undefined for a key with no policy.
 */
export async function latestPolicyVersions(db: Queryable, keys: readonly PolicyKey[]): Promise<Array<VersionedSlaPolicy | undefined>> {
  const current = new Map((await currentSlaPolicies(db)).map((p) => [p.key, p]));
  return keys.map((key) => {
    const p = current.get(key);
    return p && { key: p.key, clock: p.clock, version: p.version, duration: p.duration, warnings: p.warnings, escalations: p.escalations };
  });
}

export async function slaPolicyHistory(db: Queryable, key: PolicyKey): Promise<StoredSlaPolicy[]> {
  const rows: PolicyRow[] = await db.query(`SELECT * FROM sla_policies WHERE policy_key = $1 ORDER BY version DESC`, [key]);
  return rows.map(toPolicy);
}

/**
 * Adds the next version of a policy and its admin audit record in one transaction. The
 * advisory lock serialises concurrent administrators on the same key (no gaps, no duplicates).
 */
export async function createSlaPolicyVersion(
  db: Database,
  key: PolicyKey,
  definition: SlaPolicyDefinition,
  actor: Actor,
  reason: string,
): Promise<StoredSlaPolicy> {
  return inTransaction(db, async (m) => {
    await m.query(`SELECT pg_advisory_xact_lock(hashtext('sla_policies:' || $1))`, [key]);
    const [{ next }]: { next: number }[] = await m.query(`SELECT COALESCE(MAX(version), 0) + 1 AS next FROM sla_policies WHERE policy_key = $1`, [key]);
    const before = await latestSlaPolicy(m, key);
    const rows: PolicyRow[] = await m.query(
      `INSERT INTO sla_policies (policy_key, version, clock, definition, reason, created_by) VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [key, next, DEFAULT_POLICIES[key].clock, JSON.stringify(definition), reason, actor.userId],
    );
    await recordAdminAudit(m, {
      actor,
      action: 'sla.policy.version_created',
      subject: `sla_policy:${key}`,
      reason,
      payload: { version: next, before: before ? { version: before.version, duration: before.duration } : null, definition },
    });
    return toPolicy(rows[0]);
  });
}

/** Version 1 of every policy, from the domain's defaults; idempotent (runs after every migration). */
export async function seedDefaultSlaPolicies(db: Queryable): Promise<number> {
  let inserted = 0;
  for (const key of POLICY_KEYS) {
    const { clock, definition } = DEFAULT_POLICIES[key];
    const rows: unknown[] = await db.query(
      `INSERT INTO sla_policies (policy_key, version, clock, definition, reason, created_by)
       VALUES ($1, 1, $2, $3, '默认策略（系统初始化）', 'system') ON CONFLICT DO NOTHING RETURNING version`,
      [key, clock, JSON.stringify(definition)],
    );
    inserted += rows.length;
  }
  return inserted;
}

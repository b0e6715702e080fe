// The people a step names (a commissioner, a node's responsible person): are they active users, and of which role.
import type { Queryable } from '../database';

/**
 * The role of each of `ids` that is an active user; inactive or unknown ids are absent. Compared as
 * text, so a malformed id (say "no-such-user-!!") finds nobody instead of failing the uuid cast.
 */
export async function activeUserRoles(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows: { id: string; role: string }[] = await db.query(`SELECT id::text AS id, role FROM users WHERE id::text = ANY($1::text[]) AND active`, [unique]);
  return new Map(rows.map((r) => [r.id, r.role]));
}

// Small look-ups other modules need about the organisation (issue 10): who a person belongs to,
// whether a department is registered, which registered industry chain a name denotes.
import type { IndustryChainKind, OrgRef } from '@zs/domain';
import type { Queryable } from '../database';

/**
 * The department and first active team (小分队, oldest membership first) of an ACTIVE user; null
 * when there is no such active user. Ids compared as text so a malformed id finds nobody.
 */
export async function orgRefOf(db: Queryable, userId: string): Promise<OrgRef | null> {
  const rows: { id: string; display_name: string; department_id: string | null; team_id: string | null }[] = await db.query(
    `SELECT u.id::text AS id, u.display_name, u.department_id::text AS department_id,
            (SELECT tm.team_id::text FROM team_members tm JOIN teams t ON t.id = tm.team_id
              WHERE tm.user_id = u.id AND t.active ORDER BY tm.added_at, tm.team_id LIMIT 1) AS team_id
       FROM users u WHERE u.id::text = $1 AND u.active`,
    [userId],
  );
  const r = rows[0];
  if (!r) return null;
  return { userId: r.id, displayName: r.display_name, departmentId: r.department_id, teamId: r.team_id };
}

/** Whether `id` is a registered department (active or not); a malformed id is simply unknown. */
export async function departmentExists(db: Queryable, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM departments WHERE id::text = $1`, [id]);
  return rows.length > 0;
}

export interface IndustryChainRef {
  id: string;
  name: string;
  kind: IndustryChainKind;
  chiefUserId: string | null;
  active: boolean;
}

/** The registered industry chain (八链两组一室) of that exact name, active or not; null if none. */
export async function industryChainByName(db: Queryable, name: string): Promise<IndustryChainRef | null> {
  const rows: { id: string; name: string; kind: IndustryChainKind; chief_user_id: string | null; active: boolean }[] = await db.query(
    `SELECT id::text AS id, name, kind, chief_user_id::text AS chief_user_id, active FROM industry_chains WHERE name = $1`,
    [name],
  );
  const r = rows[0];
  return r ? { id: r.id, name: r.name, kind: r.kind, chiefUserId: r.chief_user_id, active: r.active } : null;
}

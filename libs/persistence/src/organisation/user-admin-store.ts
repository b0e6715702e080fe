// Accounts as administrators keep them (issue 10): list, create, edit, (de)activate. Identity's own
// writes (passwords, token versions, locks) stay in users/account-security.ts.
import type { Queryable, Transaction } from '../database';
import { WhereClause } from '../sql/where-clause';
import { updatedRows } from './updated-rows';

export interface AdminUserRecord {
  id: string;
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  departmentName: string | null;
  email: string | null;
  active: boolean;
  mustChangePassword: boolean;
  isDemo: boolean;
  /** Teams (小分队) the user belongs to, oldest membership first. */
  teamIds: string[];
  createdAt: Date;
}

interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  department_id: string | null;
  department_name: string | null;
  email: string | null;
  active: boolean;
  must_change_password: boolean;
  is_demo: boolean;
  team_ids: string[] | null;
  created_at: Date;
}

const SELECT = `SELECT u.id::text AS id, u.username, u.display_name, u.role, u.department_id::text AS department_id, d.name AS department_name,
         u.email, u.active, u.must_change_password, u.is_demo, u.created_at,
         ARRAY(SELECT m.team_id::text FROM team_members m WHERE m.user_id = u.id ORDER BY m.added_at, m.team_id) AS team_ids
    FROM users u LEFT JOIN departments d ON d.id = u.department_id`;

const toUser = (r: UserRow): AdminUserRecord => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  departmentId: r.department_id,
  departmentName: r.department_name,
  email: r.email,
  active: r.active,
  mustChangePassword: r.must_change_password,
  isDemo: r.is_demo,
  teamIds: r.team_ids ?? [],
  createdAt: r.created_at,
});

export interface AdminUserFilter {
  role?: string;
  departmentId?: string;
  active?: boolean;
  /** Part of the username or the display name (case-insensitive). */
  q?: string;
  limit: number;
  offset: number;
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** By username, with the total matching the filter (for paging). */
export async function listAdminUsers(db: Queryable, f: AdminUserFilter): Promise<{ items: AdminUserRecord[]; total: number }> {
  const where = new WhereClause()
    .when('u.role = ?', f.role)
    .when('u.department_id::text = ?', f.departmentId)
    .when('u.active = ?', f.active)
    // The term twice (username or display name), as one parameter: a concatenation searched once.
    .when(`(u.username || ' ' || u.display_name) ILIKE ?`, f.q ? likePattern(f.q) : undefined);
  const page = where.limitOffset(f.limit, f.offset);
  const [{ total }]: { total: string }[] = await db.query(`SELECT count(*) AS total FROM users u ${where.sql}`, where.params);
  const rows: UserRow[] = await db.query(`${SELECT} ${where.sql} ORDER BY u.username ${page.sql}`, page.params);
  return { total: Number(total), items: rows.map(toUser) };
}

export async function findAdminUser(db: Queryable, id: string): Promise<AdminUserRecord | null> {
  const [row]: UserRow[] = await db.query(`${SELECT} WHERE u.id::text = $1`, [id]);
  return row ? toUser(row) : null;
}

export async function usernameTaken(db: Queryable, username: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM users WHERE lower(username) = lower($1)`, [username]);
  return rows.length > 0;
}

export interface NewManagedUser {
  username: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  email: string | null;
  passwordHash: string;
}

/** A new account that must change its (temporary) password at the first login. */
export async function insertManagedUser(tx: Transaction, u: NewManagedUser): Promise<string> {
  const [{ id }]: { id: string }[] = await tx.query(
    `INSERT INTO users (username, display_name, role, department_id, email, password_hash, must_change_password)
     VALUES ($1, $2, $3, $4, $5, $6, true) RETURNING id::text AS id`,
    [u.username, u.displayName, u.role, u.departmentId, u.email, u.passwordHash],
  );
  return id;
}

/** Reads the account under a row lock (the state an audited change starts from). */
export async function lockAdminUser(tx: Transaction, id: string): Promise<AdminUserRecord | null> {
  const locked: unknown[] = await tx.query(`SELECT 1 FROM users WHERE id::text = $1 FOR UPDATE`, [id]);
  return locked.length ? findAdminUser(tx, id) : null;
}

export interface ManagedUserFields {
  displayName: string;
  email: string | null;
  role: string;
  departmentId: string | null;
}

/** Writes the profile; `revokeTokens` (a new role) bumps token_version so earlier tokens stop working. */
export async function updateManagedUser(tx: Transaction, id: string, u: ManagedUserFields, revokeTokens: boolean): Promise<void> {
  updatedRows(
    await tx.query(
      `UPDATE users SET display_name = $2, email = $3, role = $4, department_id = $5,
              token_version = token_version + CASE WHEN $6::boolean THEN 1 ELSE 0 END
        WHERE id::text = $1 RETURNING id`,
      [id, u.displayName, u.email, u.role, u.departmentId, revokeTokens],
    ),
  );
}

// The users table as identity sees it (issue 9): token versions, login failures and locks,
// passwords and their history. Every write that changes who may act bumps token_version, so
// the tokens issued before it stop working at once.
import type { Queryable, Transaction } from '../database';

export interface AccountRecord {
  id: string;
  username: string;
  displayName: string;
  /** As stored; the caller checks it is a role the domain still knows. */
  role: string;
  active: boolean;
  department: string | null;
  email: string | null;
  passwordHash: string;
  tokenVersion: number;
  failedLoginCount: number;
  lockedUntil: Date | null;
  passwordChangedAt: Date;
  mustChangePassword: boolean;
  /** Hashes of the previous passwords, newest first (the current one is passwordHash). */
  passwordHistory: string[];
  isDemo: boolean;
}

/** What the bearer-token guard checks on every request (no hashes). */
export type AccountSession = Pick<AccountRecord, 'id' | 'username' | 'displayName' | 'role' | 'active' | 'tokenVersion' | 'mustChangePassword'> & {
  /** The registered department (issue 10), read with the account so a transfer takes effect within the session cache's TTL. */
  departmentId: string | null;
  /** Its name, as service requests and notifications name departments. */
  departmentName: string | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const ACCOUNT_COLUMNS = `id, username, display_name, role, active, department, email, password_hash, token_version,
  failed_login_count, locked_until, password_changed_at, must_change_password, password_history, is_demo`;

interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: string;
  active: boolean;
  department: string | null;
  email: string | null;
  password_hash: string;
  token_version: number;
  failed_login_count: number;
  locked_until: Date | null;
  password_changed_at: Date;
  must_change_password: boolean;
  password_history: string[] | null;
  is_demo: boolean;
}

function toAccount(r: AccountRow): AccountRecord {
  return {
    id: r.id,
    username: r.username,
    displayName: r.display_name,
    role: r.role,
    active: r.active,
    department: r.department,
    email: r.email,
    passwordHash: r.password_hash,
    tokenVersion: Number(r.token_version),
    failedLoginCount: Number(r.failed_login_count),
    lockedUntil: r.locked_until,
    passwordChangedAt: r.password_changed_at,
    mustChangePassword: r.must_change_password,
    passwordHistory: r.password_history ?? [],
    isDemo: r.is_demo,
  };
}

/** The account with this login name, active or not (the caller decides what an inactive one may do). */
export async function findAccountByUsername(db: Queryable, username: string): Promise<AccountRecord | null> {
  const [row]: AccountRow[] = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE username = $1`, [username]);
  return row ? toAccount(row) : null;
}

export async function findAccountById(db: Queryable, id: string): Promise<AccountRecord | null> {
  if (!UUID.test(id)) return null;
  const [row]: AccountRow[] = await db.query(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1`, [id]);
  return row ? toAccount(row) : null;
}

/** The account, locked for the rest of the transaction (login counters, password changes: one at a time per account). */
export async function lockAccount(tx: Transaction, id: string): Promise<AccountRecord | null> {
  if (!UUID.test(id)) return null;
  const [row]: AccountRow[] = await tx.query(`SELECT ${ACCOUNT_COLUMNS} FROM users WHERE id = $1 FOR UPDATE`, [id]);
  return row ? toAccount(row) : null;
}

export async function findAccountSession(db: Queryable, id: string): Promise<AccountSession | null> {
  if (!UUID.test(id)) return null;
  const [row]: Array<
    Pick<AccountRow, 'id' | 'username' | 'display_name' | 'role' | 'active' | 'token_version' | 'must_change_password'> & { department_id: string | null; department_name: string | null }
  > = await db.query(
    `SELECT u.id, u.username, u.display_name, u.role, u.active, u.token_version, u.must_change_password,
            u.department_id::text AS department_id, d.name AS department_name
       FROM users u LEFT JOIN departments d ON d.id = u.department_id WHERE u.id = $1`,
    [id],
  );
  return row
    ? {
        id: row.id,
        username: row.username,
        displayName: row.display_name,
        role: row.role,
        active: row.active,
        tokenVersion: Number(row.token_version),
        mustChangePassword: row.must_change_password,
        departmentId: row.department_id,
        departmentName: row.department_name,
      }
    : null;
}

export async function saveLoginCounters(tx: Transaction, id: string, counters: { failedLoginCount: number; lockedUntil: Date | null }): Promise<void> {
  await tx.query(`UPDATE users SET failed_login_count = $2, locked_until = $3 WHERE id = $1`, [id, counters.failedLoginCount, counters.lockedUntil]);
}

/** Revokes every token issued so far to the account; answers the new version, or null when there is no such account. */
export async function bumpTokenVersion(tx: Transaction, id: string): Promise<number | null> {
  if (!UUID.test(id)) return null;
  const rows = updated<{ token_version: number }>(await tx.query(`UPDATE users SET token_version = token_version + 1 WHERE id = $1 RETURNING token_version`, [id]));
  return rows.length ? Number(rows[0].token_version) : null;
}

export interface PasswordUpdate {
  passwordHash: string;
  /** Previous hashes to keep, newest first, already trimmed by the caller. */
  passwordHistory: string[];
  mustChangePassword: boolean;
}

/**
 * A new password: its hash, the history, whether it must be changed at the next login; the
 * failure count and any lock cleared, and every earlier token revoked. Answers the new token version.
 */
export async function updatePassword(tx: Transaction, id: string, update: PasswordUpdate): Promise<number> {
  const [row] = updated<{ token_version: number }>(
    await tx.query(
      `UPDATE users SET password_hash = $2, password_history = $3, must_change_password = $4, password_changed_at = now(),
            failed_login_count = 0, locked_until = NULL, token_version = token_version + 1
      WHERE id = $1 RETURNING token_version`,
      [id, update.passwordHash, update.passwordHistory, update.mustChangePassword],
    ),
  );
  if (!row) throw new Error(`user ${id} not found`);
  return Number(row.token_version);
}

/** A new role takes effect at once: the tokens that carry the old one are revoked. */
export async function changeUserRole(tx: Transaction, id: string, role: string): Promise<boolean> {
  const rows = updated(await tx.query(`UPDATE users SET role = $2, token_version = token_version + 1 WHERE id = $1 RETURNING id`, [id, role]));
  return rows.length > 0;
}

/** Deactivating (or reactivating) an account revokes its tokens. */
export async function setUserActive(tx: Transaction, id: string, active: boolean): Promise<boolean> {
  const rows = updated(await tx.query(`UPDATE users SET active = $2, token_version = token_version + 1 WHERE id = $1 RETURNING id`, [id, active]));
  return rows.length > 0;
}

/** TypeORM answers an UPDATE … RETURNING with [rows, affected count]; the rows. */
function updated<T = unknown>(result: unknown): T[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}

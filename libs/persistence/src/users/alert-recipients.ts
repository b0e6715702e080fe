// Who an alert reaches: active users by id, by role (optionally in one department), or by department.
import type { Queryable } from '../database';

/** An active person an alert resolved to, with what their personal channels need. */
export interface AlertRecipient {
  id: string;
  email: string | null;
  department: string | null;
  preferredChannels: string[];
}

/** How an alert is addressed; see activeRecipientsOf for which field wins. */
export interface AlertAddress {
  userId?: string | null;
  role?: string | null;
  department?: string | null;
}

interface UserRow {
  id: string;
  email: string | null;
  department: string | null;
  preferred_channels: string[];
}

const COLUMNS = `id, email, department, preferred_channels`;

/**
 * The active users an address names, ordered by username. A named user wins over the role; a role is
 * narrowed to the department when one is given; a department alone means all its staff. Only
 * active users count, so a deactivated account gets nothing. Runs in the caller's transaction.
 */
export async function activeRecipientsOf(db: Queryable, address: AlertAddress): Promise<AlertRecipient[]> {
  let rows: UserRow[];
  if (address.userId) {
    // Compared as text: a malformed id finds nobody instead of failing the cast (and the activity).
    rows = await db.query(`SELECT ${COLUMNS} FROM users WHERE id::text = $1 AND active`, [address.userId]);
  } else if (address.role) {
    rows = await db.query(
      `SELECT ${COLUMNS} FROM users WHERE role = $1 AND active AND ($2::text IS NULL OR department = $2) ORDER BY username`,
      [address.role, address.department ?? null],
    );
  } else if (address.department) {
    rows = await db.query(`SELECT ${COLUMNS} FROM users WHERE department = $1 AND active ORDER BY username`, [address.department]);
  } else {
    rows = [];
  }
  return rows.map((r) => ({ id: r.id, email: r.email, department: r.department, preferredChannels: r.preferred_channels }));
}

import type { Queryable, Transaction } from '../database';

/** An administrator's decision about one date, in force until replaced or removed. */
export interface CalendarOverride {
  /** 'YYYY-MM-DD', a date in Asia/Shanghai. */
  day: string;
  working: boolean;
  name: string;
  reason: string;
  /** The user id of the administrator who last set it. */
  updatedBy: string;
  updatedAt: string;
}

export type CalendarOverrideInput = Omit<CalendarOverride, 'updatedAt'>;

interface OverrideRow {
  day: string;
  working: boolean;
  name: string;
  reason: string;
  updated_by: string;
  updated_at: Date;
}

// to_char: node-postgres would turn a `date` into a JS Date at local midnight, a day off west of UTC.
const COLUMNS = `to_char(day, 'YYYY-MM-DD') AS day, working, name, reason, updated_by, updated_at`;

/** Every override, oldest date first. The table holds a few dozen rows a year, so it is read whole. */
export async function loadCalendarOverrides(db: Queryable): Promise<CalendarOverride[]> {
  const rows: OverrideRow[] = await db.query(`SELECT ${COLUMNS} FROM calendar_overrides ORDER BY day`);
  return rows.map(toOverride);
}

export async function findCalendarOverride(db: Queryable, day: string): Promise<CalendarOverride | null> {
  const rows: OverrideRow[] = await db.query(`SELECT ${COLUMNS} FROM calendar_overrides WHERE day = $1`, [day]);
  return rows.length > 0 ? toOverride(rows[0]) : null;
}

/** Inserts or replaces the override of `day`; answers what is now stored. */
export async function saveCalendarOverride(manager: Transaction, o: CalendarOverrideInput): Promise<CalendarOverride> {
  const rows: OverrideRow[] = await manager.query(
    `INSERT INTO calendar_overrides (day, working, name, reason, updated_by) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (day) DO UPDATE SET working = EXCLUDED.working, name = EXCLUDED.name, reason = EXCLUDED.reason,
       updated_by = EXCLUDED.updated_by, updated_at = now()
     RETURNING ${COLUMNS}`,
    [o.day, o.working, o.name, o.reason, o.updatedBy],
  );
  return toOverride(rows[0]);
}

/** Removes the override of `day`; answers whether there was one. */
export async function deleteCalendarOverride(manager: Transaction, day: string): Promise<boolean> {
  const rows: unknown[] = await manager.query(`DELETE FROM calendar_overrides WHERE day = $1 RETURNING day`, [day]);
  return rows.length > 0;
}

/**
 * Serialises changes to the overrides until the transaction ends, so the "before" an audit record
 * names is exactly what the change replaced, even for two administrators setting a new date at once.
 * Readers are not blocked (SHARE ROW EXCLUSIVE conflicts with writers only); changes are rare.
 */
export async function lockCalendarOverrides(manager: Transaction): Promise<void> {
  await manager.query(`LOCK TABLE calendar_overrides IN SHARE ROW EXCLUSIVE MODE`);
}

function toOverride(r: OverrideRow): CalendarOverride {
  return { day: r.day, working: r.working, name: r.name, reason: r.reason, updatedBy: r.updated_by, updatedAt: r.updated_at.toISOString() };
}

/**
 * The days a month view shows: whole weeks, Monday first (as Chinese calendars are printed),
 * from the Monday on or before the 1st to the Sunday on or after the last day. Dates are plain
 * 'YYYY-MM-DD' strings (Asia/Shanghai calendar days), computed in UTC so the browser's own time
 * zone never shifts a day.
 */
export interface MonthView {
  month: string;
  from: string;
  to: string;
  weeks: string[][];
}

const DAY_MS = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export function monthView(month: string): MonthView {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`not a month YYYY-MM: ${month}`);
  const first = Date.parse(`${month}-01T00:00:00Z`);
  const [y, m] = month.split('-').map(Number);
  const last = Date.UTC(y, m, 0);
  const mondayOffset = (new Date(first).getUTCDay() + 6) % 7;
  const sundayOffset = (7 - new Date(last).getUTCDay()) % 7;
  const start = first - mondayOffset * DAY_MS;
  const end = last + sundayOffset * DAY_MS;
  const weeks: string[][] = [];
  for (let at = start; at <= end; at += 7 * DAY_MS) weeks.push(Array.from({ length: 7 }, (_, i) => iso(at + i * DAY_MS)));
  return { month, from: iso(start), to: iso(end), weeks };
}

/** The month `delta` months from `month` ('2026-12', +1 → '2027-01'). */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return d.toISOString().slice(0, 7);
}

import { localized, type Localized } from '@zs/domain';

/**
 * The one range every date and date-time the API accepts must fall in (issue 9). Outside it a
 * date is a typing mistake or a probe (year 0000 or 9999), and PostgreSQL, the holiday dataset
 * and the working-day arithmetic are not asked to cope with it.
 */
export const MIN_ACCEPTED_DATE = '1900-01-01';
export const MAX_ACCEPTED_DATE = '2199-12-31';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** RFC 3339 / ISO 8601 date-time with seconds optional, fraction optional, and Z or an offset required. */
const ISO_DATE_TIME = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,9})?)?(Z|[+-]([01]\d|2[0-3]):?[0-5]\d)$/;
/** The refusals, naming the field (`{field}`, its label in the caller's language). */
export const DATE_PROBLEMS = {
  shape: localized('{field}须为日期 YYYY-MM-DD', '{field} must be a date YYYY-MM-DD'),
  notReal: localized('{field}须为真实存在的日期 YYYY-MM-DD', '{field} must be a real calendar date YYYY-MM-DD'),
  outOfRange: localized(
    `{field}须在 ${MIN_ACCEPTED_DATE} 至 ${MAX_ACCEPTED_DATE} 之间`,
    `{field} must be between ${MIN_ACCEPTED_DATE} and ${MAX_ACCEPTED_DATE}`,
  ),
  dateTime: localized(
    '{field}须为带时区的 ISO 8601 日期时间，例如 2026-03-01T00:00:00+08:00',
    '{field} must be an ISO 8601 date-time with its offset, e.g. 2026-03-01T00:00:00+08:00',
  ),
} as const satisfies Record<string, Localized>;
const MIN_INSTANT = Date.parse(`${MIN_ACCEPTED_DATE}T00:00:00Z`);
const MAX_INSTANT = Date.parse(`${MAX_ACCEPTED_DATE}T23:59:59.999Z`);

/** What is wrong with a calendar date (YYYY-MM-DD); null when it is fine. */
export function calendarDateProblem(value: unknown): Localized | null {
  if (typeof value !== 'string' || !ISO_DATE.test(value)) return DATE_PROBLEMS.shape;
  const parsed = Date.parse(`${value}T00:00:00Z`);
  // A month 13 or a day 32 does not parse; 2026-02-30 parses but rolls over into March.
  if (Number.isNaN(parsed) || new Date(parsed).toISOString().slice(0, 10) !== value) return DATE_PROBLEMS.notReal;
  if (value < MIN_ACCEPTED_DATE || value > MAX_ACCEPTED_DATE) return DATE_PROBLEMS.outOfRange;
  return null;
}

/** What is wrong with an ISO 8601 date-time with its offset (2026-03-01T08:00:00+08:00); null when it is fine. */
export function dateTimeProblem(value: unknown): Localized | null {
  const match = typeof value === 'string' ? ISO_DATE_TIME.exec(value) : null;
  if (!match) return DATE_PROBLEMS.dateTime;
  const dateProblem = calendarDateProblem(match[1]);
  if (dateProblem) return dateProblem;
  const instant = Date.parse(value as string);
  if (Number.isNaN(instant)) return DATE_PROBLEMS.dateTime;
  if (instant < MIN_INSTANT || instant > MAX_INSTANT) return DATE_PROBLEMS.outOfRange;
  return null;
}


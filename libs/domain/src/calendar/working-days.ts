import { DomainError, ERROR_CODES } from '../errors';
import { addDays, requireDate, SHANGHAI_OFFSET_MS, shanghaiDate } from '../project/calendar-dates';
import { localized } from '../i18n/localized';

/** Whether a local (Asia/Shanghai) calendar date 'YYYY-MM-DD' is a working day. */
export type WorkdayLookup = (isoDate: string) => boolean;

/** Offices open at 09:00: working time (for warning fractions) is counted between OFFICE_OPENS_AT and the policy's end of day. */
export const OFFICE_OPENS_AT = '09:00';

const MINUTE_MS = 60 * 1000;
const TIME_OF_DAY = /^([01]\d|2[0-3]):([0-5]\d)$/;
/**
 * The longest run of rest days we accept before calling the calendar broken. The longest real
 * one is the 9-day Spring Festival; a lookup that never answers "working" must fail, not loop.
 */
const MAX_REST_RUN_DAYS = 366;

/** That local (Asia/Shanghai) wall time as epoch ms. */
export function localTimeToEpoch(isoDate: string, hhmm: string): number {
  const midnightUtc = Date.parse(`${requireDate(isoDate, 'date')}T00:00:00Z`);
  return midnightUtc - SHANGHAI_OFFSET_MS + parseTimeOfDay(hhmm) * MINUTE_MS;
}

/** Minutes after midnight of 'HH:MM', 00:00..23:59 with two digits each ('24:00' and '9:5' are refused). */
export function parseTimeOfDay(hhmm: string): number {
  const match = typeof hhmm === 'string' ? TIME_OF_DAY.exec(hhmm) : null;
  if (!match) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`时刻须为 00:00 至 23:59 之间的 HH:MM，收到 ${JSON.stringify(hhmm)}`, `time of day must be HH:MM between 00:00 and 23:59, got ${JSON.stringify(hhmm)}`));
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Deadline of "N working days ending at endsAt": the day the period starts on is not counted
 * (民法典 第二百零一条: 按照年、月、日计算期间的，开始的当日不计入), so the deadline is endsAt on the
 * Nth working day strictly after the local start date. days >= 1 (throw otherwise).
 *
 * The time of day of the start does not matter: registered at 08:00 or 23:00, the start day is
 * not counted either way, so a request just before and just after endsAt get the same deadline.
 */
export function addWorkingDays(startMs: number, days: number, endsAt: string, isWorkday: WorkdayLookup): number {
  if (!Number.isInteger(days) || days < 1) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`工作日数须为不小于 1 的整数，收到 ${days}`, `working days must be a whole number of at least 1, got ${days}`));
  }
  parseTimeOfDay(endsAt);
  let date = shanghaiDate(startMs);
  let counted = 0;
  let restRun = 0;
  while (counted < days) {
    date = addDays(date, 1);
    if (isWorkday(date)) {
      counted += 1;
      restRun = 0;
    } else if (++restRun > MAX_REST_RUN_DAYS) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`截至 ${date} 的 ${MAX_REST_RUN_DAYS} 天内日历中没有工作日`, `the calendar has no working day for ${MAX_REST_RUN_DAYS} days up to ${date}`));
    }
  }
  return localTimeToEpoch(date, endsAt);
}

/** The office hours of one working day, clipped to [from, to]; null when nothing is left. */
function officeHoursWithin(date: string, endsAt: string, from: number, to: number): { start: number; end: number } | null {
  const start = Math.max(localTimeToEpoch(date, OFFICE_OPENS_AT), from);
  const end = Math.min(localTimeToEpoch(date, endsAt), to);
  return end > start ? { start, end } : null;
}

/**
 * The instant at which `fraction` (0..1) of the working time between start and deadline has passed,
 * working time being the parts of working days between OFFICE_OPENS_AT and endsAt (local). Used for
 * warnings at 50 % / 75 % so they land in office hours, never in the middle of a holiday.
 * If there is no working time at all between start and deadline, fall back to the wall-clock fraction.
 *
 * Unlike addWorkingDays, the rest of the start day counts here when the start falls in office hours:
 * that time really is available to act. The result always lies in office hours: a share used up
 * exactly at a day's close lands on that close (not the next morning), and 0 on the first opening.
 */
export function workingInstantAtFraction(startMs: number, deadlineMs: number, fraction: number, endsAt: string, isWorkday: WorkdayLookup): number {
  if (!(fraction >= 0 && fraction <= 1)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`比例须在 0 与 1 之间，收到 ${fraction}`, `fraction must be between 0 and 1, got ${fraction}`));
  if (deadlineMs < startMs) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('截止时间不能早于开始时间', 'the deadline must not be before the start'));
  parseTimeOfDay(endsAt);

  const periods: { start: number; end: number }[] = [];
  const lastDate = shanghaiDate(deadlineMs);
  for (let date = shanghaiDate(startMs); date <= lastDate; date = addDays(date, 1)) {
    const hours = isWorkday(date) ? officeHoursWithin(date, endsAt, startMs, deadlineMs) : null;
    if (hours) periods.push(hours);
  }
  const totalMs = periods.reduce((sum, p) => sum + (p.end - p.start), 0);
  if (totalMs === 0) return startMs + Math.round((deadlineMs - startMs) * fraction);

  let remainingMs = Math.round(totalMs * fraction);
  for (const p of periods) {
    if (remainingMs <= p.end - p.start) return p.start + remainingMs;
    remainingMs -= p.end - p.start;
  }
  // Unreachable: remainingMs never exceeds totalMs. Kept so the function always returns an instant.
  return periods[periods.length - 1].end;
}

/** Weekends are rest days; Monday–Friday are working days. The fallback when no dataset knows a date. */
export const weekdayLookup: WorkdayLookup = (isoDate) => {
  const dayOfWeek = new Date(`${requireDate(isoDate, 'date')}T00:00:00Z`).getUTCDay();
  return dayOfWeek !== 0 && dayOfWeek !== 6;
};

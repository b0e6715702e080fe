import { DomainError, ERROR_CODES } from '../errors';
import { localized } from '../i18n/localized';

const DAY_MS = 24 * 60 * 60 * 1000;
/** China has had no daylight saving since 1991: Asia/Shanghai is always UTC+08:00. */
export const SHANGHAI_OFFSET_MS = 8 * 60 * 60 * 1000;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Calendar date (YYYY-MM-DD) of an instant in Asia/Shanghai (UTC+8, no daylight saving). */
export function shanghaiDate(epochMs: number): string {
  return new Date(epochMs + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant a calendar day ends in Asia/Shanghai (next midnight, +08:00). */
export function endOfShanghaiDay(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) - SHANGHAI_OFFSET_MS + DAY_MS;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (calendar dates). */
export function daysBetween(from: string, to: string): number {
  return Math.round((utcDayStart(to) - utcDayStart(from)) / DAY_MS);
}

/** Dates already read: a KPI table asks for the same few thousand days across 100,000 projects. */
const dayStarts = new Map<string, number>();
/** A century of days; past it the memo starts again rather than grow (only a flood of odd dates gets there). */
const MAX_REMEMBERED_DAYS = 40_000;

/** 00:00 UTC of a YYYY-MM-DD date, read by position: KPI tables call this for every signed project. */
function utcDayStart(date: string): number {
  let start = dayStarts.get(date);
  if (start === undefined) {
    if (dayStarts.size >= MAX_REMEMBERED_DAYS) dayStarts.clear();
    start = Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
    dayStarts.set(date, start);
  }
  return start;
}

/** 'YYYY-MM-DD' naming a day that exists: not 2026-02-30 (rolls over to March), not 2026-13-01 (no such month). */
export function isCalendarDate(value: unknown): value is string {
  // Checked for NaN before toISOString, which would throw a RangeError (a 500) on a month 13 or a day 32.
  const parsed = typeof value === 'string' && ISO_DATE.test(value) ? Date.parse(`${value}T00:00:00Z`) : NaN;
  return !Number.isNaN(parsed) && new Date(parsed).toISOString().slice(0, 10) === value;
}

/** A real calendar date YYYY-MM-DD (2026-02-30 is not). */
export function requireDate(value: unknown, field: string): string {
  if (!isCalendarDate(value)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}须为有效日期 YYYY-MM-DD', '{field} must be a calendar date YYYY-MM-DD'), field);
  }
  return value;
}

export function requireNotFuture(date: string, now: number, field: string): string {
  if (date > shanghaiDate(now)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}不能晚于今天', '{field} must not be in the future'), field);
  return date;
}

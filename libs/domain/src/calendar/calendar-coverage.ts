import { requireDate } from '../project/calendar-dates';

/** A year the published arrangement does not cover yet, and what administrators have entered for it so far. */
export interface MissingCalendarYear {
  year: number;
  /** Overrides already entered for that year (its holidays and make-up days typed in by hand). */
  overrides: number;
}

/**
 * How far the working-day calendar knows the State Council's arrangement (放假调休安排), seen from
 * today. A year the dataset lacks is counted Monday to Friday: its New Year's Day, Spring Festival
 * and National Day would be working days, and every working-day deadline crossing them too early.
 * The arrangement for next year is published in November or December; until the dataset has it,
 * administrators must enter it as overrides, so the console warns them.
 */
export interface CalendarCoverage {
  /** Today in Asia/Shanghai, 'YYYY-MM-DD'. */
  today: string;
  /** The last day of the last published year, or null when the dataset has none. */
  coveredThrough: string | null;
  currentYear: number;
  nextYear: number;
  currentYearMissing: boolean;
  nextYearMissing: boolean;
  /** This year and next year, those not published, in order. */
  missingYears: MissingCalendarYear[];
}

/**
 * Coverage of the calendar on `today`: `publishedYears` are the years the holiday dataset has,
 * `overrideDates` every override in force ('YYYY-MM-DD'). Overrides do not make a year covered:
 * one rest day entered does not mean the whole arrangement was, so the warning stays (with the
 * count entered) until the dataset is updated.
 */
export function calendarCoverage(today: string, publishedYears: readonly number[], overrideDates: readonly string[]): CalendarCoverage {
  requireDate(today, 'today');
  const currentYear = Number(today.slice(0, 4));
  const nextYear = currentYear + 1;
  const published = new Set(publishedYears);
  const lastPublished = publishedYears.length > 0 ? Math.max(...publishedYears) : null;
  const missingYears = [currentYear, nextYear]
    .filter((year) => !published.has(year))
    .map((year) => ({ year, overrides: overrideDates.filter((date) => date.startsWith(`${year}-`)).length }));
  return {
    today,
    coveredThrough: lastPublished === null ? null : `${lastPublished}-12-31`,
    currentYear,
    nextYear,
    currentYearMissing: !published.has(currentYear),
    nextYearMissing: !published.has(nextYear),
    missingYears,
  };
}

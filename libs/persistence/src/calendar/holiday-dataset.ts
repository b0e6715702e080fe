import published from 'chinese-days/dist/chinese-days.json';
import { weekdayLookup } from '@zs/domain';

/** What the State Council's arrangement, as published in the `chinese-days` dataset, says of one date. */
export interface DatasetDay {
  working: boolean;
  /** 春节, 国庆节 … for a holiday; with 调休上班 for a make-up working day; null for an ordinary day. */
  festival: string | null;
}

/**
 * The package's published JSON (documented in its README), not its functions: those build their
 * tables and read dates in the process's time zone, and west of UTC answer for the day before
 * (an ordinary Monday comes out as a rest day). The JSON is keyed by plain 'YYYY-MM-DD' strings.
 *
 * Terminology: `workdays` are make-up working days (补班, on a weekend); `holidays` are rest days,
 * including the "in lieu" days (调休, also listed in `inLieuDays`). Values read "English,中文,days".
 */
interface PublishedArrangement {
  holidays: Record<string, string>;
  workdays: Record<string, string>;
}

const ARRANGEMENT: PublishedArrangement = published;

/**
 * Every year has at least New Year's Day, so a year without a holiday is one the dataset has not
 * got yet (chinese-days 1.5.7 covers 2004–2026). Its functions would quietly answer Monday–Friday
 * for such a year; callers say so instead.
 */
const COVERED_YEARS: ReadonlySet<string> = new Set(Object.keys(ARRANGEMENT.holidays).map((date) => date.slice(0, 4)));

/** The years the dataset has the State Council's arrangement for, in order (for the calendar's coverage warning). */
export function publishedYears(): number[] {
  return [...COVERED_YEARS].map(Number).sort((a, b) => a - b);
}

/** The dataset's answer for a date 'YYYY-MM-DD', or null for a year it does not cover. */
export function datasetDay(isoDate: string): DatasetDay | null {
  if (!COVERED_YEARS.has(isoDate.slice(0, 4))) return null;
  const makeUp = ARRANGEMENT.workdays[isoDate];
  if (makeUp) return { working: true, festival: `${festivalOf(makeUp)}调休上班` };
  const holiday = ARRANGEMENT.holidays[isoDate];
  if (holiday) return { working: false, festival: festivalOf(holiday) };
  return { working: weekdayLookup(isoDate), festival: null };
}

function festivalOf(entry: string): string {
  return entry.split(',')[1] || entry;
}

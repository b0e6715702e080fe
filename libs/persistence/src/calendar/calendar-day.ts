import { requireDate, weekdayLookup } from '@zs/domain';
import type { CalendarOverride } from './calendar-overrides';
import { datasetDay } from './holiday-dataset';

/** Who decided whether a day is a working day: an administrator, the State Council's published arrangement, or only the weekday. */
export const CALENDAR_DAY_SOURCES = ['override', 'dataset', 'weekday'] as const;
export type CalendarDaySource = (typeof CALENDAR_DAY_SOURCES)[number];

export interface CalendarDay {
  date: string;
  working: boolean;
  source: CalendarDaySource;
  /** What staff see: the override's name, the festival (春节, 春节调休上班), else 工作日 / 周末. */
  name: string;
}

export type OverridesByDate = ReadonlyMap<string, Pick<CalendarOverride, 'working' | 'name'>>;

export function overridesByDate(overrides: readonly CalendarOverride[]): OverridesByDate {
  return new Map(overrides.map((o) => [o.day, o]));
}

/**
 * One day as the engine counts it: an override wins; else the dataset for the years it covers;
 * else Monday to Friday, so a year the State Council has not published yet still has working
 * days (administrators add its holidays as overrides until the dataset is updated).
 */
export function describeDay(isoDate: string, overrides: OverridesByDate): CalendarDay {
  requireDate(isoDate, 'date');
  const override = overrides.get(isoDate);
  if (override) return { date: isoDate, working: override.working, source: 'override', name: override.name };
  const official = datasetDay(isoDate);
  if (official) return { date: isoDate, working: official.working, source: 'dataset', name: official.festival ?? ordinaryName(official.working) };
  const working = weekdayLookup(isoDate);
  return { date: isoDate, working, source: 'weekday', name: ordinaryName(working) };
}

function ordinaryName(working: boolean): string {
  return working ? '工作日' : '周末';
}

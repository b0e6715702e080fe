import { Inject, Injectable } from '@nestjs/common';
import { addDays, calendarCoverage, daysBetween, shanghaiDate, localized } from '@zs/domain';
import { describeDay, loadCalendarOverrides, overridesByDate, publishedYears, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import { invalidField } from './calendar-date';
import type { CalendarRangeQuery } from './dto/calendar-range.query';
import type { CalendarDayDto, CalendarRangeDto } from './dto/calendar-day.dto';
import type { CalendarOverrideListDto } from './dto/calendar-override.dto';
import type { CalendarCoverageDto } from './dto/calendar-coverage.dto';
import { toCalendarOverrideView } from './calendar-override.mapper';

/** A leap year: enough to show a whole year at once, small enough to answer in one go. */
export const MAX_CALENDAR_RANGE_DAYS = 366;

/** Read side of the working-day calendar, answered as the engine counts (same describeDay as the worker). */
@Injectable()
export class CalendarService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async range({ from, to }: CalendarRangeQuery): Promise<CalendarRangeDto> {
    const span = daysBetween(from, to) + 1;
    if (span < 1) throw invalidField('to', localized('{field}不能早于开始日期', '{field} must not be before from'));
    if (span > MAX_CALENDAR_RANGE_DAYS) throw invalidField('to', localized(`{field}与开始日期相隔不能超过 ${MAX_CALENDAR_RANGE_DAYS} 天（含首尾）`, `{field} must be at most ${MAX_CALENDAR_RANGE_DAYS} days from from, both included`));

    const overrides = overridesByDate(await loadCalendarOverrides(this.db));
    const days: CalendarDayDto[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) days.push(describeDay(date, overrides));
    return { from, to, days };
  }

  async overrides(): Promise<CalendarOverrideListDto> {
    return { items: (await loadCalendarOverrides(this.db)).map(toCalendarOverrideView) };
  }

  /** Whether this year's and next year's State Council arrangement is known (the console's warning). */
  async coverage(): Promise<CalendarCoverageDto> {
    const overrides = await loadCalendarOverrides(this.db);
    return calendarCoverage(shanghaiDate(Date.now()), publishedYears(), overrides.map((o) => o.day));
  }
}

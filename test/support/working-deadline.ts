import { WorkingCalendar } from '@zs/activities';
import { addWorkingDays, DEFAULT_END_OF_DAY } from '@zs/domain';
import type { DataSource } from 'typeorm';

/** The deadline of "N working days" (ending 17:30) from `startIso` on the zone's real calendar (dataset + overrides). */
export async function workingDeadline(ds: DataSource, startIso: string, days: number): Promise<string> {
  const lookup = await new WorkingCalendar(ds).lookup();
  return new Date(addWorkingDays(Date.parse(startIso), days, DEFAULT_END_OF_DAY, lookup)).toISOString();
}

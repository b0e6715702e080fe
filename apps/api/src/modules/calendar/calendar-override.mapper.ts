import type { CalendarOverride } from '@zs/persistence';
import type { CalendarOverrideDto } from './dto/calendar-override.dto';

export function toCalendarOverrideView(o: CalendarOverride): CalendarOverrideDto {
  return { date: o.day, working: o.working, name: o.name, reason: o.reason, updatedBy: o.updatedBy, updatedAt: o.updatedAt };
}

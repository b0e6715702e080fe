import { Inject, Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import {
  deleteCalendarOverride,
  findCalendarOverride,
  inTransaction,
  lockCalendarOverrides,
  recordAdminAudit,
  saveCalendarOverride,
  type Database,
} from '@zs/persistence';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import type { CalendarOverrideDto, SetCalendarOverrideDto } from './dto/calendar-override.dto';
import { toCalendarOverrideView } from './calendar-override.mapper';

/**
 * Administrators' changes to the calendar. Each change and its admin audit record commit in one
 * transaction: there is never an override nobody can account for. Deadlines already planned keep
 * their instant; the next deadline planned reads the new calendar.
 */
@Injectable()
export class CalendarOverridesService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  set(date: string, dto: SetCalendarOverrideDto, caller: AuthenticatedUser): Promise<CalendarOverrideDto> {
    return inTransaction(this.db, async (manager) => {
      await lockCalendarOverrides(manager);
      const before = await findCalendarOverride(manager, date);
      const after = await saveCalendarOverride(manager, { day: date, working: dto.working, name: dto.name, reason: dto.reason, updatedBy: caller.id });
      await recordAdminAudit(manager, {
        actor: { userId: caller.id, role: caller.role },
        action: 'calendar.override_set',
        subject: `calendar:${date}`,
        reason: dto.reason,
        payload: { before: before && toCalendarOverrideView(before), after: toCalendarOverrideView(after) },
      });
      return toCalendarOverrideView(after);
    });
  }

  async remove(date: string, reason: string, caller: AuthenticatedUser): Promise<void> {
    await inTransaction(this.db, async (manager) => {
      await lockCalendarOverrides(manager);
      const before = await findCalendarOverride(manager, date);
      if (!before) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`${date} 没有日历调整`, `there is no calendar override for ${date}`));
      await deleteCalendarOverride(manager, date);
      await recordAdminAudit(manager, {
        actor: { userId: caller.id, role: caller.role },
        action: 'calendar.override_removed',
        subject: `calendar:${date}`,
        reason,
        payload: { before: toCalendarOverrideView(before), after: null },
      });
    });
  }
}

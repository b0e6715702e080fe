import { Module } from '@nestjs/common';
import { CalendarOverridesService } from './calendar-overrides.service';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

/** 工作日历 over HTTP: read by all staff, overridden by administrators (audited). */
@Module({
  controllers: [CalendarController],
  providers: [CalendarService, CalendarOverridesService],
})
export class CalendarModule {}

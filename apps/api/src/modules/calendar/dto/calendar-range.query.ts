import { ApiProperty } from '@nestjs/swagger';
import { IsDateShape } from '../../../common/validation/shape.decorators';
import { IsCalendarDate } from '../calendar-date';

/** Both ends included; at most MAX_CALENDAR_RANGE_DAYS days (the service checks order and length). */
export class CalendarRangeQuery {
  @ApiProperty({ example: '2026-02-01', description: 'first day, YYYY-MM-DD (Asia/Shanghai)' })
  @IsCalendarDate()
  @IsDateShape()
  from!: string;

  @ApiProperty({ example: '2026-02-28', description: 'last day, included; at most 366 days after from, counting both' })
  @IsCalendarDate()
  @IsDateShape()
  to!: string;
}

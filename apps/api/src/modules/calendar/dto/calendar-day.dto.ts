import { ApiProperty } from '@nestjs/swagger';
import { CALENDAR_DAY_SOURCES, type CalendarDaySource } from '@zs/persistence';

export class CalendarDayDto {
  @ApiProperty({ example: '2026-02-14' })
  date!: string;

  @ApiProperty({ description: 'whether working-day deadlines count this day' })
  working!: boolean;

  @ApiProperty({
    enum: CALENDAR_DAY_SOURCES,
    description: "override: an administrator's decision; dataset: the State Council's published arrangement; weekday: a year not published yet, Monday–Friday",
  })
  source!: CalendarDaySource;

  @ApiProperty({ example: '春节调休上班', description: '节日名称, 调休上班, the override\'s name, else 工作日 / 周末' })
  name!: string;
}

export class CalendarRangeDto {
  @ApiProperty({ example: '2026-02-01' })
  from!: string;

  @ApiProperty({ example: '2026-02-28' })
  to!: string;

  @ApiProperty({ type: [CalendarDayDto] })
  days!: CalendarDayDto[];
}

import { ApiProperty } from '@nestjs/swagger';

export class MissingCalendarYearDto {
  @ApiProperty({ example: 2027 })
  year!: number;

  @ApiProperty({ example: 0, description: 'Overrides already entered for that year' })
  overrides!: number;
}

/** GET /sla/calendar/coverage: is the State Council's arrangement known for this year and the next? */
export class CalendarCoverageDto {
  @ApiProperty({ example: '2026-12-01', description: 'Today in Asia/Shanghai' })
  today!: string;

  @ApiProperty({ example: '2026-12-31', nullable: true, type: String, description: 'The last day of the last year the holiday dataset covers' })
  coveredThrough!: string | null;

  @ApiProperty({ example: 2026 })
  currentYear!: number;

  @ApiProperty({ example: 2027 })
  nextYear!: number;

  @ApiProperty({ description: 'This year is counted Monday–Friday, except for overrides' })
  currentYearMissing!: boolean;

  @ApiProperty({ description: "Next year's arrangement (published by the State Council in November/December) is not in the dataset: its holidays count as working days until entered as overrides" })
  nextYearMissing!: boolean;

  @ApiProperty({ type: [MissingCalendarYearDto], description: 'This year and next year, those not covered, with the overrides entered for each' })
  missingYears!: MissingCalendarYearDto[];
}

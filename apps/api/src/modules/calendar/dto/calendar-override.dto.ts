import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import { IsText } from '../../../common/validation/text.decorators';

/** PUT body: what the day is, called what, and why (the reason goes to the admin audit log). */
export class SetCalendarOverrideDto {
  @ApiProperty({ description: 'true: a working day (e.g. 补班 the dataset does not know); false: a rest day (e.g. 台风停工)' })
  @IsBoolean({ message: ({ property }) => `${property} must be a JSON boolean` })
  working!: boolean;

  @ApiProperty({ maxLength: 100, example: '台风停工' })
  @IsText(100)
  name!: string;

  @ApiProperty({ maxLength: 2000, example: '市防指发布台风红色预警，全区停工一天' })
  @IsText(2000)
  reason!: string;
}

/** DELETE query: why the override is withdrawn; the day reverts to the dataset (or Monday–Friday). */
export class RemoveCalendarOverrideQuery {
  @ApiProperty({ maxLength: 2000, example: '预警解除，恢复正常上班' })
  @IsText(2000)
  reason!: string;
}

export class CalendarOverrideDto {
  @ApiProperty({ example: '2026-11-23' })
  date!: string;

  @ApiProperty()
  working!: boolean;

  @ApiProperty({ example: '台风停工' })
  name!: string;

  @ApiProperty()
  reason!: string;

  @ApiProperty({ format: 'uuid', description: 'the administrator who last set it' })
  updatedBy!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export class CalendarOverrideListDto {
  @ApiProperty({ type: [CalendarOverrideDto], description: 'every override in force, by date' })
  items!: CalendarOverrideDto[];
}

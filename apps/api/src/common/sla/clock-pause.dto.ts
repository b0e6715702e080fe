import { ApiProperty } from '@nestjs/swagger';
import type { ClockName, ClockPauseCommand } from '@zs/domain';
import { IsText } from '../validation/text.decorators';

/** 暂停/恢复计时: why the clock stops or runs again (e.g. 等待企业补充材料); audited. */
export class ClockPauseDto {
  @ApiProperty({ maxLength: 2000, description: 'Why, e.g. 等待企业补充材料 (recorded in the audit trail and the SLA timeline)' })
  @IsText(2000)
  reason!: string;
}

export function toClockPauseCommand(clock: ClockName, dto: ClockPauseDto): ClockPauseCommand {
  return { clock, reason: dto.reason };
}

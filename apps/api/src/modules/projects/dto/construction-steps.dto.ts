import { ApiProperty } from '@nestjs/swagger';
import type { CompleteMilestoneCommand, LogProgressCommand, MilestoneKind, RecordProductionCommand } from '@zs/domain';
import { IsDateShape } from '../../../common/validation/shape.decorators';
import { IsText } from '../../../common/validation/text.decorators';

/** Shape only; the date must be real, not in the future and not before signing (the workflow's rule). */
export class CompleteMilestoneDto {
  @ApiProperty({ format: 'date', example: '2026-08-11', description: 'Calendar date the node was completed (Asia/Shanghai)' })
  @IsDateShape()
  completedOn!: string;

  @ApiProperty({ maxLength: 2000, example: '营业执照（统一社会信用代码 91430200MA4XXXXXXX）' })
  @IsText(2000)
  evidence!: string;
}

export function toCompleteMilestoneCommand(kind: MilestoneKind, dto: CompleteMilestoneDto): CompleteMilestoneCommand {
  return { kind, completedOn: dto.completedOn, evidence: dto.evidence };
}

/** 每日进度. */
export class LogProgressDto {
  @ApiProperty({ format: 'date', example: '2026-08-20', description: 'Calendar date of the progress (Asia/Shanghai), not in the future' })
  @IsDateShape()
  date!: string;

  @ApiProperty({ maxLength: 2000, example: '主体结构完成至二层，钢结构进场' })
  @IsText(2000)
  note!: string;
}

export function toLogProgressCommand(dto: LogProgressDto): LogProgressCommand {
  return { date: dto.date, note: dto.note };
}

/** 投产: every other node must be completed first (the workflow's rule). */
export class RecordProductionDto {
  @ApiProperty({ format: 'date', example: '2026-12-01', description: 'Actual production date (Asia/Shanghai), not in the future, not before signing' })
  @IsDateShape()
  actualDate!: string;

  @ApiProperty({ maxLength: 2000, example: '首批产品下线，投产仪式纪要' })
  @IsText(2000)
  evidence!: string;
}

export function toRecordProductionCommand(dto: RecordProductionDto): RecordProductionCommand {
  return { actualDate: dto.actualDate, evidence: dto.evidence };
}

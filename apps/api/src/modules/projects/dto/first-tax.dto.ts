import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { RecordFirstTaxCommand } from '@zs/domain';
import { ZhDate, ZhOptionalNumber } from './zh-shape.decorators';

/** 首次纳税: the actual date, once. */
export class RecordFirstTaxDto {
  @ApiProperty({ format: 'date', example: '2026-10-15', description: '实际首次纳税日期（北京时间），不早于签约日、不晚于今天' })
  @ZhDate('首次纳税日期')
  date!: string;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, example: 86.5, description: '首次纳税金额（万元），可不填' })
  @ZhOptionalNumber('首次纳税金额，万元')
  amountWanYuan?: number | null;
}

export function toRecordFirstTaxCommand(dto: RecordFirstTaxDto): RecordFirstTaxCommand {
  return { date: dto.date, amountWanYuan: dto.amountWanYuan ?? null };
}

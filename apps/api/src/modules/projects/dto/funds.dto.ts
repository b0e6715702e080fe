import { ApiProperty } from '@nestjs/swagger';
import { FUNDS_SOURCE_LABELS, FUNDS_SOURCES, INVESTMENT_DECIMAL_PLACES, MAX_ESTIMATED_INVESTMENT_YI, type FundsSource, type RecordFundsCommand } from '@zs/domain';
import { ZhDate, ZhNumber, ZhOneOf, ZhText } from './zh-shape.decorators';

/** 到位资金: one dated entry of the ledger. Amount range, date not before signing / not in the future: the workflow's rules. */
export class RecordFundsDto {
  @ApiProperty({ example: 1.25, exclusiveMinimum: true, minimum: 0, maximum: MAX_ESTIMATED_INVESTMENT_YI, description: `到位金额（亿元），大于 0，最多 ${INVESTMENT_DECIMAL_PLACES} 位小数` })
  @ZhNumber('到位金额，亿元')
  amountYi!: number;

  @ApiProperty({ format: 'date', example: '2026-09-15', description: '资金到位日期（北京时间），不早于签约日、不晚于今天' })
  @ZhDate('到位日期')
  date!: string;

  @ApiProperty({ enum: FUNDS_SOURCES, description: Object.entries(FUNDS_SOURCE_LABELS).map(([k, v]) => `${k}=${v}`).join('，') })
  @ZhOneOf('资金来源', FUNDS_SOURCES, FUNDS_SOURCE_LABELS)
  source!: FundsSource;

  @ApiProperty({ maxLength: 2000, example: '银行进账单 No.20260915-0031' })
  @ZhText('凭证')
  evidence!: string;
}

export function toRecordFundsCommand(dto: RecordFundsDto): RecordFundsCommand {
  return { amountYi: dto.amountYi, date: dto.date, source: dto.source, evidence: dto.evidence };
}

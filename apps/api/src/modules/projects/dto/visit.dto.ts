import { ApiProperty } from '@nestjs/swagger';
import { VISIT_KIND_LABELS, VISIT_KINDS, type RecordVisitCommand, type VisitKind } from '@zs/domain';
import { ZhDate, ZhOneOf, ZhText } from './zh-shape.decorators';

/** 走访/外出招商, at any open stage. */
export class RecordVisitDto {
  @ApiProperty({ enum: VISIT_KINDS, description: Object.entries(VISIT_KIND_LABELS).map(([k, v]) => `${k}=${v}`).join('，') })
  @ZhOneOf('走访类型', VISIT_KINDS, VISIT_KIND_LABELS)
  kind!: VisitKind;

  @ApiProperty({ format: 'date', example: '2026-07-08', description: '走访日期（北京时间），不晚于今天' })
  @ZhDate('走访日期')
  date!: string;

  @ApiProperty({ maxLength: 2000, example: '招商一局 李明、企业 王经理' })
  @ZhText('参加人员')
  participants!: string;

  @ApiProperty({ maxLength: 2000, example: '了解二期扩产用地需求，企业拟追加投资 3 亿元' })
  @ZhText('走访情况')
  summary!: string;
}

export function toRecordVisitCommand(dto: RecordVisitDto): RecordVisitCommand {
  return { kind: dto.kind, date: dto.date, participants: dto.participants, summary: dto.summary };
}

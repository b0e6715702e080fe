import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { CONTACT_KINDS, type ContactKind, type RecordContactCommand } from '@zs/domain';
import { IsDateShape } from '../../../common/validation/shape.decorators';
import { IsText } from '../../../common/validation/text.decorators';

/** Shape only, and a real date in the accepted range; that it is not in the future is the workflow's rule. */
export class RecordContactDto {
  @ApiProperty({ enum: CONTACT_KINDS, description: '拜访 / 实地考察 / 洽谈会议 / 电话沟通' })
  @IsIn(CONTACT_KINDS, { message: `kind must be one of: ${CONTACT_KINDS.join(', ')}` })
  kind!: ContactKind;

  @ApiProperty({ format: 'date', example: '2026-03-02', description: 'Calendar date of the contact (Asia/Shanghai), not in the future' })
  @IsDateShape()
  date!: string;

  @ApiProperty({ maxLength: 2000, example: '王经理（投资方）、李明（招商一局）' })
  @IsText(2000)
  participants!: string;

  @ApiProperty({ maxLength: 2000, example: '园区管委会三楼会议室' })
  @IsText(2000)
  location!: string;

  @ApiProperty({ maxLength: 2000, description: 'What came of it', example: '对方确认用地需求约80亩，下周实地考察' })
  @IsText(2000)
  outcome!: string;
}

export function toRecordContactCommand(dto: RecordContactDto): RecordContactCommand {
  return { kind: dto.kind, date: dto.date, participants: dto.participants, location: dto.location, outcome: dto.outcome };
}

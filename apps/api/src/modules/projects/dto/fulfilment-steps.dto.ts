import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';
import type { CompleteProjectCommand, RecordFulfilmentCheckCommand, TerminateContractCommand } from '@zs/domain';
import { IsJsonNumber } from '../../../common/validation/shape.decorators';
import { IsText } from '../../../common/validation/text.decorators';

/** 履约检查. Ranges (≥ 0, plausible maxima) are the workflow's rule. */
export class FulfilmentCheckDto {
  @ApiProperty({ example: 5.2, description: '到位资金 (亿元)' })
  @IsJsonNumber()
  investmentInPlaceYi!: number;

  @ApiProperty({ example: 320, description: 'Tax paid so far (万元)' })
  @IsJsonNumber()
  taxPaidWanYuan!: number;

  @ApiProperty({ description: 'Whether the contract is being fulfilled' })
  @IsBoolean({ message: ({ property }) => `${property} must be true or false` })
  fulfilled!: boolean;

  @ApiProperty({ maxLength: 2000, example: '资金到位76%，已投产，首季度纳税320万元' })
  @IsText(2000)
  note!: string;
}

export function toFulfilmentCheckCommand(dto: FulfilmentCheckDto): RecordFulfilmentCheckCommand {
  return { investmentInPlaceYi: dto.investmentInPlaceYi, taxPaidWanYuan: dto.taxPaidWanYuan, fulfilled: dto.fulfilled, note: dto.note };
}

export class CompleteProjectDto {
  @ApiProperty({ maxLength: 2000, example: '合同约定事项全部履行' })
  @IsText(2000)
  reason!: string;
}

export function toCompleteProjectCommand(dto: CompleteProjectDto): CompleteProjectCommand {
  return { reason: dto.reason };
}

export class TerminateContractDto {
  @ApiProperty({ maxLength: 2000, example: '企业经营困难无法履约' })
  @IsText(2000)
  reason!: string;

  @ApiProperty({ maxLength: 2000, example: '管委会主任 陈刚', description: 'Who approved the termination (name and title)' })
  @IsText(2000)
  approver!: string;
}

export function toTerminateContractCommand(dto: TerminateContractDto): TerminateContractCommand {
  return { reason: dto.reason, approver: dto.approver };
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';
import { MAX_AREA_M2, MAX_ESTIMATED_INVESTMENT_YI, type SignContractCommand } from '@zs/domain';
import { IsDateShape, IsJsonNumber, IsOptionalJsonNumber } from '../../../common/validation/shape.decorators';
import { IsOptionalText } from '../../../common/validation/text.decorators';

/** 当年签约、当年建设、当年投产、当年纳税: the dates the investor commits to, in this order. */
export class CommittedDatesDto {
  @ApiProperty({ format: 'date', example: '2026-08-15', description: '开工: not before signedOn' })
  @IsDateShape()
  constructionStart!: string;

  @ApiProperty({ format: 'date', example: '2026-09-20', description: '设备进场: not before constructionStart' })
  @IsDateShape()
  equipmentEntry!: string;

  @ApiProperty({ format: 'date', example: '2026-12-01', description: '投产: not before equipmentEntry' })
  @IsDateShape()
  production!: string;

  @ApiProperty({ format: 'date', example: '2027-03-31', description: '首次纳税: not before production' })
  @IsDateShape()
  firstTax!: string;
}

/**
 * Shape only; that the amounts are positive and in range, the dates real and in order, and
 * that some space is taken (land or factory) is the workflow's rule.
 */
export class SignContractDto {
  @ApiPropertyOptional({ maxLength: 2000, example: 'ZZGX-2026-041' })
  @IsOptionalText(2000)
  contractNo?: string;

  @ApiProperty({
    description: `Contracted investment in 亿元 (100 million yuan), > 0, at most ${MAX_ESTIMATED_INVESTMENT_YI}`,
    example: 6.8,
    minimum: 0,
    exclusiveMinimum: true,
    maximum: MAX_ESTIMATED_INVESTMENT_YI,
  })
  @IsJsonNumber()
  contractInvestmentYi!: number;

  @ApiProperty({ format: 'date', example: '2026-07-28', description: 'Calendar date the contract was signed (Asia/Shanghai)' })
  @IsDateShape()
  signedOn!: string;

  @ApiProperty({ type: CommittedDatesDto })
  @ValidateNested()
  @Type(() => CommittedDatesDto)
  @IsObject({ message: ({ property }) => `${property} must be an object` })
  committed!: CommittedDatesDto;

  @ApiPropertyOptional({ description: 'Land taken from the zone, m² (landAreaM2 or factoryAreaM2 is required)', minimum: 0, maximum: MAX_AREA_M2, example: 53_333 })
  @IsOptionalJsonNumber()
  landAreaM2?: number;

  @ApiPropertyOptional({ description: 'Standard factory space taken (厂房去化), m²', minimum: 0, maximum: MAX_AREA_M2, example: 12_000 })
  @IsOptionalJsonNumber()
  factoryAreaM2?: number;
}

export function toSignContractCommand(dto: SignContractDto): SignContractCommand {
  const { constructionStart, equipmentEntry, production, firstTax } = dto.committed;
  return {
    ...(dto.contractNo != null ? { contractNo: dto.contractNo } : {}),
    contractInvestmentYi: dto.contractInvestmentYi,
    signedOn: dto.signedOn,
    committed: { constructionStart, equipmentEntry, production, firstTax },
    ...(dto.landAreaM2 != null ? { landAreaM2: dto.landAreaM2 } : {}),
    ...(dto.factoryAreaM2 != null ? { factoryAreaM2: dto.factoryAreaM2 } : {}),
  };
}

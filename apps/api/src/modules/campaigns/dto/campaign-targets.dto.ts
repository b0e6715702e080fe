import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsJsonNumber } from '../../../common/validation/shape.decorators';

/** Generous bounds: the largest zone's annual target is a few hundred 亿元; anything near these is a typing mistake. */
const MAX_YI = 100_000;
const MAX_COUNT = 100_000;

const atLeastZero = { message: ({ property }: { property: string }) => `${property} must not be negative（不能为负数）` };
const atMost = (max: number) => ({ message: ({ property }: { property: string }) => `${property} must be at most ${max}（不能超过 ${max}）` });
const wholeNumber = { message: ({ property }: { property: string }) => `${property} must be a whole number（须为整数）` };

/** 攻势目标: each optional; null or absent = no target for that figure. Checks run bottom-up, the type check last. */
export class CampaignTargetsDto {
  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_YI, example: 120, description: '签约合同投资额目标（亿元）' })
  @Max(MAX_YI, atMost(MAX_YI))
  @Min(0, atLeastZero)
  @IsJsonNumber()
  @IsOptional()
  contractInvestmentYi?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_YI, example: 30, description: '到位资金目标（亿元）' })
  @Max(MAX_YI, atMost(MAX_YI))
  @Min(0, atLeastZero)
  @IsJsonNumber()
  @IsOptional()
  fundsInPlaceYi?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_COUNT, example: 20, description: '签约项目数目标' })
  @Max(MAX_COUNT, atMost(MAX_COUNT))
  @Min(0, atLeastZero)
  @IsInt(wholeNumber)
  @IsOptional()
  signedProjects?: number | null;

  @ApiPropertyOptional({ type: Number, nullable: true, minimum: 0, maximum: MAX_COUNT, example: 80, description: '新增线索数目标' })
  @Max(MAX_COUNT, atMost(MAX_COUNT))
  @Min(0, atLeastZero)
  @IsInt(wholeNumber)
  @IsOptional()
  leads?: number | null;
}

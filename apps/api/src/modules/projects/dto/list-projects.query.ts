import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsNumberString, IsOptional, IsUUID, Matches, ValidateBy } from 'class-validator';
import {
  FORTUNE_500_LISTS,
  INFO_GRADES,
  INVESTOR_ORIGINS,
  MAX_ESTIMATED_INVESTMENT_YI,
  PROJECT_KINDS,
  SOURCE_CHANNELS,
  SPECIALIZED_SME_LEVELS,
  STAGES,
  type Fortune500List,
  type InfoGrade,
  type InvestorOrigin,
  type ProjectKind,
  type SourceChannel,
  type SpecializedSmeLevel,
} from '@zs/domain';
import { calendarDateProblem } from '../../../common/validation/date-range';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsOptionalText } from '../../../common/validation/text.decorators';

export const PROJECT_SORT_KEYS = ['registeredAt', 'updatedAt', 'estimatedInvestmentYi', 'investment', 'signedOn', 'companyName'] as const;
export const PROJECT_SORTS = PROJECT_SORT_KEYS.flatMap((k) => [k, `-${k}`] as const);
export type ProjectSort = (typeof PROJECT_SORTS)[number];

/** 投资额档次 of the reports: ≥1 亿, ≥5 亿, ≥10 亿, <1 亿. */
export const INVESTMENT_BANDS = ['ge1', 'ge5', 'ge10', 'lt1'] as const;
export type InvestmentBand = (typeof INVESTMENT_BANDS)[number];
export const INVESTMENT_BAND_LABELS: Record<InvestmentBand, string> = { ge1: '1亿元及以上', ge5: '5亿元及以上', ge10: '10亿元及以上', lt1: '1亿元以下' };

const BOOLEAN_TEXT = ['true', 'false'] as const;
type BooleanText = (typeof BOOLEAN_TEXT)[number];
/** A yes/no query parameter's two words. */
export const BOOLEAN_TEXT_LABELS: Record<BooleanText, string> = { true: '是', false: '否' };
const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });
const uuid = { message: ({ property }: { property: string }) => `${property} must be an id (UUID)` };

/** A calendar day YYYY-MM-DD in 1900–2199 (date-range.ts), said after the parameter's name. */
function IsQueryDate(): PropertyDecorator {
  return ValidateBy({
    name: 'isQueryDate',
    validator: {
      validate: (value: unknown) => calendarDateProblem(value) === null,
      defaultMessage: (args) => `${args?.property} ${calendarDateProblem(args?.value) ?? 'must be a date YYYY-MM-DD'}`,
    },
  });
}

/** An amount in 亿元: plain decimal text, ≥ 0, at most MAX_ESTIMATED_INVESTMENT_YI. */
function IsQueryAmount(): PropertyDecorator {
  const decorators = [
    ValidateBy(
      { name: 'isQueryAmount', validator: { validate: (value: unknown) => typeof value === 'string' && Number(value) >= 0 && Number(value) <= MAX_ESTIMATED_INVESTMENT_YI } },
      { message: ({ property }) => `${property} must be between 0 and ${MAX_ESTIMATED_INVESTMENT_YI} (亿元)（金额须在 0 至 ${MAX_ESTIMATED_INVESTMENT_YI} 亿元之间）` },
    ),
    Matches(/^\d{1,5}(\.\d{1,4})?$/, { message: ({ property }) => `${property} must be an amount in 亿元 such as 5 or 0.5` }),
    IsNumberString({}, { message: ({ property }) => `${property} must be a number` }),
  ];
  return (target, key) => decorators.forEach((d) => d(target, key));
}

/**
 * GET /projects: every filter is optional and they combine with AND. Dates are Asia/Shanghai
 * calendar days, both ends included; "investment" is the contract's once signed, the estimate before.
 * Cross-parameter rules (from ≤ to, minYi ≤ maxYi, band with min/max) are checked by listFilterOf.
 */
export class ListProjectsQuery extends PaginationQuery {
  @ApiPropertyOptional({ description: `One stage or several, comma-separated (${STAGES.join(', ')})`, example: 'intake,negotiation' })
  @IsOptional()
  @ValidateBy(
    { name: 'isStageList', validator: { validate: (value: unknown) => typeof value === 'string' && value.split(',').every((s) => (STAGES as readonly string[]).includes(s)) } },
    { message: `stage must be one or more of (comma-separated): ${STAGES.join(', ')}` },
  )
  stage?: string;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, oneOf(BOOLEAN_TEXT))
  overdue?: BooleanText;

  @ApiPropertyOptional({ maxLength: 100, description: 'Industry chain (产业链) by its registered name' })
  @IsOptionalText(100)
  industryChain?: string;

  @ApiPropertyOptional({ enum: INFO_GRADES })
  @IsOptional()
  @IsIn(INFO_GRADES, oneOf(INFO_GRADES))
  infoGrade?: InfoGrade;

  @ApiPropertyOptional({ enum: PROJECT_KINDS })
  @IsOptional()
  @IsIn(PROJECT_KINDS, oneOf(PROJECT_KINDS))
  kind?: ProjectKind;

  @ApiPropertyOptional({ enum: SOURCE_CHANNELS })
  @IsOptional()
  @IsIn(SOURCE_CHANNELS, oneOf(SOURCE_CHANNELS))
  sourceChannel?: SourceChannel;

  @ApiPropertyOptional({ format: 'date', description: 'Registered on or after this day (Asia/Shanghai)' })
  @IsOptional()
  @IsQueryDate()
  registeredFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Registered on or before this day (Asia/Shanghai)' })
  @IsOptional()
  @IsQueryDate()
  registeredTo?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Signed on or after this day' })
  @IsOptional()
  @IsQueryDate()
  signedFrom?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Signed on or before this day' })
  @IsOptional()
  @IsQueryDate()
  signedTo?: string;

  @ApiPropertyOptional({ description: 'Investment (亿元) at least', example: '1' })
  @IsOptional()
  @IsQueryAmount()
  minYi?: string;

  @ApiPropertyOptional({ description: 'Investment (亿元) at most', example: '10' })
  @IsOptional()
  @IsQueryAmount()
  maxYi?: string;

  @ApiPropertyOptional({ enum: INVESTMENT_BANDS, description: '投资额档次: ge1 ≥1亿, ge5 ≥5亿, ge10 ≥10亿, lt1 <1亿' })
  @IsOptional()
  @IsIn(INVESTMENT_BANDS, oneOf(INVESTMENT_BANDS))
  band?: InvestmentBand;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: '500强 (any list)' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, oneOf(BOOLEAN_TEXT))
  fortune500?: BooleanText;

  @ApiPropertyOptional({ enum: FORTUNE_500_LISTS, description: 'On this 500强 list' })
  @IsOptional()
  @IsIn(FORTUNE_500_LISTS, oneOf(FORTUNE_500_LISTS))
  fortune500List?: Fortune500List;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: '上市公司' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, oneOf(BOOLEAN_TEXT))
  listedCompany?: BooleanText;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: '专精特新 (any level)' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, oneOf(BOOLEAN_TEXT))
  specializedSme?: BooleanText;

  @ApiPropertyOptional({ enum: SPECIALIZED_SME_LEVELS })
  @IsOptional()
  @IsIn(SPECIALIZED_SME_LEVELS, oneOf(SPECIALIZED_SME_LEVELS))
  specializedSmeLevel?: SpecializedSmeLevel;

  @ApiPropertyOptional({ enum: INVESTOR_ORIGINS })
  @IsOptional()
  @IsIn(INVESTOR_ORIGINS, oneOf(INVESTOR_ORIGINS))
  origin?: InvestorOrigin;

  @ApiPropertyOptional({ enum: BOOLEAN_TEXT, description: 'Imported from an existing portfolio' })
  @IsOptional()
  @IsIn(BOOLEAN_TEXT, oneOf(BOOLEAN_TEXT))
  imported?: BooleanText;

  @ApiPropertyOptional({ format: 'uuid', description: 'Reported by (报送人)' })
  @IsOptional()
  @IsUUID('all', uuid)
  reporterUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The reporter's department (全民招商)" })
  @IsOptional()
  @IsUUID('all', uuid)
  reporterDepartmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Owning officer' })
  @IsOptional()
  @IsUUID('all', uuid)
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The owning officer's team (小分队)" })
  @IsOptional()
  @IsUUID('all', uuid)
  teamId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: "The owning officer's department (credited for KPIs)" })
  @IsOptional()
  @IsUUID('all', uuid)
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Campaign (招商攻势) the project counts for' })
  @IsOptional()
  @IsUUID('all', uuid)
  campaignId?: string;

  @ApiPropertyOptional({ maxLength: 100, description: 'Company name, partial or slightly misspelt (substring or trigram similarity)' })
  @Matches(/\S/, { message: 'q must not be blank' })
  @IsOptionalText(100)
  q?: string;

  @ApiPropertyOptional({ enum: PROJECT_SORTS, default: '-registeredAt', description: 'A leading "-" sorts descending; unsigned projects come last when sorting by signedOn' })
  @IsOptional()
  @IsIn(PROJECT_SORTS, oneOf(PROJECT_SORTS))
  sort: ProjectSort = '-registeredAt';
}

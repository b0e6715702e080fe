import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayUnique, IsArray, IsBoolean, IsIn, IsNumber, IsOptional, IsPositive, IsUUID, Max, ValidateBy, ValidateIf } from 'class-validator';
import {
  FORTUNE_500_LISTS,
  INVESTOR_ORIGINS,
  SPECIALIZED_SME_LEVELS,
  type Fortune500List,
  type InvestorOrigin,
  type SpecializedSmeLevel,
  hasAtMostDecimalPlaces,
  INFO_GRADES,
  INVESTMENT_DECIMAL_PLACES,
  MAX_ESTIMATED_INVESTMENT_YI,
  PROJECT_KINDS,
  SOURCE_CHANNELS,
  type InfoGrade,
  type ProjectKind,
  type SourceChannel,
} from '@zs/domain';
import { IsOptionalText, IsText } from '../../../common/validation/text.decorators';

const oneOf = (values: readonly string[]) => ({ message: ({ property }: { property: string }) => `${property} must be one of: ${values.join(', ')}` });
const boolean = { message: ({ property }: { property: string }) => `${property} must be a boolean (true or false)` };

/** A lead as reported by staff (domain Lead). Bodies are never coerced: "5" is not a number here. */
export class RegisterLeadDto {
  @ApiProperty({ example: '宁德时代新能源科技股份有限公司', minLength: 1, maxLength: 200 })
  @IsText(200)
  companyName!: string;

  @ApiProperty({ example: '张经理', minLength: 1, maxLength: 100 })
  @IsText(100)
  contactName!: string;

  @ApiPropertyOptional({ example: '13800000000', maxLength: 40 })
  @IsOptionalText(40)
  contactPhone?: string;

  @ApiProperty({ example: '新能源汽车', minLength: 1, maxLength: 100 })
  @IsText(100)
  industryChain!: string;

  @ApiProperty({
    description: `Estimated investment in 亿元 (100 million yuan), > 0, at most ${MAX_ESTIMATED_INVESTMENT_YI}, ${INVESTMENT_DECIMAL_PLACES} decimals`,
    example: 12.5,
    minimum: 0,
    exclusiveMinimum: true,
    maximum: MAX_ESTIMATED_INVESTMENT_YI,
  })
  // Checks run bottom-up (stopping at the first failure): the type check sits last.
  @Max(MAX_ESTIMATED_INVESTMENT_YI, {
    message: ({ property }) => `${property} must be at most ${MAX_ESTIMATED_INVESTMENT_YI} (亿元; was the amount typed in yuan?)`,
  })
  @IsPositive({ message: ({ property }) => `${property} must be a positive number` })
  // class-validator's maxDecimalPlaces misreads exponent notation (1e-7 throws, 1.5e-7 passes).
  @ValidateBy(
    {
      name: 'maxDecimalPlaces',
      constraints: [INVESTMENT_DECIMAL_PLACES],
      validator: { validate: (value: unknown) => typeof value === 'number' && hasAtMostDecimalPlaces(value, INVESTMENT_DECIMAL_PLACES) },
    },
    { message: ({ property }) => `${property} must have at most ${INVESTMENT_DECIMAL_PLACES} decimal places` },
  )
  @IsNumber(
    { allowNaN: false, allowInfinity: false },
    { message: ({ property }) => `${property} must be a JSON number` },
  )
  estimatedInvestmentYi!: number;

  @ApiProperty({ enum: SOURCE_CHANNELS })
  @IsIn(SOURCE_CHANNELS, oneOf(SOURCE_CHANNELS))
  sourceChannel!: SourceChannel;

  @ApiProperty({ enum: INFO_GRADES })
  @IsIn(INFO_GRADES, oneOf(INFO_GRADES))
  infoGrade!: InfoGrade;

  @ApiPropertyOptional({ description: '500强 (any of the three lists); derived from fortune500Lists when given, which it must not contradict. One of the two is required.' })
  // Required unless fortune500Lists says it (resolveLeadFlags then checks that they agree).
  @ValidateIf((lead: RegisterLeadDto) => lead.fortune500Lists === undefined || lead.fortune500 !== undefined)
  @IsBoolean(boolean)
  fortune500?: boolean;

  @ApiPropertyOptional({ description: '专精特新; derived (true) from specializedSmeLevel when given. One of the two is required.' })
  // Required unless specializedSmeLevel says it.
  @ValidateIf((lead: RegisterLeadDto) => lead.specializedSmeLevel == null || lead.specializedSme !== undefined)
  @IsBoolean(boolean)
  specializedSme?: boolean;

  @ApiPropertyOptional({ enum: FORTUNE_500_LISTS, isArray: true, description: '三类500强: global 世界500强, china 中国500强, private 中国民营企业500强; [] for none' })
  @IsOptional()
  @IsIn(FORTUNE_500_LISTS, { each: true, ...oneOf(FORTUNE_500_LISTS) })
  @ArrayUnique({ message: ({ property }) => `${property} must not repeat a list（500强榜单不得重复）` })
  @IsArray({ message: ({ property }) => `${property} must be an array` })
  fortune500Lists?: Fortune500List[];

  @ApiPropertyOptional({ description: '上市公司' })
  @IsOptional()
  @IsBoolean(boolean)
  listedCompany?: boolean;

  @ApiPropertyOptional({ enum: SPECIALIZED_SME_LEVELS, nullable: true, description: '专精特新级别: national_little_giant 国家级"小巨人", provincial 省级' })
  @IsOptional()
  @IsIn(SPECIALIZED_SME_LEVELS, oneOf(SPECIALIZED_SME_LEVELS))
  specializedSmeLevel?: SpecializedSmeLevel | null;

  @ApiPropertyOptional({ enum: INVESTOR_ORIGINS, nullable: true, description: '来源: outside_province 省外, inside_province 省内, first_in_province 首次在省内投资' })
  @IsOptional()
  @IsIn(INVESTOR_ORIGINS, oneOf(INVESTOR_ORIGINS))
  origin?: InvestorOrigin | null;

  @ApiPropertyOptional({ example: '91440300708461136T', nullable: true, description: '统一社会信用代码 (GB 32100-2015, 18 characters, check character verified)' })
  @IsOptionalText(40)
  creditCode?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'The owning officer (an active 招商专员) when the caller is not one; an officer registering owns the lead' })
  @IsOptional()
  @IsUUID('all', { message: ({ property }) => `${property} must be a user id (UUID)` })
  ownerUserId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The campaign (招商攻势) the project counts for' })
  @IsOptional()
  @IsUUID('all', { message: ({ property }) => `${property} must be a campaign id (UUID)` })
  campaignId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'After a 409 DUPLICATE_SUSPECTED: the id of a project it named, to confirm that this lead is registered anyway (recorded in the history)' })
  @IsOptional()
  @IsUUID('all', { message: ({ property }) => `${property} must be a project id (UUID)` })
  confirmDuplicateOf?: string;

  @ApiProperty({ enum: PROJECT_KINDS })
  @IsIn(PROJECT_KINDS, oneOf(PROJECT_KINDS))
  kind!: ProjectKind;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalText(2000)
  notes?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsNumber, IsPositive, Max, ValidateBy } from 'class-validator';
import {
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

  @ApiProperty({ description: '世界500强' })
  @IsBoolean(boolean)
  fortune500!: boolean;

  @ApiProperty({ description: '专精特新' })
  @IsBoolean(boolean)
  specializedSme!: boolean;

  @ApiProperty({ enum: PROJECT_KINDS })
  @IsIn(PROJECT_KINDS, oneOf(PROJECT_KINDS))
  kind!: ProjectKind;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptionalText(2000)
  notes?: string;
}

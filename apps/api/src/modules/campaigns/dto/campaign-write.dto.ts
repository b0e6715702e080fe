import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsObject, IsOptional, ValidateNested } from 'class-validator';
import { IsDateShape, IsOptionalDateShape } from '../../../common/validation/shape.decorators';
import { IsOptionalText, IsText } from '../../../common/validation/text.decorators';
import { CampaignTargetsDto } from './campaign-targets.dto';

export const MAX_CAMPAIGN_NAME = 200;
export const MAX_CAMPAIGN_DESCRIPTION = 2000;

const anObject = { message: ({ property }: { property: string }) => `${property} must be an object（须为对象）` };

/** POST /campaigns. That endsOn is not before startsOn is checked by the service (400 naming endsOn). */
export class CreateCampaignDto {
  @ApiProperty({ maxLength: MAX_CAMPAIGN_NAME, example: '2026年夏季招商攻势' })
  @IsText(MAX_CAMPAIGN_NAME)
  name!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_CAMPAIGN_DESCRIPTION, example: '七、八两月，全区十支小分队赴长三角、珠三角开展驻点招商' })
  @IsOptionalText(MAX_CAMPAIGN_DESCRIPTION)
  description?: string | null;

  @ApiProperty({ format: 'date', example: '2026-07-01', description: '第一天（含）, YYYY-MM-DD, 1900-01-01..2199-12-31' })
  @IsDateShape()
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-08-31', description: '最后一天（含）, not before startsOn' })
  @IsDateShape()
  endsOn!: string;

  @ApiPropertyOptional({ type: CampaignTargetsDto, description: '攻势目标; absent figures have no target' })
  @ValidateNested()
  @Type(() => CampaignTargetsDto)
  @IsObject(anObject)
  @IsOptional()
  targets?: CampaignTargetsDto;
}

/** PATCH /campaigns/:id: only the fields sent change (at least one); description and targets may be set to null. */
export class UpdateCampaignDto {
  @ApiPropertyOptional({ maxLength: MAX_CAMPAIGN_NAME })
  @IsText(MAX_CAMPAIGN_NAME)
  @IsOptional()
  name?: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: MAX_CAMPAIGN_DESCRIPTION })
  @IsOptionalText(MAX_CAMPAIGN_DESCRIPTION)
  description?: string | null;

  @ApiPropertyOptional({ format: 'date', example: '2026-07-01' })
  @IsOptionalDateShape()
  startsOn?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-09-15' })
  @IsOptionalDateShape()
  endsOn?: string;

  @ApiPropertyOptional({ type: CampaignTargetsDto, nullable: true, description: 'Replaces every target (null: no targets)' })
  @ValidateNested()
  @Type(() => CampaignTargetsDto)
  @IsObject(anObject)
  @IsOptional()
  targets?: CampaignTargetsDto | null;
}

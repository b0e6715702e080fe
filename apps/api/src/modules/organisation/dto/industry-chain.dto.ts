import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { INDUSTRY_CHAIN_KINDS, type IndustryChainKind } from '@zs/domain';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalOrgText, UnclearableOrgText, OrgId, OrgIdList, OrgOneOf, OrgText, QueryBoolean } from './org-validators';

export const MAX_CHAIN_DEPUTIES = 50;

class ChainFields {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: '链长 (an active user)' })
  @IsOptional()
  @OrgId('链长', { nullable: true })
  chiefUserId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_CHAIN_DEPUTIES, description: '分链长 (active users); replaces the list' })
  @IsOptional()
  @OrgIdList('分链长', MAX_CHAIN_DEPUTIES)
  deputyUserIds?: string[];

  @ApiPropertyOptional({ minimum: 0, maximum: 10000, description: 'Position in lists' })
  @IsOptional()
  @Max(10000, { message: 'sortOrder（排序）不能大于 10000' })
  @Min(0, { message: 'sortOrder（排序）不能小于 0' })
  @IsInt({ message: 'sortOrder（排序）须为整数' })
  sortOrder?: number;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

export class CreateIndustryChainDto extends ChainFields {
  @ApiProperty({ example: '先进轨道交通装备', maxLength: 200 })
  @OrgText('产业链名称', 200)
  name!: string;

  @ApiProperty({ enum: INDUSTRY_CHAIN_KINDS, description: 'chain 产业链, group 产业组, office 办公室' })
  @OrgOneOf('类别', INDUSTRY_CHAIN_KINDS)
  kind!: IndustryChainKind;
}

export class UpdateIndustryChainDto extends ChainFields {
  @ApiPropertyOptional({ maxLength: 200 })
  @UnclearableOrgText('产业链名称', 200)
  name?: string;

  @ApiPropertyOptional({ enum: INDUSTRY_CHAIN_KINDS })
  @IsOptional()
  @OrgOneOf('类别', INDUSTRY_CHAIN_KINDS)
  kind?: IndustryChainKind;
}

export class ListIndustryChainsQuery {
  @ApiPropertyOptional({ type: Boolean })
  @QueryBoolean('是否在用')
  active?: boolean;
}

export class IndustryChainViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '先进轨道交通装备' })
  name!: string;

  @ApiProperty({ enum: INDUSTRY_CHAIN_KINDS })
  kind!: IndustryChainKind;

  @ApiProperty({ example: '产业链' })
  kindLabel!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String, description: '链长' })
  chiefUserId!: string | null;

  @ApiProperty({ type: [String], format: 'uuid', description: '分链长' })
  deputyUserIds!: string[];

  @ApiProperty()
  sortOrder!: number;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

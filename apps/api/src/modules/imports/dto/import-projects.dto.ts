import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsObject } from 'class-validator';
import {
  FORTUNE_500_LISTS,
  FUNDS_SOURCES,
  IMPORT_STAGES,
  INFO_GRADES,
  INVESTOR_ORIGINS,
  MAX_IMPORT_ROWS,
  MILESTONE_KINDS,
  PROJECT_KINDS,
  SOURCE_CHANNELS,
  SPECIALIZED_SME_LEVELS,
} from '@zs/domain';

/** One node of an imported plan. Documentation only: the row is checked field by field by the domain (every error named at once). */
export class ImportNodeDto {
  @ApiProperty({ enum: MILESTONE_KINDS, description: 'Node kind (code or Chinese label)' })
  kind!: string;
  @ApiProperty({ example: '2026-04-01', description: '计划日期 YYYY-MM-DD (may be in the future)' })
  dueOn!: string;
  @ApiPropertyOptional({ type: String, nullable: true, example: '2026-03-28', description: '完成日期; absent or null = open' })
  completedOn?: string | null;
  @ApiPropertyOptional({ description: '完成凭证' })
  evidence?: string;
  @ApiPropertyOptional({ description: '责任人账号 (username); defaults to the record\'s `responsible`' })
  responsible?: string;
}

export class ImportFundsDto {
  @ApiProperty({ example: '2026-03-01' })
  date!: string;
  @ApiProperty({ example: 2.5, description: '亿元' })
  amountYi!: number;
  @ApiProperty({ enum: FUNDS_SOURCES })
  source!: string;
  @ApiProperty({ example: 'ZJ-2026-001', description: '凭证' })
  evidence!: string;
}

/** One project of an existing portfolio, at its stage with its past dates. */
export class ImportRecordDto {
  @ApiProperty() companyName!: string;
  @ApiProperty() contactName!: string;
  @ApiPropertyOptional() contactPhone?: string;
  @ApiProperty() industryChain!: string;
  @ApiProperty({ example: 12.5 }) estimatedInvestmentYi!: number;
  @ApiProperty({ enum: SOURCE_CHANNELS }) sourceChannel!: string;
  @ApiProperty({ enum: INFO_GRADES }) infoGrade!: string;
  @ApiPropertyOptional({ description: '500强企业; derived from fortune500Lists when given, which it must not contradict; 否 when neither is given' }) fortune500?: boolean;
  @ApiPropertyOptional({ description: '专精特新; derived (true) from specializedSmeLevel when given; 否 when neither is given' }) specializedSme?: boolean;
  @ApiPropertyOptional({ enum: FORTUNE_500_LISTS, isArray: true, description: '500强榜单 (codes or Chinese labels; [] for none), as POST /leads' }) fortune500Lists?: string[];
  @ApiPropertyOptional({ description: '上市公司' }) listedCompany?: boolean;
  @ApiPropertyOptional({ enum: SPECIALIZED_SME_LEVELS, nullable: true, description: '专精特新等级 (code or Chinese label)' }) specializedSmeLevel?: string | null;
  @ApiPropertyOptional({ enum: INVESTOR_ORIGINS, nullable: true, description: '投资方来源 (code or Chinese label)' }) origin?: string | null;
  @ApiPropertyOptional({ type: String, example: '91430211MA4PQ8K2XM', nullable: true, description: '统一社会信用代码 (GB 32100-2015, check character verified; not repeated within one import)' })
  creditCode?: string | null;
  @ApiPropertyOptional({ enum: PROJECT_KINDS }) kind?: string;
  @ApiPropertyOptional() notes?: string;
  @ApiProperty({ enum: IMPORT_STAGES }) stage!: string;
  @ApiProperty({ example: '2025-11-01', description: '登记日期' }) registeredOn!: string;
  @ApiPropertyOptional({ example: '2025-11-03', description: '研判通过日期 (required from negotiation on)' }) decidedOn?: string;
  @ApiPropertyOptional() contractNo?: string;
  @ApiPropertyOptional({ description: 'required from construction on' }) contractInvestmentYi?: number;
  @ApiPropertyOptional({ example: '2026-01-01' }) signedOn?: string;
  @ApiPropertyOptional() committedConstructionStart?: string;
  @ApiPropertyOptional() committedEquipmentEntry?: string;
  @ApiPropertyOptional() committedProduction?: string;
  @ApiPropertyOptional() committedFirstTax?: string;
  @ApiPropertyOptional() landAreaM2?: number;
  @ApiPropertyOptional() factoryAreaM2?: number;
  @ApiPropertyOptional({ description: '项目专员账号 (username)' }) commissioner?: string;
  @ApiPropertyOptional({ description: '节点责任人账号 (username), for every node without its own' }) responsible?: string;
  @ApiPropertyOptional({ type: [ImportNodeDto], description: 'All nine template nodes, from construction on' }) nodes?: ImportNodeDto[];
  @ApiPropertyOptional({ type: [ImportFundsDto] }) funds?: ImportFundsDto[];
  @ApiPropertyOptional({ description: '履约完成日期 (stage completed)' }) completedOn?: string;
  @ApiPropertyOptional() completionReason?: string;
  @ApiPropertyOptional({ description: '报送人账号 (username); defaults to the importer' }) reporter?: string;
  @ApiPropertyOptional({ description: '负责人账号 (username); defaults to the reporter' }) owner?: string;
  @ApiPropertyOptional({ format: 'uuid' }) campaignId?: string;
}

export class ImportProjectsDto {
  @ApiProperty({ type: [ImportRecordDto], minItems: 1, maxItems: MAX_IMPORT_ROWS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_IMPORT_ROWS)
  @IsObject({ each: true })
  records!: Record<string, unknown>[];
}

import { ApiProperty } from '@nestjs/swagger';
import { PageDtoOf } from '../../../common/http/page.dto';

export const CAMPAIGN_STATUSES = ['upcoming', 'active', 'ended', 'frozen'] as const;
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = { upcoming: '未开始', active: '进行中', ended: '已结束（未封榜）', frozen: '已封榜' };

export class CampaignTargetsViewDto {
  @ApiProperty({ type: Number, nullable: true, description: '签约合同投资额目标（亿元）' })
  contractInvestmentYi!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '到位资金目标（亿元）' })
  fundsInPlaceYi!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '签约项目数目标' })
  signedProjects!: number | null;

  @ApiProperty({ type: Number, nullable: true, description: '新增线索数目标' })
  leads!: number | null;
}

export class CampaignTeamDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '长三角招商一组' })
  name!: string;
}

export class CampaignOfficerDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '王芳' })
  displayName!: string;
}

export class CampaignDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: '2026年夏季招商攻势' })
  name!: string;

  @ApiProperty({ type: String, nullable: true })
  description!: string | null;

  @ApiProperty({ format: 'date', example: '2026-07-01' })
  startsOn!: string;

  @ApiProperty({ format: 'date', example: '2026-08-31' })
  endsOn!: string;

  @ApiProperty({ type: CampaignTargetsViewDto })
  targets!: CampaignTargetsViewDto;

  @ApiProperty({ type: [CampaignTeamDto], description: '参战小分队, by name' })
  teams!: CampaignTeamDto[];

  @ApiProperty({ type: [CampaignOfficerDto], description: '参战人员, by name' })
  officers!: CampaignOfficerDto[];

  @ApiProperty({ enum: CAMPAIGN_STATUSES, description: 'upcoming/active/ended by today (Asia/Shanghai); frozen once the leaderboard is frozen' })
  status!: CampaignStatus;

  @ApiProperty({ example: '进行中' })
  statusLabel!: string;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the leaderboard was frozen (封榜)' })
  frozenAt!: string | null;

  @ApiProperty({ format: 'uuid' })
  createdBy!: string;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

export const CampaignPageDto = PageDtoOf(CampaignDto, 'CampaignPageDto');

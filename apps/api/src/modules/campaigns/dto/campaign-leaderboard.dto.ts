import { ApiProperty } from '@nestjs/swagger';
import { LEADERBOARD_BYS, type LeaderboardBy } from '@zs/domain';

/** A KPI's figure as its definition computes it (value = numerator ÷ denominator; null without a denominator). */
export class KpiFigureDto {
  @ApiProperty({ type: Number, nullable: true })
  value!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  numerator!: number | null;

  @ApiProperty({ type: Number, nullable: true })
  denominator!: number | null;
}

export class LeaderboardEntryDto {
  @ApiProperty({ example: 1, description: '名次; equal results share it (1, 2, 2, 4)' })
  rank!: number;

  @ApiProperty({ format: 'uuid', description: 'team id (by=team) or user id (by=officer)' })
  id!: string;

  @ApiProperty({ example: '长三角招商一组' })
  name!: string;

  @ApiProperty({ description: '计入本攻势、归属该小分队/人员的项目数（任何阶段）' })
  creditedProjects!: number;

  @ApiProperty({ description: '期内签约项目数' })
  signedProjects!: number;

  @ApiProperty({ description: '期内签约合同投资额（亿元）' })
  contractInvestmentYi!: number;

  @ApiProperty({ description: '期内到位资金（亿元）' })
  fundsInPlaceYi!: number;

  @ApiProperty({ type: KpiFigureDto, description: '48小时决策合规率（%）' })
  decisionCompliance!: KpiFigureDto;

  @ApiProperty({ type: KpiFigureDto, description: '线索→签约平均天数' })
  leadToSigningDays!: KpiFigureDto;
}

export class LeaderboardMetricDto {
  @ApiProperty({ example: 'contractInvestmentYi', description: 'the entry field' })
  field!: string;

  @ApiProperty({ example: 'contract_investment_yi', description: 'the KPI definition it is computed by (GET /kpis uses the same code)' })
  code!: string;

  @ApiProperty({ example: '合同投资额' })
  label!: string;

  @ApiProperty({ description: '计算口径' })
  formula!: string;

  @ApiProperty({ example: '亿元' })
  unit!: string;
}

export class CampaignLeaderboardDto {
  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ enum: LEADERBOARD_BYS })
  by!: LeaderboardBy;

  @ApiProperty({ example: '小分队' })
  byLabel!: string;

  @ApiProperty({ format: 'date', description: 'first day of the period' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'last day of the period' })
  to!: string;

  @ApiProperty({ format: 'date', description: 'nothing dated after this day counts (today while the campaign runs)' })
  asOf!: string;

  @ApiProperty({ description: 'true: the frozen snapshot (封榜), no longer moved by later records' })
  frozen!: boolean;

  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  frozenAt!: string | null;

  @ApiProperty({ description: '排名规则' })
  rankingRule!: string;

  @ApiProperty({ type: [LeaderboardMetricDto], description: '各项指标的计算口径' })
  metrics!: LeaderboardMetricDto[];

  @ApiProperty({ type: [LeaderboardEntryDto], description: 'every member of the roster, ranked' })
  entries!: LeaderboardEntryDto[];

  @ApiProperty({ description: '计入本攻势但归属人员/小分队不在名单内的项目数' })
  unrosteredProjects!: number;
}

/** POST /campaigns/:id/snapshot: both boards as frozen. */
export class CampaignSnapshotDto {
  @ApiProperty({ format: 'uuid' })
  campaignId!: string;

  @ApiProperty({ format: 'date-time' })
  frozenAt!: string;

  @ApiProperty({ format: 'uuid' })
  frozenBy!: string;

  @ApiProperty({ type: CampaignLeaderboardDto })
  team!: CampaignLeaderboardDto;

  @ApiProperty({ type: CampaignLeaderboardDto })
  officer!: CampaignLeaderboardDto;
}

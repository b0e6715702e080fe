import { ApiProperty } from '@nestjs/swagger';
import { STAGES, type Stage } from '@zs/domain';
import { PageDtoOf } from '../../../common/http/page.dto';

export class CampaignProjectOwnerDto {
  @ApiProperty({ format: 'uuid' })
  userId!: string;

  @ApiProperty({ type: String, nullable: true })
  displayName!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  teamId!: string | null;

  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  departmentId!: string | null;
}

/** A project credited to the campaign, with the figures the leaderboard counts. */
export class CampaignProjectDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  companyName!: string;

  @ApiProperty({ enum: STAGES })
  stage!: Stage;

  @ApiProperty({ example: '建设' })
  stageLabel!: string;

  @ApiProperty({ type: CampaignProjectOwnerDto, nullable: true, description: '归属人员（积分计给谁）' })
  owner!: CampaignProjectOwnerDto | null;

  @ApiProperty({ format: 'date' })
  registeredOn!: string;

  @ApiProperty({ type: String, format: 'date', nullable: true })
  signedOn!: string | null;

  @ApiProperty({ type: Number, nullable: true, description: '合同投资额（亿元）' })
  contractInvestmentYi!: number | null;

  @ApiProperty({ description: '签约日在攻势期内' })
  signedWithinPeriod!: boolean;

  @ApiProperty({ description: '攻势期内到位资金（亿元）' })
  fundsInPlaceWithinPeriodYi!: number;
}

export const CampaignProjectPageDto = PageDtoOf(CampaignProjectDto, 'CampaignProjectPageDto');

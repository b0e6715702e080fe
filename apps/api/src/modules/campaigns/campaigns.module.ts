import { Module } from '@nestjs/common';
import { CampaignLeaderboardService } from './campaign-leaderboard.service';
import { CampaignsController } from './campaigns.controller';
import { CampaignsService } from './campaigns.service';

/** 招商攻势 / 行动 (issue 10, item 6): campaigns, their roster, credited projects, leaderboard and snapshot. */
@Module({
  controllers: [CampaignsController],
  providers: [CampaignsService, CampaignLeaderboardService],
})
export class CampaignsModule {}

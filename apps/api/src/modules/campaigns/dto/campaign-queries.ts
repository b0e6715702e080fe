import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LEADERBOARD_BYS, type LeaderboardBy } from '@zs/domain';
import { PaginationQuery } from '../../../common/validation/pagination.query';
import { IsOptionalDateShape } from '../../../common/validation/shape.decorators';

/** GET /campaigns. */
export class ListCampaignsQuery extends PaginationQuery {
  @ApiPropertyOptional({ format: 'date', example: '2026-07-15', description: 'Only campaigns whose period includes this day' })
  @IsOptionalDateShape()
  activeOn?: string;
}

/** GET /campaigns/:id/leaderboard. */
export class LeaderboardQuery {
  @ApiPropertyOptional({ enum: LEADERBOARD_BYS, default: 'team', description: 'team: 小分队排行; officer: 人员排行' })
  @IsIn(LEADERBOARD_BYS, { message: `by must be one of: ${LEADERBOARD_BYS.join(', ')}（排行维度须为 team 或 officer）` })
  @IsOptional()
  by: LeaderboardBy = 'team';
}

import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

export const MAX_ROSTER_TEAMS = 200;
export const MAX_ROSTER_OFFICERS = 1000;

const list = { message: ({ property }: { property: string }) => `${property} must be an array（须为数组）` };
const uuids = { each: true, message: ({ property }: { property: string }) => `${property} must contain only UUIDs（须为 UUID 列表）` };
const unique = { message: ({ property }: { property: string }) => `${property} must not repeat an id（不能重复）` };
const atMost = (max: number) => ({ message: ({ property }: { property: string }) => `${property} must have at most ${max} items（最多 ${max} 项）` });

/** PUT /campaigns/:id/roster: the whole roster, replacing the previous one (empty lists clear it). */
export class CampaignRosterDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_ROSTER_TEAMS, description: '参战小分队: ids of active teams' })
  @ArrayUnique(undefined, unique)
  @IsUUID('all', uuids)
  @ArrayMaxSize(MAX_ROSTER_TEAMS, atMost(MAX_ROSTER_TEAMS))
  @IsArray(list)
  teamIds!: string[];

  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_ROSTER_OFFICERS, description: '参战人员: ids of active users' })
  @ArrayUnique(undefined, unique)
  @IsUUID('all', uuids)
  @ArrayMaxSize(MAX_ROSTER_OFFICERS, atMost(MAX_ROSTER_OFFICERS))
  @IsArray(list)
  officerUserIds!: string[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional } from 'class-validator';
import { OptionalOrgText, UnclearableOrgText, OrgId, OrgIdList, OrgText, QueryBoolean } from './org-validators';

export const MAX_TEAM_MEMBERS = 50;

export class CreateTeamDto {
  @ApiProperty({ example: '第一招商小分队', maxLength: 200 })
  @OrgText('小分队名称', 200)
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The department the team belongs to' })
  @IsOptional()
  @OrgId('所属部门', { nullable: true })
  departmentId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The campaign (招商攻势) the team was formed for' })
  @IsOptional()
  @OrgId('所属招商行动', { nullable: true })
  campaignId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The leader (队长); must be one of the members' })
  @IsOptional()
  @OrgId('队长', { nullable: true })
  leaderUserId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_TEAM_MEMBERS, description: 'Members (active users), in order' })
  @IsOptional()
  @OrgIdList('队员', MAX_TEAM_MEMBERS)
  memberUserIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

export class UpdateTeamDto {
  @ApiPropertyOptional({ maxLength: 200 })
  @UnclearableOrgText('小分队名称', 200)
  name?: string;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @OrgId('所属部门', { nullable: true })
  departmentId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @OrgId('所属招商行动', { nullable: true })
  campaignId?: string | null;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @OrgId('队长', { nullable: true })
  leaderUserId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: MAX_TEAM_MEMBERS, description: 'Replaces the membership' })
  @IsOptional()
  @OrgIdList('队员', MAX_TEAM_MEMBERS)
  memberUserIds?: string[];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

export class ListTeamsQuery {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @OrgId('所属部门')
  departmentId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @OrgId('所属招商行动')
  campaignId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @QueryBoolean('是否在用')
  active?: boolean;
}

export class TeamViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  name!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  departmentId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  campaignId!: string | null;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  leaderUserId!: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  memberUserIds!: string[];

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

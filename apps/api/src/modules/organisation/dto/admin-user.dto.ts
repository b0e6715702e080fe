import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES, type Role } from '@zs/domain';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { MAX_PAGE_SIZE } from '../../../common/validation/pagination.query';
import { ToInteger } from '../../../common/validation/query-transforms';
import { OptionalOrgText, UnclearableOrgText, OrgEmail, OrgId, OrgIdList, OrgOneOf, OrgText, QueryBoolean } from './org-validators';

const USERNAME = /^[A-Za-z0-9][A-Za-z0-9._-]{2,63}$/;

export class CreateUserDto {
  @ApiProperty({ example: 'zhangsan', pattern: USERNAME.source, description: 'Login name, unique (case-insensitive)' })
  @Matches(USERNAME, { message: 'username（用户名）须为 3–64 位字母、数字、点、下划线或连字符，以字母或数字开头' })
  @OrgText('用户名', 64)
  username!: string;

  @ApiProperty({ example: '张三', maxLength: 100 })
  @OrgText('姓名', 100)
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  @OrgOneOf('角色', ROLES)
  role!: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A registered, active department' })
  @IsOptional()
  @OrgId('所属部门', { nullable: true })
  departmentId?: string | null;

  @ApiPropertyOptional({ type: [String], format: 'uuid', maxItems: 20, description: 'Teams (小分队) to join' })
  @IsOptional()
  @OrgIdList('所属小分队', 20)
  teamIds?: string[];

  @ApiPropertyOptional({ format: 'email', nullable: true, type: String, description: 'Where e-mail alerts go' })
  @IsOptional()
  @OrgEmail()
  email?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @UnclearableOrgText('姓名', 100)
  displayName?: string;

  @ApiPropertyOptional({ format: 'email', nullable: true, type: String })
  @IsOptional()
  @OrgEmail()
  email?: string | null;

  @ApiPropertyOptional({ enum: ROLES, description: "A new role revokes the account's tokens" })
  @IsOptional()
  @OrgOneOf('角色', ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'A registered, active department; applies from the next request (department scope)' })
  @IsOptional()
  @OrgId('所属部门', { nullable: true })
  departmentId?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

/** Paging as everywhere (PaginationQuery), with the messages in Chinese for the admin console. */
export class ListUsersQuery {
  @ApiPropertyOptional({ minimum: 1, default: 1 })
  @IsOptional()
  @ToInteger()
  @Max(1_000_000, { message: 'page（页码）不能大于 1000000' })
  @Min(1, { message: 'page（页码）不能小于 1' })
  @IsInt({ message: 'page（页码）须为整数' })
  page: number = 1;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })
  @IsOptional()
  @ToInteger()
  @Max(MAX_PAGE_SIZE, { message: `pageSize（每页条数）不能大于 ${MAX_PAGE_SIZE}` })
  @Min(1, { message: 'pageSize（每页条数）不能小于 1' })
  @IsInt({ message: 'pageSize（每页条数）须为整数' })
  pageSize: number = 20;

  @ApiPropertyOptional({ enum: ROLES })
  @IsOptional()
  @OrgOneOf('角色', ROLES)
  role?: Role;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @OrgId('所属部门')
  departmentId?: string;

  @ApiPropertyOptional({ type: Boolean })
  @QueryBoolean('是否在用')
  active?: boolean;

  @ApiPropertyOptional({ maxLength: 100, description: 'Part of the username or the name' })
  @OptionalOrgText('搜索词', 100)
  q?: string;
}

export class AdminUserViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty()
  username!: string;

  @ApiProperty()
  displayName!: string;

  @ApiProperty({ enum: ROLES })
  role!: Role | string;

  @ApiProperty({ example: '招商专员' })
  roleLabel!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  departmentId!: string | null;

  @ApiProperty({ nullable: true, type: String, example: '经济合作局' })
  departmentName!: string | null;

  @ApiProperty({ type: [String], format: 'uuid' })
  teamIds!: string[];

  @ApiProperty({ nullable: true, type: String })
  email!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ description: 'The next login must change the (temporary) password' })
  mustChangePassword!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;
}

export class CreatedUserDto {
  @ApiProperty({ type: AdminUserViewDto })
  user!: AdminUserViewDto;

  @ApiProperty({ description: 'Shown once: give it to the user by a separate channel. Their first login must change it.' })
  temporaryPassword!: string;

  @ApiProperty({ enum: [true] })
  mustChangePassword!: true;
}

export class OrgActionDto {
  @ApiPropertyOptional({ maxLength: 2000, example: '机构调整', description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DEPARTMENT_KINDS, type DepartmentKind } from '@zs/domain';
import { IsOptional, Matches } from 'class-validator';
import { OptionalOrgText, UnclearableOrgText, OrgId, OrgOneOf, OrgText, QueryBoolean } from './org-validators';

const CODE = /^[a-z0-9][a-z0-9_-]{0,63}$/;
const CODE_MESSAGE = 'code（部门编码）须为 1–64 位小写字母、数字、下划线或连字符，以字母或数字开头';

export class CreateDepartmentDto {
  @ApiProperty({ example: 'gdgs', pattern: CODE.source, description: 'Unique short code (部门编码)' })
  @Matches(CODE, { message: CODE_MESSAGE })
  @OrgText('部门编码', 64)
  code!: string;

  @ApiProperty({ example: '供电公司', maxLength: 200, description: 'Unique name; service requests and notifications name the department by it' })
  @OrgText('部门名称', 200)
  name!: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS, description: 'bureau 局（办）, direct 直属部门 (全民招商), external 承办单位 receiving service requests' })
  @OrgOneOf('部门类别', DEPARTMENT_KINDS)
  kind!: DepartmentKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String, description: 'The parent department (hierarchy)' })
  @IsOptional()
  @OrgId('上级部门', { nullable: true })
  parentId?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

export class UpdateDepartmentDto {
  @ApiPropertyOptional({ pattern: CODE.source })
  @IsOptional()
  @Matches(CODE, { message: CODE_MESSAGE })
  @OrgText('部门编码', 64)
  code?: string;

  @ApiPropertyOptional({ maxLength: 200, description: 'Renaming renames its members\' department; service requests already dispatched keep the name they were sent to' })
  @UnclearableOrgText('部门名称', 200)
  name?: string;

  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @OrgOneOf('部门类别', DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  @IsOptional()
  @OrgId('上级部门', { nullable: true })
  parentId?: string | null;

  @ApiPropertyOptional({ maxLength: 2000, description: 'Kept in the admin audit log' })
  @OptionalOrgText('变更原因', 2000)
  reason?: string;
}

export class ListDepartmentsQuery {
  @ApiPropertyOptional({ enum: DEPARTMENT_KINDS })
  @IsOptional()
  @OrgOneOf('部门类别', DEPARTMENT_KINDS)
  kind?: DepartmentKind;

  @ApiPropertyOptional({ type: Boolean })
  @QueryBoolean('是否在用')
  active?: boolean;
}

export class DepartmentViewDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'gdgs' })
  code!: string;

  @ApiProperty({ example: '供电公司' })
  name!: string;

  @ApiProperty({ enum: DEPARTMENT_KINDS })
  kind!: DepartmentKind;

  @ApiProperty({ example: '承办单位（外部门）' })
  kindLabel!: string;

  @ApiProperty({ format: 'uuid', nullable: true, type: String })
  parentId!: string | null;

  @ApiProperty()
  active!: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt!: string;

  @ApiProperty({ format: 'date-time' })
  updatedAt!: string;
}

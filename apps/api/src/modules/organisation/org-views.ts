import { DEPARTMENT_KIND_LABELS, INDUSTRY_CHAIN_KIND_LABELS, isRole, ROLE_LABELS } from '@zs/domain';
import type { AdminUserRecord, DepartmentRecord, IndustryChainRecord, TeamRecord } from '@zs/persistence';
import type { AdminUserViewDto } from './dto/admin-user.dto';
import type { DepartmentViewDto } from './dto/department.dto';
import type { IndustryChainViewDto } from './dto/industry-chain.dto';
import type { TeamViewDto } from './dto/team.dto';

export const toDepartmentView = (d: DepartmentRecord): DepartmentViewDto => ({
  id: d.id,
  code: d.code,
  name: d.name,
  kind: d.kind,
  kindLabel: DEPARTMENT_KIND_LABELS[d.kind],
  parentId: d.parentId,
  active: d.active,
  createdAt: d.createdAt.toISOString(),
  updatedAt: d.updatedAt.toISOString(),
});

export const toTeamView = (t: TeamRecord): TeamViewDto => ({
  id: t.id,
  name: t.name,
  departmentId: t.departmentId,
  campaignId: t.campaignId,
  leaderUserId: t.leaderUserId,
  memberUserIds: t.memberUserIds,
  active: t.active,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

export const toIndustryChainView = (c: IndustryChainRecord): IndustryChainViewDto => ({
  id: c.id,
  name: c.name,
  kind: c.kind,
  kindLabel: INDUSTRY_CHAIN_KIND_LABELS[c.kind],
  chiefUserId: c.chiefUserId,
  deputyUserIds: c.deputyUserIds,
  sortOrder: c.sortOrder,
  active: c.active,
  createdAt: c.createdAt.toISOString(),
  updatedAt: c.updatedAt.toISOString(),
});

export const toAdminUserView = (u: AdminUserRecord): AdminUserViewDto => ({
  id: u.id,
  username: u.username,
  displayName: u.displayName,
  role: u.role,
  roleLabel: isRole(u.role) ? ROLE_LABELS[u.role] : u.role,
  departmentId: u.departmentId,
  departmentName: u.departmentName,
  teamIds: u.teamIds,
  email: u.email,
  active: u.active,
  mustChangePassword: u.mustChangePassword,
  createdAt: u.createdAt.toISOString(),
});

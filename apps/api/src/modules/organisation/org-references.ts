import { localized } from '@zs/domain';
import { activeUserRoles, existingTeamIds, findDepartment, type Queryable } from '@zs/persistence';
import { badField } from './org-errors';

/** A department a body names must be registered and in use (400 naming the field otherwise). */
export async function requireActiveDepartment(db: Queryable, field: string, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const department = await findDepartment(db, id);
  if (!department) throw badField(field, localized(`{field}不是已登记的部门：${id}`, `{field} is not a registered department: ${id}`));
  if (!department.active) throw badField(field, localized(`{field}「${department.name}」已停用`, `{field} 「${department.name}」 is no longer active`));
}

/** People a body names must be active users. */
export async function requireActiveUsers(db: Queryable, field: string, ids: readonly string[]): Promise<void> {
  const active = await activeUserRoles(db, ids);
  const missing = ids.filter((id) => !active.has(id));
  if (missing.length) throw badField(field, localized(`{field}中有不是在职用户的账号：${missing.join('、')}`, `{field} names users who are not active: ${missing.join(', ')}`));
}

/** Teams a body names must exist. */
export async function requireTeams(db: Queryable, field: string, ids: readonly string[]): Promise<void> {
  const existing = await existingTeamIds(db, ids);
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length) throw badField(field, localized(`{field}不存在：${missing.join('、')}`, `{field} names unknown teams: ${missing.join(', ')}`));
}

/** The same id twice in a list is a mistake in the request, not something to guess about. */
export function requireDistinct(field: string, ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) throw badField(field, localized('{field}中有重复的项', '{field} contains duplicates'));
}

import { activeUserRoles, existingTeamIds, findDepartment, type Queryable } from '@zs/persistence';
import { badField } from './org-errors';

/** A department a body names must be registered and in use (400 naming the field otherwise). */
export async function requireActiveDepartment(db: Queryable, field: string, id: string | null | undefined): Promise<void> {
  if (id === null || id === undefined) return;
  const department = await findDepartment(db, id);
  if (!department) throw badField(field, `${field}（部门）不是已登记的部门：${id}`);
  if (!department.active) throw badField(field, `${field}（部门）「${department.name}」已停用`);
}

/** People a body names must be active users. */
export async function requireActiveUsers(db: Queryable, field: string, ids: readonly string[]): Promise<void> {
  const active = await activeUserRoles(db, ids);
  const missing = ids.filter((id) => !active.has(id));
  if (missing.length) throw badField(field, `${field} 中有不是在职用户的账号：${missing.join('、')}`);
}

/** Teams a body names must exist. */
export async function requireTeams(db: Queryable, field: string, ids: readonly string[]): Promise<void> {
  const existing = await existingTeamIds(db, ids);
  const missing = ids.filter((id) => !existing.has(id));
  if (missing.length) throw badField(field, `${field}（小分队）不存在：${missing.join('、')}`);
}

/** The same id twice in a list is a mistake in the request, not something to guess about. */
export function requireDistinct(field: string, ids: readonly string[]): void {
  if (new Set(ids).size !== ids.length) throw badField(field, `${field} 中有重复的项`);
}

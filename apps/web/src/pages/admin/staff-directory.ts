import { api, unwrap } from '../../api/client';
import type { components } from '../../api/schema';

export type AdminUser = components['schemas']['AdminUserViewDto'];
export type Department = components['schemas']['DepartmentViewDto'];
export type Team = components['schemas']['TeamViewDto'];

/** The API's largest page: the zone's staff fit in a few. */
const PAGE_SIZE = 100;

/** Every account (active or not), for names in lists and pickers: nobody is shown by an id. */
export async function loadAllUsers(): Promise<AdminUser[]> {
  const all: AdminUser[] = [];
  for (let page = 1; ; page += 1) {
    const answer = await unwrap(api.GET('/admin/users', { params: { query: { page, pageSize: PAGE_SIZE } } }));
    all.push(...answer.items);
    if (all.length >= answer.total || answer.items.length === 0) return all;
  }
}

/** "张三（zhangsan）": the name staff know, with the login that tells two 张三 apart. */
export function personLabel(user: Pick<AdminUser, 'displayName' | 'username'>): string {
  return `${user.displayName}（${user.username}）`;
}

/** A name for an account id; `unknown` for one not in the directory (the system, a removed test account). */
export function nameOf(users: readonly AdminUser[] | undefined, id: string | null | undefined, unknown: string): string {
  if (!id) return '—';
  const user = users?.find((u) => u.id === id);
  return user ? personLabel(user) : unknown;
}

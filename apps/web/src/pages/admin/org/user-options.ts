import { personLabel, type AdminUser } from '../staff-directory';

/** Accounts as picker options ("张三（zhangsan）· 招商专员"); inactive ones only when already chosen. */
export function userOptions(users: readonly AdminUser[] | undefined, keep: readonly (string | null | undefined)[] = []): { value: string; label: string }[] {
  return (users ?? []).filter((u) => u.active || keep.includes(u.id)).map((u) => ({ value: u.id, label: `${personLabel(u)} · ${u.roleLabel}` }));
}

/**
 * 保存的视图: named filter sets of 项目库, kept in this browser for the signed-in user
 * (localStorage, one entry per user id): not shared between people or computers. A view is the
 * list's address (project-query.ts), so opening it is following a link.
 */
export interface SavedView {
  name: string;
  /** The list's address without `?` and without paging. */
  search: string;
}

type KeyValueStore = Pick<Storage, 'getItem' | 'setItem'>;

export const MAX_VIEW_NAME = 30;
const storageKey = (userId: string) => `zs.projects.views.${userId}`;

export function loadViews(store: KeyValueStore, userId: string): SavedView[] {
  try {
    const parsed: unknown = JSON.parse(store.getItem(storageKey(userId)) ?? '[]');
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((v): v is SavedView => typeof v === 'object' && v !== null && typeof v.name === 'string' && typeof v.search === 'string');
  } catch {
    // A hand-edited or corrupted entry: start afresh rather than break the page.
    return [];
  }
}

/** Saves `search` under `name` (trimmed); a view of the same name is replaced. Views stay sorted by name. */
export function saveView(store: KeyValueStore, userId: string, name: string, search: string): SavedView[] {
  const trimmed = name.trim().slice(0, MAX_VIEW_NAME);
  if (!trimmed) return loadViews(store, userId);
  const views = [...loadViews(store, userId).filter((v) => v.name !== trimmed), { name: trimmed, search }].sort((a, b) => a.name.localeCompare(b.name, 'zh-CN'));
  store.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}

export function deleteView(store: KeyValueStore, userId: string, name: string): SavedView[] {
  const views = loadViews(store, userId).filter((v) => v.name !== name);
  store.setItem(storageKey(userId), JSON.stringify(views));
  return views;
}

import type { components } from '../../../api/schema';

export type HistoryItem = components['schemas']['ReadableHistoryItemDto'];
export type HistoryOrder = 'newest' | 'oldest';

/**
 * The API pages a project's history oldest first. Newest first is the same pages read from the
 * last one backwards: the `loaded`-th page to ask for (0 = the first to show), or null when every
 * page is in.
 */
export function historyPageToLoad(order: HistoryOrder, loaded: number, total: number, pageSize: number): number | null {
  const pages = Math.ceil(total / pageSize);
  if (loaded >= pages) return null;
  return order === 'oldest' ? loaded + 1 : pages - loaded;
}

/** One event's identity: its workflow (the project or one of its service requests) and its sequence there. */
const keyOf = (item: HistoryItem) => `${item.workflowId}#${item.seq}`;

/**
 * The items shown so far with a new page's: once each (events recorded between two pages shift
 * the pages, so a page may repeat some), in the chosen order of their position in the history.
 */
export function mergeHistory(shown: readonly HistoryItem[], page: readonly HistoryItem[], order: HistoryOrder): HistoryItem[] {
  const byKey = new Map(shown.map((i) => [keyOf(i), i]));
  for (const item of page) byKey.set(keyOf(item), item);
  const sign = order === 'oldest' ? 1 : -1;
  return [...byKey.values()].sort((a, b) => sign * (a.position - b.position));
}

/** The people, departments… an event names, each once (a plan names the same person on every node). */
export function distinctReferences(item: HistoryItem): Array<{ kindLabel: string; name: string }> {
  const seen = new Set<string>();
  const out: Array<{ kindLabel: string; name: string }> = [];
  for (const r of item.references) {
    if (!r.name || seen.has(`${r.kind}:${r.id}`)) continue;
    seen.add(`${r.kind}:${r.id}`);
    out.push({ kindLabel: r.kindLabel, name: r.name });
  }
  return out;
}

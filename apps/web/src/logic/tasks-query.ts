import { isStage, type Stage } from '@zs/domain';

/** 我的待办's filters and page, as GET /tasks takes them and as the address keeps them (a reload or a shared link shows the same list). */
export interface TasksQuery {
  page: number;
  pageSize: number;
  stage?: Stage;
  overdue?: 'true' | 'false';
}

export const TASK_PAGE_SIZES = [20, 50, 100] as const;
const DEFAULT_PAGE_SIZE = 20;

/** The query of an address; anything unknown or out of range falls back to the default. */
export function tasksQueryFromSearch(search: URLSearchParams): TasksQuery {
  const page = Number(search.get('page'));
  const pageSize = Number(search.get('pageSize'));
  const stage = search.get('stage');
  const overdue = search.get('overdue');
  return {
    page: Number.isInteger(page) && page >= 1 && page <= 1_000_000 ? page : 1,
    pageSize: (TASK_PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : DEFAULT_PAGE_SIZE,
    ...(isStage(stage) ? { stage } : {}),
    ...(overdue === 'true' || overdue === 'false' ? { overdue } : {}),
  };
}

/** The address of a query: defaults left out, so the plain page stays /tasks. */
export function tasksQueryToSearch(query: TasksQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.stage) search.set('stage', query.stage);
  if (query.overdue) search.set('overdue', query.overdue);
  if (query.page !== 1) search.set('page', String(query.page));
  if (query.pageSize !== DEFAULT_PAGE_SIZE) search.set('pageSize', String(query.pageSize));
  return search;
}

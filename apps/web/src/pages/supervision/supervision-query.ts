/**
 * 督办's filters, kept in the URL (a matrix cell clicked is a link one can send), and the matrix of
 * overdue clocks by department and escalation level (GET /sla/overdue/summary).
 */
export const SUPERVISION_VIEWS = ['overdue', 'dueSoon'] as const;
export type SupervisionView = (typeof SUPERVISION_VIEWS)[number];

export interface SupervisionFilters {
  view: SupervisionView;
  department: string | null;
  /** Highest escalation level fired; 0: overdue, not escalated yet. */
  level: number | null;
  stage: string | null;
  policyKey: string | null;
  page: number;
  pageSize: number;
}

export const PAGE_SIZES = [20, 50, 100] as const;

const positive = (text: string | null, fallback: number) => {
  const n = Number(text);
  return Number.isInteger(n) && n >= 1 ? n : fallback;
};

export function filtersFromQuery(params: URLSearchParams): SupervisionFilters {
  const level = params.get('level');
  const pageSize = positive(params.get('pageSize'), 20);
  return {
    view: params.get('view') === 'dueSoon' ? 'dueSoon' : 'overdue',
    department: params.get('department') || null,
    level: level !== null && /^\d{1,2}$/.test(level) ? Number(level) : null,
    stage: params.get('stage') || null,
    policyKey: params.get('policyKey') || null,
    page: positive(params.get('page'), 1),
    pageSize: (PAGE_SIZES as readonly number[]).includes(pageSize) ? pageSize : 20,
  };
}

export function filtersToQuery(f: SupervisionFilters): Record<string, string> {
  const q: Record<string, string> = {};
  if (f.view !== 'overdue') q.view = f.view;
  if (f.department) q.department = f.department;
  if (f.level !== null) q.level = String(f.level);
  if (f.stage) q.stage = f.stage;
  if (f.policyKey) q.policyKey = f.policyKey;
  if (f.page > 1) q.page = String(f.page);
  if (f.pageSize !== 20) q.pageSize = String(f.pageSize);
  return q;
}

/** Any change of filter starts again at page 1. */
export function withFilter(f: SupervisionFilters, change: Partial<Omit<SupervisionFilters, 'page' | 'pageSize'>>): SupervisionFilters {
  return { ...f, ...change, page: 1 };
}

/**
 * GET /sla/overdue or /sla/due-soon parameters. A clock due soon has not breached, so the level
 * applies to the overdue list only.
 */
export function listQuery(f: SupervisionFilters): Record<string, string | number> {
  return {
    page: f.page,
    pageSize: f.pageSize,
    ...(f.department ? { department: f.department } : {}),
    ...(f.level !== null && f.view === 'overdue' ? { escalationLevel: f.level } : {}),
    ...(f.stage ? { stage: f.stage } : {}),
    ...(f.policyKey ? { policyKey: f.policyKey } : {}),
  };
}

/** The matrix's filters: department and level are its rows and columns. */
export function summaryQuery(f: SupervisionFilters): Record<string, string> {
  return { ...(f.stage ? { stage: f.stage } : {}), ...(f.policyKey ? { policyKey: f.policyKey } : {}) };
}

export interface OverdueCell {
  department: string;
  escalationLevel: number;
  count: number;
}

export interface OverdueMatrix {
  /** Every level with a count, lowest first. */
  levels: number[];
  rows: Array<{ department: string; counts: Record<number, number>; total: number }>;
  totals: Record<number, number>;
  total: number;
}

/** Departments with the most overdue first (then by name); a level column for each level that occurs. */
export function overdueMatrix(cells: readonly OverdueCell[]): OverdueMatrix {
  const levels = [...new Set(cells.map((c) => c.escalationLevel))].sort((a, b) => a - b);
  const byDepartment = new Map<string, Record<number, number>>();
  const totals: Record<number, number> = {};
  for (const c of cells) {
    const counts = byDepartment.get(c.department) ?? {};
    counts[c.escalationLevel] = (counts[c.escalationLevel] ?? 0) + c.count;
    byDepartment.set(c.department, counts);
    totals[c.escalationLevel] = (totals[c.escalationLevel] ?? 0) + c.count;
  }
  const rows = [...byDepartment.entries()]
    .map(([department, counts]) => ({ department, counts, total: Object.values(counts).reduce((a, b) => a + b, 0) }))
    .sort((a, b) => b.total - a.total || a.department.localeCompare(b.department, 'zh-CN'));
  return { levels, rows, totals, total: rows.reduce((sum, r) => sum + r.total, 0) };
}

/**
 * The dashboard's filters, kept in its URL so a view can be bookmarked and sent: the period
 * counted (from/to, the year to date by default), an owning department, the trend's granularity.
 */
export interface DashboardFilters {
  from: string;
  to: string;
  departmentId: string | null;
  period: TrendPeriod;
}

export const TREND_PERIODS = ['month', 'quarter'] as const;
export type TrendPeriod = (typeof TREND_PERIODS)[number];

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Filters from the URL; anything missing or malformed falls back to the year to date (`today`). */
export function filtersFromQuery(params: URLSearchParams, today: string): DashboardFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  const departmentId = params.get('department') ?? '';
  const period = params.get('period');
  return {
    from: valid ? from : `${today.slice(0, 4)}-01-01`,
    to: valid ? to : today,
    departmentId: UUID.test(departmentId) ? departmentId : null,
    period: (TREND_PERIODS as readonly string[]).includes(period ?? '') ? (period as TrendPeriod) : 'month',
  };
}

export function filtersToQuery(f: DashboardFilters): Record<string, string> {
  return { from: f.from, to: f.to, ...(f.departmentId ? { department: f.departmentId } : {}), ...(f.period !== 'month' ? { period: f.period } : {}) };
}

/** The KPI groupings the table offers (GET /kpis groupBy). */
export const TABLE_GROUP_BYS = ['department', 'team', 'chain', 'officer', 'campaign', 'period'] as const;
export type TableGroupBy = (typeof TABLE_GROUP_BYS)[number];

/** GET /kpis (and /kpis/export) parameters for one grouping under the dashboard's filters. */
export function kpiQuery(f: DashboardFilters, groupBy: TableGroupBy): Record<string, string> {
  return {
    groupBy,
    from: f.from,
    to: f.to,
    ...(f.departmentId ? { department: f.departmentId } : {}),
    ...(groupBy === 'period' ? { period: f.period } : {}),
  };
}

/** The year whose targets (双过半) the dashboard shows: that of the period's last day. */
export function targetYear(f: DashboardFilters): number {
  return Number(f.to.slice(0, 4));
}

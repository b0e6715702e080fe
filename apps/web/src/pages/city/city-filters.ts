import type { ZoneOption } from '../../logic/zones';
import type { KpiRow } from '../dashboard/kpi-charts';

/**
 * 全市汇总's filters, kept in its URL like the dashboard's: the period counted (from/to, the
 * year to date by default) and an optional 统计截止日 (asOf; the API takes today when absent).
 */
export interface CityFilters {
  from: string;
  to: string;
  asOf: string | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Filters from the URL; a missing or malformed period falls back to the year to date (`today`), a malformed asOf to none. */
export function cityFiltersFromQuery(params: URLSearchParams, today: string): CityFilters {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const asOf = params.get('asOf') ?? '';
  const valid = DATE.test(from) && DATE.test(to) && from <= to;
  return {
    from: valid ? from : `${today.slice(0, 4)}-01-01`,
    to: valid ? to : today,
    asOf: DATE.test(asOf) ? asOf : null,
  };
}

/** The URL's query (and GET /kpis/city's parameters) for these filters. */
export function cityFiltersToQuery(f: CityFilters): Record<string, string> {
  return { from: f.from, to: f.to, ...(f.asOf ? { asOf: f.asOf } : {}) };
}


/**
 * 全市汇总's rows: one per zone served, in GET /zones' order (the default first). The API gives a
 * zone without projects no row; it is shown with 0 projects and no figures rather than left out.
 * Each is named as GET /zones names it.
 * A row of a zone the list does not name (the list could not be read) is kept, after the others.
 */
export function cityRows(zones: readonly ZoneOption[] | undefined, rows: readonly KpiRow[], period: { from: string | null; to: string }): KpiRow[] {
  if (!zones?.length) return [...rows];
  // Named as the zone list names them, as the 查看园区 switcher does: one name per zone on screen.
  const listed = zones.map((z) => {
    const row = rows.find((r) => r.group === z.code);
    return row ? { ...row, groupLabel: z.name } : ({ group: z.code, groupLabel: z.name, period: null, from: period.from, to: period.to, projectCount: 0, kpis: {} } as KpiRow);
  });
  const others = rows.filter((r) => !zones.some((z) => z.code === r.group));
  return [...listed, ...others];
}

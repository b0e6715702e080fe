import { KPI_DEFINITIONS, kpiValue, type KpiValue } from './kpi-definitions';
import { UNASSIGNED_LABEL, type KpiGroupBy } from './kpi-group';
import { periodsBetween, type KpiPeriod } from './kpi-periods';
import { cellTally, shapeWindows, tallyKpiTable, type KpiTableShape, type KpiTableTally } from './kpi-table-tally';
import type { KpiContext } from './kpi-window';
import type { KpiFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';

export { groupKeyOf, KPI_GROUP_BY_LABELS, KPI_GROUP_BYS, UNASSIGNED_LABEL, type KpiGroupBy } from './kpi-group';

export interface KpiTableOptions {
  groupBy: KpiGroupBy;
  /** Splits each group into periods (required when groupBy is 'period'; month by default). */
  period?: KpiPeriod;
  from?: string | null;
  to?: string | null;
  asOf: string;
  /** The annual target of a group (department/team/officer), for 到位资金目标完成率. */
  targetOf?: (group: string | null) => KpiContext['target'];
}

export interface KpiRow {
  /** The group's id (department id, team id, user id, chain, campaign id, period key); null = 未归属. */
  group: string | null;
  groupLabel: string;
  /** The period key (2026-03, 2026-Q1, 2026) when split by period; else null. */
  period: string | null;
  from: string | null;
  to: string;
  projectCount: number;
  kpis: Record<string, KpiValue>;
}

/** The earliest registration among the projects, or `upTo` when none is earlier (where an open-ended split starts). */
export function earliestRegistration(facts: readonly KpiFacts[], upTo: string): string {
  let min = upTo;
  for (const f of facts) if (f.registeredOn < min) min = f.registeredOn;
  return min;
}

/**
 * What a request counts. `earliest` is asked only for a period split with no `from`: the split
 * then starts with the bucket of the earliest registration of the projects counted.
 */
export function kpiTableShape(options: KpiTableOptions, earliest: (upTo: string) => string): KpiTableShape {
  const from = options.from ?? null;
  const to = options.to && options.to < options.asOf ? options.to : options.asOf;
  const period = options.period ?? (options.groupBy === 'period' ? 'month' : undefined);
  const buckets = period ? periodsBetween(from ?? earliest(to), to, period) : null;
  return { groupBy: options.groupBy, buckets, from, to, asOf: options.asOf };
}

/** The rows of a table from its tallies: groups in order (未归属 last), each split into its windows. */
export function finishKpiTable(tally: KpiTableTally, shape: KpiTableShape, targetOf?: KpiTableOptions['targetOf']): KpiRow[] {
  const byPeriod = shape.groupBy === 'period';
  const windows = shapeWindows(shape);
  const rows: KpiRow[] = [];
  const sorted = [...tally.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  for (const [key, group] of sorted) {
    const target = byPeriod ? null : (targetOf?.(key) ?? null);
    windows.forEach((window, w) => {
      const cell = group.cells[w];
      const kpis: Record<string, KpiValue> = {};
      KPI_DEFINITIONS.forEach((def, i) => (kpis[def.code] = kpiValue(def.aggregate, cellTally(cell, i), target)));
      rows.push({
        group: byPeriod ? (window.bucket?.key ?? null) : key,
        groupLabel: byPeriod ? (window.bucket?.key ?? '') : (group.label ?? key ?? UNASSIGNED_LABEL),
        period: window.bucket?.key ?? null,
        from: window.from,
        to: window.to,
        projectCount: group.projectCount,
        kpis,
      });
    });
  }
  return rows;
}

/** The KPI table: one row per group (and period), every KPI computed by its single definition. */
export function computeKpiTable(facts: readonly KpiFacts[], serviceFacts: readonly ServiceRequestFacts[], options: KpiTableOptions): KpiRow[] {
  const shape = kpiTableShape(options, (upTo) => earliestRegistration(facts, upTo));
  return finishKpiTable(tallyKpiTable(facts, serviceFacts, shape), shape, options.targetOf);
}

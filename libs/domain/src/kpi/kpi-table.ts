import { KPI_DEFINITIONS, type KpiValue } from './kpi-definitions';
import { periodsBetween, type KpiPeriod, type PeriodBucket } from './kpi-periods';
import type { KpiContext } from './kpi-window';
import type { ProjectFacts } from './project-facts';
import { datedIn, datedInBuckets, someProjectEventDate, someServiceEventDate } from './kpi-relevance';
import type { ServiceRequestFacts } from './service-request-facts';

/**
 * How rows are formed. A project is credited to its OWNER (officer, team, department: the credit
 * that assessments count); `reporter` / `reporter_department` group by who reported it (报送人) for
 * 全民招商; `zone` is one row for everything.
 */
export const KPI_GROUP_BYS = ['zone', 'department', 'team', 'chain', 'officer', 'campaign', 'period', 'reporter', 'reporter_department'] as const;
export type KpiGroupBy = (typeof KPI_GROUP_BYS)[number];
export const KPI_GROUP_BY_LABELS: Record<KpiGroupBy, string> = {
  zone: '全区',
  department: '部门',
  team: '小分队',
  chain: '产业链',
  officer: '招商人员',
  campaign: '招商攻势',
  period: '期间',
  reporter: '报送人',
  reporter_department: '报送部门',
};

/** The row of projects without an owner/team/campaign for the grouping. */
export const UNASSIGNED_LABEL = '未归属';

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

/** The group a project is credited to under a grouping (its id and, where the facts hold it, its label). */
export function groupKeyOf(f: ProjectFacts, groupBy: KpiGroupBy): { key: string | null; label: string | null } {
  switch (groupBy) {
    case 'department':
      return { key: f.owner?.departmentId ?? null, label: null };
    case 'team':
      return { key: f.owner?.teamId ?? null, label: null };
    case 'officer':
      return { key: f.owner?.userId ?? null, label: f.owner?.displayName ?? null };
    case 'reporter':
      return { key: f.reporter?.userId ?? null, label: f.reporter?.displayName ?? null };
    case 'reporter_department':
      return { key: f.reporter?.departmentId ?? null, label: null };
    case 'chain':
      return { key: f.industryChain || null, label: f.industryChain || null };
    case 'campaign':
      return { key: f.campaignId, label: null };
    default:
      return { key: 'zone', label: '全区' };
  }
}

function computeRow(facts: readonly ProjectFacts[], ctx: KpiContext): Record<string, KpiValue> {
  const kpis: Record<string, KpiValue> = {};
  for (const def of KPI_DEFINITIONS) kpis[def.code] = def.compute(facts, ctx);
  return kpis;
}

function earliestDate(facts: readonly ProjectFacts[], asOf: string): string {
  let min = asOf;
  for (const f of facts) if (f.registeredOn < min) min = f.registeredOn;
  return min;
}

/**
 * A group's facts and requests dated in each window of the table (kpi-relevance.ts): the same
 * figures as from all of them, without a pass over every project per bucket.
 */
function datedWindows(
  group: { facts: ProjectFacts[]; services: ServiceRequestFacts[] },
  buckets: PeriodBucket[] | null,
  whole: { from: string | null; to: string; asOf: string },
): Array<{ bucket: PeriodBucket | null; facts: ProjectFacts[]; services: ServiceRequestFacts[] }> {
  if (!buckets) return [{ bucket: null, facts: datedIn(group.facts, someProjectEventDate, whole), services: datedIn(group.services, someServiceEventDate, whole) }];
  const facts = datedInBuckets(group.facts, someProjectEventDate, buckets, whole);
  const services = datedInBuckets(group.services, someServiceEventDate, buckets, whole);
  return buckets.map((bucket, i) => ({ bucket, facts: facts[i], services: services[i] }));
}

/** The KPI table: one row per group (and period), every KPI computed by its single definition. */
export function computeKpiTable(facts: readonly ProjectFacts[], serviceFacts: readonly ServiceRequestFacts[], options: KpiTableOptions): KpiRow[] {
  const groupBy = options.groupBy;
  const from = options.from ?? null;
  const to = options.to && options.to < options.asOf ? options.to : options.asOf;
  const groups = new Map<string | null, { label: string | null; facts: ProjectFacts[]; services: ServiceRequestFacts[] }>();
  const groupOfProject = new Map<string, string | null>();
  if (groupBy === 'period') groups.set('all', { label: null, facts: [...facts], services: [...serviceFacts] });
  else {
    // Only projects with service requests need their group looked up again (not 100,000 map entries).
    const withServices = new Set(serviceFacts.map((s) => s.projectId));
    for (const f of facts) {
      const { key, label } = groupKeyOf(f, groupBy);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { label, facts: [], services: [] }));
      if (!group.label && label) group.label = label;
      group.facts.push(f);
      if (withServices.has(f.projectId)) groupOfProject.set(f.projectId, key);
    }
    for (const s of serviceFacts) {
      if (!groupOfProject.has(s.projectId)) continue;
      groups.get(groupOfProject.get(s.projectId)!)!.services.push(s);
    }
  }
  const period = options.period ?? (groupBy === 'period' ? 'month' : undefined);
  const whole = { from, to, asOf: options.asOf };
  const buckets: PeriodBucket[] | null = period ? periodsBetween(from ?? earliestDate(facts, to), to, period) : null;
  const rows: KpiRow[] = [];
  const sortedGroups = [...groups.entries()].sort(([a], [b]) => (a === null ? 1 : b === null ? -1 : a.localeCompare(b)));
  for (const [key, group] of sortedGroups) {
    for (const { bucket, facts: dated, services } of datedWindows(group, buckets, whole)) {
      const window = { from: bucket ? (from && from > bucket.from ? from : bucket.from) : from, to: bucket && bucket.to < to ? bucket.to : to };
      const target = groupBy === 'period' ? null : (options.targetOf?.(key) ?? null);
      const ctx: KpiContext = { ...window, asOf: options.asOf, services, target };
      rows.push({
        group: groupBy === 'period' ? (bucket?.key ?? null) : key,
        groupLabel: groupBy === 'period' ? (bucket?.key ?? '') : (group.label ?? key ?? UNASSIGNED_LABEL),
        period: bucket?.key ?? null,
        from: window.from,
        to: window.to,
        projectCount: group.facts.length,
        kpis: computeRow(dated, ctx),
      });
    }
  }
  return rows;
}

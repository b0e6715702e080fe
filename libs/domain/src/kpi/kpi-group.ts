import type { KpiFacts } from './project-facts';

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

/** The group a project is credited to under a grouping (its id and, where the facts hold it, its label). */
export function groupKeyOf(f: KpiFacts, groupBy: KpiGroupBy): { key: string | null; label: string | null } {
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

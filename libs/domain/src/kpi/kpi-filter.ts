import type { KpiFacts } from './project-facts';

/** The filters of GET /kpis: by the owner's credit (department, team, officer), or by chain and campaign. */
export interface KpiFilter {
  departmentId?: string;
  teamId?: string;
  officerId?: string;
  chain?: string;
  campaignId?: string;
}

/** Whether a project passes every filter given (an empty filter passes everything). */
export function matchesKpiFilter(f: KpiFacts, filter: KpiFilter): boolean {
  if (filter.departmentId !== undefined && f.owner?.departmentId !== filter.departmentId) return false;
  if (filter.teamId !== undefined && f.owner?.teamId !== filter.teamId) return false;
  if (filter.officerId !== undefined && f.owner?.userId !== filter.officerId) return false;
  if (filter.chain !== undefined && f.industryChain !== filter.chain) return false;
  if (filter.campaignId !== undefined && f.campaignId !== filter.campaignId) return false;
  return true;
}

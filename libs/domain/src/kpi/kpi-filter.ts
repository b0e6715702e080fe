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

/** Projects through the filter, with the service requests of those projects (the same lists when the filter is empty). */
export function throughKpiFilter<F extends KpiFacts, S extends { projectId: string }>(sources: { facts: F[]; services: S[] }, filter: KpiFilter): { facts: F[]; services: S[] } {
  if (Object.values(filter).every((v) => v === undefined)) return sources;
  const facts = sources.facts.filter((f) => matchesKpiFilter(f, filter));
  const ids = new Set(facts.map((f) => f.projectId));
  return { facts, services: sources.services.filter((s) => ids.has(s.projectId)) };
}

/**
 * Where a click on a chart leads: 项目库 (/projects) with the filters that select the projects behind
 * the bar, stage or point. 项目库 reads its filters from the URL with the names of GET /projects'
 * query parameters, so the names here are the API's.
 */
export type ProjectFilter = Record<string, string>;

/** The period the dashboard counts (inclusive days, YYYY-MM-DD). */
export interface DateWindow {
  from: string;
  to: string;
}

/** The groupings of GET /kpis whose group id is also a project filter. */
export const GROUP_FILTER_PARAM: Partial<Record<string, string>> = {
  department: 'departmentId',
  team: 'teamId',
  officer: 'ownerUserId',
  chain: 'industryChain',
  campaign: 'campaignId',
};

/** The project filter of one KPI group; null for 未归属 (no project filter selects "no owner"). */
export function groupFilter(groupBy: string, group: string | null): ProjectFilter | null {
  const param = GROUP_FILTER_PARAM[groupBy];
  if (!param) return {};
  return group === null ? null : { [param]: group };
}

/**
 * KPIs counted over the projects signed in the period (their formulas say 统计期内签约): their
 * projects are those signed in the window, some narrowed further (investment band, 500强).
 */
const SIGNED_COHORT: Record<string, ProjectFilter> = {
  projects_signed: {},
  contract_investment_yi: {},
  lead_to_signing_days_mean: {},
  lead_to_signing_days_median: {},
  fulfilment_rate: {},
  construction_start_rate: {},
  landing_rate: {},
  production_conversion_rate: {},
  signed_ge_1yi: { band: 'ge1' },
  signed_ge_5yi: { band: 'ge5' },
  signed_ge_10yi: { band: 'ge10' },
  fortune500_signed: { fortune500: 'true' },
};

/**
 * The projects behind one KPI over a window. Registrations and signings are project dates 项目库
 * filters on; the other KPIs (funds, nodes, service requests) count events of the group's projects,
 * so their link keeps the group only.
 */
export function kpiFilter(code: string, window: DateWindow): ProjectFilter {
  if (code === 'projects_registered') return { registeredFrom: window.from, registeredTo: window.to };
  const cohort = SIGNED_COHORT[code];
  return cohort ? { ...cohort, signedFrom: window.from, signedTo: window.to } : {};
}

/** The four steps of the funnel, each the stages a project has reached once past that step. */
export const FUNNEL_STEPS = [
  { key: 'lead', stages: null },
  { key: 'accepted', stages: ['negotiation', 'signing', 'construction', 'production', 'service', 'completed', 'lost', 'terminated'] },
  { key: 'signed', stages: ['construction', 'production', 'service', 'completed', 'terminated'] },
  { key: 'production', stages: ['production', 'service', 'completed'] },
] as const;
export type FunnelStep = (typeof FUNNEL_STEPS)[number]['key'];

/** The projects registered in the window that reached a funnel step (what the funnel counts). */
export function funnelFilter(step: FunnelStep, window: DateWindow, departmentId?: string | null): ProjectFilter {
  const stages = FUNNEL_STEPS.find((s) => s.key === step)!.stages;
  return {
    registeredFrom: window.from,
    registeredTo: window.to,
    ...(stages ? { stage: stages.join(',') } : {}),
    ...(departmentId ? { departmentId } : {}),
  };
}

/** A leaderboard entry's projects: those counting for the campaign and credited to the team or officer. */
export function leaderboardFilter(campaignId: string, by: 'team' | 'officer', entryId: string): ProjectFilter {
  return { campaignId, [by === 'team' ? 'teamId' : 'ownerUserId']: entryId };
}

/** 项目库's path with the filter in its query (router path, without the /ui base). */
export function projectsPath(filter: ProjectFilter): string {
  const query = new URLSearchParams(Object.entries(filter).filter(([, v]) => v !== '')).toString();
  return query ? `/projects?${query}` : '/projects';
}

/**
 * The projects behind one bar of a KPI grouped by department, chain…: the group's, over the KPI's
 * cohort in the window, within the dashboard's department when one is chosen. null: no link (未归属).
 */
export function kpiBarFilter(groupBy: string, group: string | null, code: string, window: DateWindow, departmentId?: string | null): ProjectFilter | null {
  const byGroup = groupFilter(groupBy, group);
  if (byGroup === null) return null;
  return { ...(departmentId ? { departmentId } : {}), ...byGroup, ...kpiFilter(code, window) };
}

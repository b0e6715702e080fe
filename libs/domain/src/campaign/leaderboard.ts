import { kpiDefinition, type KpiDefinition, type KpiValue } from '../kpi/kpi-definitions';
import type { KpiContext } from '../kpi/kpi-window';
import type { ProjectFacts } from '../kpi/project-facts';
import type { CampaignPeriod } from './campaign';
import { rankResults } from './leaderboard-ranking';

/** A leaderboard ranks the roster's teams (小分队) or its officers (招商人员). */
export const LEADERBOARD_BYS = ['team', 'officer'] as const;
export type LeaderboardBy = (typeof LEADERBOARD_BYS)[number];
export const LEADERBOARD_BY_LABELS: Record<LeaderboardBy, string> = { team: '小分队', officer: '招商人员' };

/**
 * The figures of the board, each computed by its single KPI definition (kpi-definitions.ts) over
 * the member's credited projects, windowed to the campaign's period.
 */
export const LEADERBOARD_KPI_CODES = {
  signedProjects: 'projects_signed',
  contractInvestmentYi: 'contract_investment_yi',
  fundsInPlaceYi: 'funds_in_place_yi',
  decisionCompliance: 'decision_48h_compliance',
  leadToSigningDays: 'lead_to_signing_days_mean',
} as const;

export interface LeaderboardMember {
  /** Team id or user id. */
  id: string;
  name: string;
}

export interface LeaderboardEntry {
  rank: number;
  id: string;
  name: string;
  /** Projects credited to the campaign and owned by the member (whatever their stage). */
  creditedProjects: number;
  signedProjects: number;
  contractInvestmentYi: number;
  fundsInPlaceYi: number;
  /** 48小时决策合规率, % (value null when no decision fell in the period). */
  decisionCompliance: KpiValue;
  /** 线索→签约平均天数 (value null when nothing was signed in the period). */
  leadToSigningDays: KpiValue;
}

export interface CampaignLeaderboard {
  by: LeaderboardBy;
  /** The window: the campaign's period; nothing dated after asOf (today while it runs) counts. */
  from: string;
  to: string;
  asOf: string;
  entries: LeaderboardEntry[];
  /** Credited projects whose owner is not on this roster (counted nowhere above). */
  unrosteredProjects: number;
}

function definition(code: string): KpiDefinition {
  const def = kpiDefinition(code);
  if (!def) throw new Error(`KPI ${code} is not defined`);
  return def;
}

/** Who a credited project counts for: its owner (as every KPI grouping credits it), by team or by officer. */
function creditedTo(f: ProjectFacts, by: LeaderboardBy): string | null {
  return (by === 'team' ? f.owner?.teamId : f.owner?.userId) ?? null;
}

/**
 * The live leaderboard of a campaign: every member of the roster (with zero results too), ranked
 * by LEADERBOARD_RANKING_RULE. `facts` are the projects credited to the campaign; `today` cuts the
 * window while the campaign runs (nothing dated after today or after the period counts).
 */
export function computeCampaignLeaderboard(input: {
  by: LeaderboardBy;
  period: CampaignPeriod;
  today: string;
  members: readonly LeaderboardMember[];
  facts: readonly ProjectFacts[];
}): CampaignLeaderboard {
  const { by, period, members } = input;
  const asOf = input.today < period.endsOn ? input.today : period.endsOn;
  const ctx: KpiContext = { from: period.startsOn, to: period.endsOn, asOf, services: [] };
  const rostered = new Set(members.map((m) => m.id));
  const factsOf = new Map<string, ProjectFacts[]>(members.map((m) => [m.id, []]));
  let unrosteredProjects = 0;
  for (const f of input.facts) {
    const key = creditedTo(f, by);
    if (key !== null && rostered.has(key)) factsOf.get(key)!.push(f);
    else unrosteredProjects++;
  }
  const figure = (code: string, facts: readonly ProjectFacts[]) => definition(code).compute(facts, ctx);
  const results = members.map((m) => {
    const facts = factsOf.get(m.id)!;
    return {
      id: m.id,
      name: m.name,
      creditedProjects: facts.length,
      signedProjects: figure(LEADERBOARD_KPI_CODES.signedProjects, facts).value ?? 0,
      contractInvestmentYi: figure(LEADERBOARD_KPI_CODES.contractInvestmentYi, facts).value ?? 0,
      fundsInPlaceYi: figure(LEADERBOARD_KPI_CODES.fundsInPlaceYi, facts).value ?? 0,
      decisionCompliance: figure(LEADERBOARD_KPI_CODES.decisionCompliance, facts),
      leadToSigningDays: figure(LEADERBOARD_KPI_CODES.leadToSigningDays, facts),
    };
  });
  const entries = rankResults(results).map(({ rank, ...rest }) => ({ rank, ...rest }));
  return { by, from: period.startsOn, to: period.endsOn, asOf, entries, unrosteredProjects };
}

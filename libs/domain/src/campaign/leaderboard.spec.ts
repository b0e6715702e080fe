import type { ProjectFacts } from '../kpi/project-facts';
import { computeCampaignLeaderboard, type LeaderboardMember } from './leaderboard';

const H = 3_600_000;
const period = { startsOn: '2026-07-01', endsOn: '2026-08-31' };
const teams: LeaderboardMember[] = [
  { id: 'team-a', name: '甲组' },
  { id: 'team-b', name: '乙组' },
  { id: 'team-c', name: '丙组' },
];

let seq = 0;
/** A credited project: owned by `userId` of `teamId`, registered on `registeredOn`, optionally decided, signed and funded. */
function project(o: {
  userId?: string;
  teamId: string | null;
  registeredOn?: string;
  decidedOn?: string;
  decisionHours?: number;
  signedOn?: string;
  contractYi?: number;
  funds?: Array<{ date: string; amountYi: number }>;
  imported?: boolean;
}): ProjectFacts {
  const registeredOn = o.registeredOn ?? '2026-07-02';
  const decided = o.decidedOn !== undefined;
  return {
    projectId: `p-${++seq}`,
    companyName: `企业${seq}`,
    stage: o.signedOn ? 'construction' : 'negotiation',
    kind: 'new',
    industryChain: '先进轨道交通装备',
    estimatedInvestmentYi: 1,
    fortune500Lists: [],
    importedAt: null,
    imported: !!o.imported,
    reporter: null,
    owner: { userId: o.userId ?? 'u-1', departmentId: 'd-1', teamId: o.teamId },
    campaignId: 'c-1',
    registeredAt: Date.parse(`${registeredOn}T02:00:00Z`),
    registeredOn,
    intake: {
      decision: decided ? 'accept' : null,
      decidedAt: decided ? Date.parse(`${o.decidedOn}T02:00:00Z`) : null,
      decidedOn: o.decidedOn ?? null,
      activeElapsedMs: decided ? (o.decisionHours ?? 10) * H : null,
      budgetMs: 48 * H,
      withinLimit: decided ? (o.decisionHours ?? 10) <= 48 : null,
      measured: decided && !o.imported,
    },
    signedOn: o.signedOn ?? null,
    contractInvestmentYi: o.contractYi ?? null,
    committed: null,
    constructionStartOn: null,
    equipmentEntryOn: null,
    productionOn: null,
    nodes: [],
    fulfilment: { lastCheckFulfilled: null, lastCheckOn: null, checks: [] },
    closure: null,
    funds: o.funds ?? [],
    firstTaxOn: null,
  };
}

describe('campaign leaderboard', () => {
  it('lists every rostered member, zero results too, ranked by contract investment', () => {
    const facts = [
      project({ teamId: 'team-a', decidedOn: '2026-07-03', signedOn: '2026-07-20', contractYi: 5 }),
      project({ teamId: 'team-b', decidedOn: '2026-07-03', signedOn: '2026-07-10', contractYi: 8 }),
      project({ teamId: 'team-b', decidedOn: '2026-07-04', decisionHours: 60 }),
    ];
    const board = computeCampaignLeaderboard({ by: 'team', period, today: '2026-09-10', members: teams, facts });
    expect(board.entries.map((e) => [e.name, e.rank, e.signedProjects, e.contractInvestmentYi])).toEqual([
      ['乙组', 1, 1, 8],
      ['甲组', 2, 1, 5],
      ['丙组', 3, 0, 0],
    ]);
    const b = board.entries[0];
    expect(b.creditedProjects).toBe(2);
    // One of two decisions within 48 h.
    expect(b.decisionCompliance).toEqual({ value: 50, numerator: 1, denominator: 2 });
    // Registered 07-02, signed 07-10.
    expect(b.leadToSigningDays.value).toBe(8);
    const c = board.entries[2];
    expect(c.decisionCompliance.value).toBeNull();
    expect(c.leadToSigningDays.value).toBeNull();
    expect(board.unrosteredProjects).toBe(0);
  });

  it('counts only what is dated within the period', () => {
    const facts = [
      // Signed the day before the campaign started: not a campaign result.
      project({ teamId: 'team-a', registeredOn: '2026-06-01', signedOn: '2026-06-30', contractYi: 50, funds: [{ date: '2026-06-30', amountYi: 9 }, { date: '2026-07-15', amountYi: 1.5 }] }),
      // Signed on the last day: counts; funds a day after the end do not.
      project({ teamId: 'team-b', signedOn: '2026-08-31', contractYi: 2, funds: [{ date: '2026-08-31', amountYi: 0.5 }, { date: '2026-09-01', amountYi: 7 }] }),
    ];
    const board = computeCampaignLeaderboard({ by: 'team', period, today: '2026-09-10', members: teams, facts });
    const byName = Object.fromEntries(board.entries.map((e) => [e.name, e]));
    expect(byName['甲组']).toMatchObject({ signedProjects: 0, contractInvestmentYi: 0, fundsInPlaceYi: 1.5 });
    expect(byName['乙组']).toMatchObject({ signedProjects: 1, contractInvestmentYi: 2, fundsInPlaceYi: 0.5, rank: 1 });
  });

  it('ranks officers by their own credited projects and counts the unrostered apart', () => {
    const officers = [
      { id: 'u-1', name: '王芳' },
      { id: 'u-2', name: '李强' },
    ];
    const facts = [
      project({ userId: 'u-2', teamId: 'team-a', signedOn: '2026-07-08', contractYi: 3 }),
      project({ userId: 'u-2', teamId: 'team-a', signedOn: '2026-07-09', contractYi: 3 }),
      project({ userId: 'u-1', teamId: 'team-b', signedOn: '2026-07-09', contractYi: 6 }),
      project({ userId: 'u-9', teamId: null, signedOn: '2026-07-09', contractYi: 100 }),
    ];
    const board = computeCampaignLeaderboard({ by: 'officer', period, today: '2026-09-10', members: officers, facts });
    // Equal investment (6): two signings beat one.
    expect(board.entries.map((e) => [e.name, e.rank, e.signedProjects])).toEqual([
      ['李强', 1, 2],
      ['王芳', 2, 1],
    ]);
    expect(board.unrosteredProjects).toBe(1);
    const byTeam = computeCampaignLeaderboard({ by: 'team', period, today: '2026-09-10', members: teams, facts });
    expect(byTeam.unrosteredProjects).toBe(1);
  });

  it('while the campaign runs, counts nothing dated after today', () => {
    const facts = [project({ teamId: 'team-a', funds: [{ date: '2026-07-05', amountYi: 1 }, { date: '2026-07-20', amountYi: 2 }] })];
    const board = computeCampaignLeaderboard({ by: 'team', period, today: '2026-07-10', members: teams, facts });
    expect(board.asOf).toBe('2026-07-10');
    expect(board.entries[0]).toMatchObject({ name: '甲组', fundsInPlaceYi: 1 });
  });

  it('does not measure decisions an import brought with it', () => {
    const facts = [project({ teamId: 'team-a', decidedOn: '2026-07-03', decisionHours: 100, imported: true })];
    const board = computeCampaignLeaderboard({ by: 'team', period, today: '2026-09-10', members: teams, facts });
    expect(board.entries.find((e) => e.id === 'team-a')!.decisionCompliance.denominator).toBe(0);
  });

  it('gives an empty roster an empty board', () => {
    const board = computeCampaignLeaderboard({ by: 'team', period, today: '2026-09-10', members: [], facts: [project({ teamId: 'team-a' })] });
    expect(board.entries).toEqual([]);
    expect(board.unrosteredProjects).toBe(1);
  });
});

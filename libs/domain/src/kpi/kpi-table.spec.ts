import { decided, factsOf, serviceOf } from './kpi-fixtures';
import { periodOf, periodsBetween } from './kpi-periods';
import { computeKpiTable, UNASSIGNED_LABEL } from './kpi-table';

const owner = (userId: string, departmentId: string | null, teamId: string | null) => ({ userId, displayName: userId, departmentId, teamId });

const facts = [
  factsOf({ projectId: 'a', owner: owner('u1', 'dep-a', 't1'), industryChain: '新能源', campaignId: 'c1', signedOn: '2026-01-20', contractInvestmentYi: 2, intake: decided('2026-01-06', true) }),
  factsOf({ projectId: 'b', owner: owner('u2', 'dep-a', 't2'), industryChain: '生物医药', campaignId: 'c1', signedOn: '2026-04-02', contractInvestmentYi: 6, intake: decided('2026-01-07', false) }),
  factsOf({ projectId: 'c', owner: owner('u3', 'dep-b', null), industryChain: '新能源', signedOn: '2026-05-15', contractInvestmentYi: 11, funds: [{ date: '2026-05-20', amountYi: 3 }] }),
  factsOf({ projectId: 'd', owner: null, reporter: owner('u9', 'dep-c', null) }),
];
const services = [serviceOf({ requestId: 'r1', projectId: 'c', status: 'closed', closedOn: '2026-06-01', resolvedWithinLimit: true, ratings: [{ on: '2026-06-01', rating: 'satisfied' }] })];

describe('computeKpiTable', () => {
  it('groups by the owner department, with 未归属 last', () => {
    const rows = computeKpiTable(facts, services, { groupBy: 'department', from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31' });
    expect(rows.map((r) => [r.group, r.groupLabel, r.projectCount, r.kpis.projects_signed.value, r.kpis.contract_investment_yi.value])).toEqual([
      ['dep-a', 'dep-a', 2, 2, 8],
      ['dep-b', 'dep-b', 1, 1, 11],
      [null, UNASSIGNED_LABEL, 1, 0, 0],
    ]);
    expect(rows[0].kpis.decision_48h_compliance).toEqual({ value: 50, numerator: 1, denominator: 2 });
    // The service request is credited through its project's owner.
    expect(rows[1].kpis.satisfaction).toEqual({ value: 100, numerator: 1, denominator: 1 });
    expect(rows[0].kpis.satisfaction.value).toBeNull();
  });

  it('groups by team, officer, chain, campaign and reporter', () => {
    const opts = { from: null, to: null, asOf: '2026-12-31' };
    expect(computeKpiTable(facts, [], { ...opts, groupBy: 'team' }).map((r) => [r.group, r.projectCount])).toEqual([
      ['t1', 1],
      ['t2', 1],
      [null, 2],
    ]);
    expect(computeKpiTable(facts, [], { ...opts, groupBy: 'officer' }).map((r) => [r.group, r.groupLabel])).toEqual([
      ['u1', 'u1'],
      ['u2', 'u2'],
      ['u3', 'u3'],
      [null, UNASSIGNED_LABEL],
    ]);
    expect(computeKpiTable(facts, [], { ...opts, groupBy: 'chain' }).map((r) => [r.group, r.kpis.signed_ge_5yi.value])).toEqual([
      ['新能源', 1],
      ['生物医药', 1],
    ]);
    expect(computeKpiTable(facts, [], { ...opts, groupBy: 'campaign' }).map((r) => [r.group, r.kpis.projects_signed.value])).toEqual([
      ['c1', 2],
      [null, 1],
    ]);
    expect(computeKpiTable(facts, [], { ...opts, groupBy: 'reporter_department' }).map((r) => r.group)).toEqual(['dep-a', 'dep-c']);
    expect(computeKpiTable(facts, [], { ...opts, groupBy: 'zone' })).toHaveLength(1);
  });

  it('groups by quarter: each KPI counts the events of its period', () => {
    const rows = computeKpiTable(facts, [], { groupBy: 'period', period: 'quarter', from: '2026-01-01', asOf: '2026-09-30' });
    expect(rows.map((r) => [r.group, r.from, r.to, r.kpis.projects_signed.value, r.kpis.funds_in_place_yi.value])).toEqual([
      ['2026-Q1', '2026-01-01', '2026-03-31', 1, 0],
      ['2026-Q2', '2026-04-01', '2026-06-30', 2, 3],
      ['2026-Q3', '2026-07-01', '2026-09-30', 0, 0],
    ]);
  });

  it('splits each group by month and clips the last period at asOf', () => {
    const rows = computeKpiTable(facts, [], { groupBy: 'department', period: 'month', from: '2026-04-10', asOf: '2026-05-16' });
    expect(rows.filter((r) => r.group === 'dep-b').map((r) => [r.period, r.from, r.to, r.kpis.projects_signed.value])).toEqual([
      ['2026-04', '2026-04-10', '2026-04-30', 0],
      ['2026-05', '2026-05-01', '2026-05-16', 1],
    ]);
  });

  it('no projects: no group rows; a period table still answers its periods with null rates', () => {
    expect(computeKpiTable([], [], { groupBy: 'department', asOf: '2026-06-30' })).toEqual([]);
    const rows = computeKpiTable([], [], { groupBy: 'period', period: 'year', from: '2026-01-01', asOf: '2026-06-30' });
    expect(rows).toHaveLength(1);
    expect(rows[0].kpis.fulfilment_rate).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('uses the group target for 到位资金目标完成率', () => {
    const rows = computeKpiTable(facts, [], {
      groupBy: 'department',
      from: '2026-01-01',
      asOf: '2026-12-31',
      targetOf: (g) => (g === 'dep-b' ? { fundsInPlaceYi: 12, contractInvestmentYi: 20 } : null),
    });
    expect(rows.find((r) => r.group === 'dep-b')!.kpis.funds_vs_target).toEqual({ value: 25, numerator: 3, denominator: 12 });
    expect(rows.find((r) => r.group === 'dep-a')!.kpis.funds_vs_target.value).toBeNull();
  });
});

describe('periods', () => {
  it('month, quarter and year buckets', () => {
    expect(periodOf('2026-02-14', 'month')).toEqual({ key: '2026-02', from: '2026-02-01', to: '2026-02-28' });
    expect(periodOf('2026-11-14', 'quarter')).toEqual({ key: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
    expect(periodOf('2024-02-29', 'year')).toEqual({ key: '2024', from: '2024-01-01', to: '2024-12-31' });
    expect(periodsBetween('2025-12-15', '2026-02-01', 'month').map((b) => b.key)).toEqual(['2025-12', '2026-01', '2026-02']);
  });
});

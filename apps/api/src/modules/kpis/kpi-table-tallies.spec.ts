import { addDays, computeKpiTable, kpiFactsFixture, kpiServiceFixture, matchesKpiFilter, type KpiFilter, type KpiTableOptions, type ProjectFacts, type ServiceRequestFacts } from '@zs/domain';
import type { KpiSourceChanges } from '@zs/persistence';
import { KpiTableTallies } from './kpi-table-tallies';
import { kpiShardOf, ZoneKpiSources } from './zone-kpi-sources';


const owners = ['u1', 'u2', 'u3', 'u4'].map((userId, i) => ({ userId, displayName: `专员${i}`, departmentId: `dep-${i % 2}`, teamId: null }));

/** Project i: registered, decided, signed with funds and nodes on dates spread over 2025–2026. */
function project(i: number, over: Partial<ProjectFacts> = {}): ProjectFacts {
  const day = (n: number) => addDays('2025-01-01', n % 540);
  const signedOn = i % 3 === 0 ? null : day(i * 7 + 30);
  return kpiFactsFixture({
    projectId: `p-${i}`,
    registeredOn: day(i * 7),
    owner: owners[i % owners.length],
    industryChain: i % 2 ? '新能源' : '生物医药',
    signedOn,
    contractInvestmentYi: signedOn ? (i % 9) / 4 : null,
    funds: signedOn ? [{ date: day(i * 7 + 60), amountYi: (i % 5) / 10 }] : [],
    nodes: signedOn ? [{ kind: 'construction_start', dueOn: day(i * 7 + 90), completedOn: i % 2 ? day(i * 7 + 85) : null }] : [],
    ...over,
  });
}

const service = (i: number, projectId: string): ServiceRequestFacts => kpiServiceFixture({ requestId: `r-${i}`, projectId, closedOn: addDays('2025-06-01', i * 11), resolvedWithinLimit: i % 2 === 0, ratings: [] });

/** Sources the test feeds by hand: each refresh answers with the queued changes. */
function sourcesFed(first: { facts: ProjectFacts[]; services: ServiceRequestFacts[] }) {
  const queued: KpiSourceChanges[] = [{ horizon: '1', complete: true, ...first }];
  const sources = new ZoneKpiSources(async (_since, keep) => {
    const next = queued.shift() ?? { horizon: '1', complete: false, facts: [], services: [] };
    return { ...next, facts: next.facts.map(keep) };
  });
  return {
    change: (facts: ProjectFacts[], services: ServiceRequestFacts[] = []) => queued.push({ horizon: '2', complete: false, facts, services }),
    read: async () => {
      await sources.refresh();
      return sources.snapshot();
    },
  };
}

const target = { fundsInPlaceYi: 3, contractInvestmentYi: null };

/** The table computed the plain way, from every project (through the filter) at once. */
function plain(all: { facts: ProjectFacts[]; services: ServiceRequestFacts[] }, filter: KpiFilter, options: KpiTableOptions) {
  const facts = all.facts.filter((f) => matchesKpiFilter(f, filter));
  const ids = new Set(facts.map((f) => f.projectId));
  return computeKpiTable(
    facts,
    all.services.filter((s) => ids.has(s.projectId)),
    options,
  );
}

describe('KpiTableTallies', () => {
  const facts = Array.from({ length: 120 }, (_, i) => project(i));
  const services = [service(1, 'p-1'), service(2, 'p-2'), service(3, 'p-40')];

  it.each<[string, KpiFilter, KpiTableOptions]>([
    ['by department with targets', {}, { groupBy: 'department', from: '2025-03-01', asOf: '2026-06-30', targetOf: (g) => (g === 'dep-0' ? target : null) }],
    ['by officer, one department', { departmentId: 'dep-1' }, { groupBy: 'officer', asOf: '2026-06-30' }],
    ['by month', {}, { groupBy: 'period', period: 'month', from: '2025-01-01', asOf: '2026-06-30' }],
    ['by chain and quarter, one chain', { chain: '新能源' }, { groupBy: 'chain', period: 'quarter', from: '2025-01-01', to: '2025-12-31', asOf: '2026-06-30' }],
  ])('%s: the same rows as the plain table, before and after changes, counting again only the changed shards', async (_name, filter, options) => {
    const feed = sourcesFed({ facts, services });
    const tallies = new KpiTableTallies();
    const first = tallies.rows('k', await feed.read(), filter, options);
    expect(first).toEqual(plain({ facts, services }, filter, options));
    expect(tallies.lastShardsCounted).toBe(16);

    // Asked again without a change: nothing is counted again.
    expect(tallies.rows('k', await feed.read(), filter, options)).toEqual(first);
    expect(tallies.lastShardsCounted).toBe(0);

    // One project signs later and moves to another officer; a request is added to another project.
    const moved = project(7, { signedOn: '2026-02-10', owner: owners[1], funds: [{ date: '2026-03-01', amountYi: 2.5 }] });
    const added = service(9, 'p-50');
    feed.change([moved], [added]);
    const now = { facts: facts.map((f) => (f.projectId === moved.projectId ? moved : f)), services: [...services, added] };
    const after = tallies.rows('k', await feed.read(), filter, options);
    expect(after).toEqual(plain(now, filter, options));
    expect(after).not.toEqual(first);
    const changedShards = new Set([kpiShardOf('p-7'), kpiShardOf('p-50')]);
    expect(tallies.lastShardsCounted).toBe(changedShards.size);
  });

  it('counts every shard again when a change moves where an open-ended period split starts', async () => {
    const feed = sourcesFed({ facts, services });
    const tallies = new KpiTableTallies();
    const options: KpiTableOptions = { groupBy: 'period', period: 'quarter', asOf: '2026-06-30' };
    tallies.rows('k', await feed.read(), {}, options);
    const earlier = project(500, { registeredOn: '2024-05-20' });
    feed.change([earlier]);
    const rows = tallies.rows('k', await feed.read(), {}, options);
    expect(rows[0].period).toBe('2024-Q2');
    expect(rows).toEqual(plain({ facts: [...facts, earlier], services }, {}, options));
    expect(tallies.lastShardsCounted).toBe(16);
  });

  it('applies targets as they are now without counting again', async () => {
    const feed = sourcesFed({ facts, services });
    const tallies = new KpiTableTallies();
    const options: KpiTableOptions = { groupBy: 'department', asOf: '2026-06-30' };
    const without = tallies.rows('k', await feed.read(), {}, options);
    const withTarget = tallies.rows('k', await feed.read(), {}, { ...options, targetOf: () => target });
    expect(tallies.lastShardsCounted).toBe(0);
    expect(without[0].kpis.funds_vs_target.value).toBeNull();
    expect(withTarget[0].kpis.funds_vs_target.denominator).toBe(3);
    expect(withTarget[0].kpis.funds_vs_target.value).not.toBeNull();
  });

  it('keeps the 32 most recently asked tables', async () => {
    const feed = sourcesFed({ facts, services });
    const snapshot = await feed.read();
    const tallies = new KpiTableTallies();
    const options: KpiTableOptions = { groupBy: 'zone', asOf: '2026-06-30' };
    for (let i = 0; i < 32; i++) tallies.rows(`k${i}`, snapshot, {}, options);
    tallies.rows('k0', snapshot, {}, options); // k0 asked again: k1 is now the oldest
    tallies.rows('k32', snapshot, {}, options);
    tallies.rows('k0', snapshot, {}, options);
    expect(tallies.lastShardsCounted).toBe(0);
    tallies.rows('k1', snapshot, {}, options);
    expect(tallies.lastShardsCounted).toBe(16);
  });
});

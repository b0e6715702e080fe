import { kpiFactsFixture, toKpiFacts, type KpiFacts, type ProjectFacts, type ServiceRequestFacts } from '@zs/domain';
import type { KpiSourceChanges } from '@zs/persistence';
import { KPI_SHARDS, kpiShardOf, ZoneKpiSources } from './zone-kpi-sources';

/** A pull the test answers by hand, recording the horizon each call asked from. */
function manualPulls() {
  const calls: Array<{ since: string | null; answer: (c: KpiSourceChanges) => void; fail: (e: Error) => void }> = [];
  // As readKpiSourceChanges does: each project's facts handed to `keep`, and only what it returns kept.
  const pull = (since: string | null, keep: (f: ProjectFacts) => KpiFacts) =>
    new Promise<KpiSourceChanges>((answer, fail) => calls.push({ since, answer, fail })).then((c) => ({ ...c, facts: c.facts.map(keep) }));
  return { calls, pull };
}

/** Only the ids matter to the cache: it keys facts by project and requests by request. */
const factsOf = (f: { projectId: string; signedOn?: string }) => kpiFactsFixture({ signedOn: null, ...f });
const serviceOf = (s: { requestId: string; projectId: string }) => s as unknown as ServiceRequestFacts;
const changes = (horizon: string, over: Partial<KpiSourceChanges> = {}): KpiSourceChanges => ({ horizon, complete: false, facts: [], services: [], ...over });
const flush = () => new Promise((r) => setImmediate(r));

describe('ZoneKpiSources', () => {
  it('reads everything first, then only what changed since the horizon it was given, replacing a project it already had', async () => {
    const { calls, pull } = manualPulls();
    const sources = new ZoneKpiSources(pull);
    let done = sources.refresh();
    calls[0].answer(changes('100', { complete: true, facts: [factsOf({ projectId: 'a' }), factsOf({ projectId: 'b' })], services: [serviceOf({ requestId: 'r', projectId: 'a' })] }));
    await done;
    expect(calls[0].since).toBeNull();
    const first = sources.snapshot();
    expect(first.facts.map((f) => f.projectId).sort()).toEqual(['a', 'b']);
    expect(sources.snapshot()).toBe(first);

    done = sources.refresh();
    calls[1].answer(changes('105', { facts: [factsOf({ projectId: 'b', signedOn: '2026-03-01' }), factsOf({ projectId: 'c' })] }));
    await done;
    expect(calls[1].since).toBe('100');
    const second = sources.snapshot();
    expect(second.facts.map((f) => [f.projectId, f.signedOn]).sort()).toEqual([
      ['a', null],
      ['b', '2026-03-01'],
      ['c', null],
    ]);
    expect(second.services).toHaveLength(1);
    // Only the shards of b and c took a new stamp; a's shard (and its request) kept its arrays.
    const restamped = second.shards.flatMap((s, i) => (s.stamp === 2 ? [i] : []));
    expect(restamped.sort()).toEqual([...new Set([kpiShardOf('b'), kpiShardOf('c')])].sort());
    expect(restamped).not.toContain(kpiShardOf('a'));
    expect(second.shards[kpiShardOf('a')]).toBe(first.shards[kpiShardOf('a')]);

    // Nothing changed: the same arrays are handed out again.
    done = sources.refresh();
    calls[2].answer(changes('105'));
    await done;
    expect(calls[2].since).toBe('105');
    expect(sources.snapshot()).toBe(second);
    expect([first.generation, second.generation]).toEqual([1, 2]);

    // A complete read (the database's transaction ids went back) replaces everything.
    done = sources.refresh();
    calls[3].answer(changes('7', { complete: true, facts: [factsOf({ projectId: 'z' })] }));
    await done;
    const third = sources.snapshot();
    expect({ facts: third.facts, services: third.services, generation: third.generation }).toEqual({ facts: [toKpiFacts(factsOf({ projectId: 'z' }))], services: [], generation: 3 });
    // Every shard is new after a complete read: no table may keep a tally of one.
    expect(third.shards.map((s) => s.stamp)).toEqual(new Array(KPI_SHARDS).fill(3));
  });

  it('makes callers that arrive during a pull wait for the next one, which they share', async () => {
    const { calls, pull } = manualPulls();
    const sources = new ZoneKpiSources(pull);
    const settled: string[] = [];
    const first = sources.refresh().then(() => settled.push('first'));
    const later = [sources.refresh(), sources.refresh(), sources.refresh()].map((p, i) => p.then(() => settled.push(`later-${i}`)));
    await flush();
    expect(calls).toHaveLength(1);

    calls[0].answer(changes('10', { complete: true }));
    await first;
    await flush();
    // The first pull's snapshot may predate the later callers' writes: they wait for a pull of their own.
    expect(settled).toEqual(['first']);
    expect(calls).toHaveLength(2);
    expect(calls[1].since).toBe('10');

    calls[1].answer(changes('12', { facts: [factsOf({ projectId: 'new' })] }));
    await Promise.all(later);
    expect(settled).toEqual(['first', 'later-0', 'later-1', 'later-2']);
    expect(calls).toHaveLength(2);
    expect(sources.snapshot().facts.map((f) => f.projectId)).toEqual(['new']);
  });

  it('a failed pull fails its callers and keeps the horizon: the next caller pulls again from it', async () => {
    const { calls, pull } = manualPulls();
    const sources = new ZoneKpiSources(pull);
    let done = sources.refresh();
    calls[0].answer(changes('50', { complete: true, facts: [factsOf({ projectId: 'a' })] }));
    await done;

    done = sources.refresh();
    calls[1].fail(new Error('connection reset'));
    await expect(done).rejects.toThrow('connection reset');

    done = sources.refresh();
    expect(calls[2].since).toBe('50');
    calls[2].answer(changes('51'));
    await done;
    expect(sources.snapshot().facts.map((f) => f.projectId)).toEqual(['a']);
  });
});

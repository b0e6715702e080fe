import { randomUUID } from 'node:crypto';
import type { ProjectFacts } from '@zs/domain';
import { createDataSource, inTransaction, insertProjectFacts, readKpiSourceChanges, type Database } from '@zs/persistence';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/** A project's KPI facts with nothing decided; `signedOn` tells two versions of it apart. */
function facts(projectId: string, signedOn: string | null = null): ProjectFacts {
  return {
    projectId,
    companyName: `增量读取企业-${projectId.slice(0, 8)}`,
    stage: 'intake',
    kind: 'new',
    industryChain: '新能源汽车',
    estimatedInvestmentYi: 1,
    fortune500Lists: [],
    importedAt: null,
    imported: false,
    reporter: null,
    owner: null,
    campaignId: null,
    registeredAt: Date.parse('2026-01-05T02:00:00Z'),
    registeredOn: '2026-01-05',
    intake: { decision: null, decidedAt: null, decidedOn: null, activeElapsedMs: null, budgetMs: 172_800_000, withinLimit: null, measured: false },
    signedOn,
    contractInvestmentYi: null,
    committed: null,
    constructionStartOn: null,
    equipmentEntryOn: null,
    productionOn: null,
    nodes: [],
    fulfilment: { lastCheckFulfilled: null, lastCheckOn: null, checks: [] },
    closure: null,
    funds: [],
    firstTaxOn: null,
  };
}

const ids = (list: ProjectFacts[]) => list.map((f) => f.projectId).sort();

/**
 * The API keeps every project's KPI facts in memory and reads only the rows written since its last
 * read (issue 12). What must hold, on a real PostgreSQL as the app role: nothing committed after a
 * read is missed, including a transaction that was already running (uncommitted) when the reader
 * took its horizon and commits later.
 */
describe('KPI sources read by change (readKpiSourceChanges)', () => {
  let database: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    database = await createTestDatabase('kpi_changes');
    db = createDataSource({ url: database.url, poolSize: 4 });
    await db.initialize();
  });

  afterAll(async () => {
    await db?.destroy();
    await database?.drop();
  });

  it('reads everything first, then only rows written since, including a transaction that was running during the last read', async () => {
    const [a, b, c] = [randomUUID(), randomUUID(), randomUUID()];
    await insertProjectFacts(db, [facts(a), facts(b)]);
    const first = await readKpiSourceChanges(db, null);
    expect(first.complete).toBe(true);
    expect(ids(first.facts)).toEqual([a, b].sort());

    // A transaction writes c and stays open across the next read.
    let commit!: () => void;
    const gate = new Promise<void>((r) => (commit = r));
    let written!: () => void;
    const wrote = new Promise<void>((r) => (written = r));
    const slow = inTransaction(db, async (tx) => {
      await insertProjectFacts(tx, [facts(c)]);
      written();
      await gate;
    });
    await wrote;
    // A later transaction commits while c's is still open: the server's latest completed transaction
    // is now past c's, so a horizon taken from it (rather than from the oldest one running) would skip c.
    const d = randomUUID();
    await insertProjectFacts(db, [facts(d)]);

    const second = await readKpiSourceChanges(db, first.horizon);
    expect(second.complete).toBe(false);
    // c is not committed yet. (a and b may come again: a horizon is the oldest transaction running
    // anywhere on the server, other databases' included, so rows may be read twice, never missed.)
    expect(ids(second.facts)).not.toContain(c);
    expect(ids(second.facts)).toContain(d);

    commit();
    await slow;
    // a changes after the read too; b does not.
    await insertProjectFacts(db, [facts(a, '2026-03-01')]);

    const third = await readKpiSourceChanges(db, second.horizon);
    expect(third.complete).toBe(false);
    // c committed after the second read took its horizon, from a transaction older than that read: still found.
    expect(ids(third.facts)).toEqual(expect.arrayContaining([a, c]));
    expect(third.facts.find((f) => f.projectId === a)!.signedOn).toBe('2026-03-01');

    // Asked from a horizon the database has not reached (ids went back: a restore elsewhere), it reads everything.
    const ahead = await readKpiSourceChanges(db, String(BigInt(third.horizon) + 1_000_000n));
    expect(ahead.complete).toBe(true);
    expect(ids(ahead.facts)).toEqual([a, b, c, d].sort());
  });

  it('a complete read in batches reads every project once, handing each to keep, and keeps only what keep returns', async () => {
    const all = await readKpiSourceChanges(db, null);
    const kept: string[] = [];
    // Several full batches and a short one, a last full batch followed by an empty read, one batch.
    for (const batchSize of [3, 2, 1, all.facts.length]) {
      kept.length = 0;
      const read = await readKpiSourceChanges(db, null, (f) => (kept.push(f.projectId), { id: f.projectId }), batchSize);
      expect(read.complete).toBe(true);
      expect(read.facts.map((f) => f.id).sort()).toEqual(ids(all.facts));
      expect(kept.sort()).toEqual(ids(all.facts));
    }
  });
});

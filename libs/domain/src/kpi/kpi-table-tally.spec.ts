import fc from 'fast-check';
import { kpiTableOptions, portfolio } from './kpi-portfolio.arbitraries';
import { computeKpiTable, earliestRegistration, finishKpiTable, kpiTableShape } from './kpi-table';
import { addKpiTableTallies, tallyKpiTable, type KpiTableTally } from './kpi-table-tally';

/** A tally as plain data (typed arrays as arrays), to compare before and after. */
const plain = (t: KpiTableTally) => JSON.stringify([...t].map(([k, g]) => [k, g.label, g.projectCount, g.cells.map((c) => c && [[...c.parts], c.lists])]));

describe('KPI table tallies (a table as the sum of its shards)', () => {
  it('the tallies of any split of the projects add up to the table computed over all of them', () => {
    fc.assert(
      fc.property(portfolio, kpiTableOptions, fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 15, maxLength: 15 }), ({ facts, services }, opts, shardOf) => {
        const shape = kpiTableShape(opts, (upTo) => earliestRegistration(facts, upTo));
        const shards = [0, 1, 2, 3].map((k) => {
          const mine = facts.filter((_, i) => shardOf[i] === k);
          const ids = new Set(mine.map((f) => f.projectId));
          return tallyKpiTable(
            mine,
            services.filter((s) => ids.has(s.projectId)),
            shape,
          );
        });
        const before = shards.map(plain);
        const rows = finishKpiTable(addKpiTableTallies(shards), shape, opts.targetOf);
        expect(rows).toEqual(computeKpiTable(facts, services, opts));
        // Adding them leaves the shards' own tallies as they were: they are kept and added again.
        expect(shards.map(plain)).toEqual(before);
      }),
      { numRuns: 400 },
    );
  });

  it('a shard without projects tallies no group and adds none', () => {
    const shape = kpiTableShape({ groupBy: 'department', asOf: '2026-06-30' }, (upTo) => upTo);
    const empty = tallyKpiTable([], [], shape);
    expect(empty.size).toBe(0);
    expect(addKpiTableTallies([empty, empty]).size).toBe(0);
  });
});

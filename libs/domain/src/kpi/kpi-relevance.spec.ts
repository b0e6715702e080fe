import fc from 'fast-check';
import { KPI_DEFINITIONS, type KpiValue } from './kpi-definitions';
import { kpiTableOptions, portfolio } from './kpi-portfolio.arbitraries';
import { datedInBuckets } from './kpi-relevance';
import { computeKpiTable, groupKeyOf, type KpiTableOptions } from './kpi-table';
import type { ProjectFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';

/** Every KPI of one row computed the plain way: each definition over all of the group's projects and requests. */
function fromAllOfTheGroup(all: ProjectFacts[], services: ServiceRequestFacts[], opts: KpiTableOptions, row: { group: string | null; from: string | null; to: string }): Record<string, KpiValue> {
  const group = opts.groupBy === 'period' ? all : all.filter((f) => groupKeyOf(f, opts.groupBy).key === row.group);
  const ids = new Set(group.map((f) => f.projectId));
  const ctx = { from: row.from, to: row.to, asOf: opts.asOf, services: services.filter((s) => ids.has(s.projectId)), target: opts.groupBy === 'period' ? null : opts.targetOf!(row.group) };
  return Object.fromEntries(KPI_DEFINITIONS.map((def) => [def.code, def.compute(group, ctx)]));
}

describe('KPI relevance (projects and requests dated in a window)', () => {
  it('a table computed from the projects dated in each window equals every definition computed over all of the group', () => {
    fc.assert(
      fc.property(portfolio, kpiTableOptions, ({ facts: all, services }, opts) => {
        for (const row of computeKpiTable(all, services, opts)) {
          expect(row.kpis).toEqual(fromAllOfTheGroup(all, services, opts, row));
        }
      }),
      { numRuns: 600 },
    );
  });

  it('hands a period bucket a project once, however many of its dates fall in it, and none outside the window', () => {
    const buckets = [
      { key: '2026-01', from: '2026-01-01', to: '2026-01-31' },
      { key: '2026-02', from: '2026-02-01', to: '2026-02-28' },
      { key: '2026-03', from: '2026-03-01', to: '2026-03-31' },
    ];
    const dates: Record<string, string[]> = { a: ['2026-01-03', '2026-01-20', '2026-03-02'], b: ['2025-12-31', '2026-02-10'], c: ['2026-04-01'], d: ['2026-02-27'] };
    const lists = datedInBuckets(['a', 'b', 'c', 'd'], (id, test) => dates[id].some(test), buckets, { from: '2026-01-01', to: '2026-03-31', asOf: '2026-02-27' });
    // a's March date and c's April date are after asOf; b's December date is before the window.
    expect(lists).toEqual([['a'], ['b', 'd'], []]);
  });
});

import fc from 'fast-check';
import { MILESTONE_KINDS } from '../project/construction-state';
import { factsOf, serviceOf } from './kpi-fixtures';
import { KPI_PERIODS } from './kpi-periods';
import { KPI_GROUP_BYS, type KpiTableOptions } from './kpi-table';
import type { ProjectFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';

/**
 * Random portfolios and table requests for the KPI property tests (kpi-relevance.spec.ts,
 * kpi-table-tally.spec.ts): a few projects whose every kind of date, owner, chain and campaign
 * varies, with service requests, and requests cutting through them by every grouping and period.
 */
/** Days from 2024-11-01 to 2026-08-31: windows and periods cut through every kind of date. */
const DAY0 = Date.UTC(2024, 10, 1);
const date = fc.integer({ min: 0, max: 668 }).map((n) => new Date(DAY0 + n * 86_400_000).toISOString().slice(0, 10));
const maybeDate = fc.option(date, { nil: null });

const owners = ['u1', 'u2', 'u3'].map((userId, i) => ({ userId, displayName: userId, departmentId: i < 2 ? 'dep-a' : 'dep-b', teamId: i === 0 ? 't1' : null }));

const facts = (projectId: string): fc.Arbitrary<ProjectFacts> =>
  fc
    .record({
      registeredOn: date,
      decision: fc.option(fc.record({ on: date, withinLimit: fc.boolean(), measured: fc.boolean() }), { nil: null }),
      signedOn: maybeDate,
      contractInvestmentYi: fc.integer({ min: 0, max: 40 }).map((n) => n / 4),
      constructionStartOn: maybeDate,
      equipmentEntryOn: maybeDate,
      productionOn: maybeDate,
      nodes: fc.array(fc.record({ kind: fc.constantFrom(...MILESTONE_KINDS), dueOn: date, completedOn: maybeDate }), { maxLength: 4 }),
      funds: fc.array(fc.record({ date, amountYi: fc.integer({ min: 1, max: 30 }).map((n) => n / 10) }), { maxLength: 3 }),
      checks: fc.array(fc.record({ on: date, fulfilled: fc.boolean() }), { maxLength: 2 }),
      closure: fc.option(fc.record({ outcome: fc.constantFrom('completed' as const, 'terminated' as const), on: date }), { nil: null }),
      owner: fc.option(fc.constantFrom(...owners), { nil: null }),
      chain: fc.constantFrom('新能源', '生物医药', ''),
      campaignId: fc.constantFrom(null, 'c1', 'c2'),
      fortune500: fc.boolean(),
    })
    .map((r) =>
      factsOf({
        projectId,
        registeredOn: r.registeredOn,
        intake: r.decision
          ? { decision: 'accept', decidedAt: Date.parse(`${r.decision.on}T02:00:00Z`), decidedOn: r.decision.on, activeElapsedMs: 1, budgetMs: 2, withinLimit: r.decision.withinLimit, measured: r.decision.measured }
          : factsOf({ projectId }).intake,
        signedOn: r.signedOn,
        contractInvestmentYi: r.signedOn ? r.contractInvestmentYi : null,
        constructionStartOn: r.constructionStartOn,
        equipmentEntryOn: r.equipmentEntryOn,
        productionOn: r.productionOn,
        nodes: r.nodes,
        funds: [...r.funds].sort((a, b) => a.date.localeCompare(b.date)),
        fulfilment: { lastCheckFulfilled: r.checks.at(-1)?.fulfilled ?? null, lastCheckOn: r.checks.at(-1)?.on ?? null, checks: [...r.checks].sort((a, b) => a.on.localeCompare(b.on)) },
        closure: r.closure,
        owner: r.owner,
        reporter: r.owner,
        industryChain: r.chain,
        campaignId: r.campaignId,
        fortune500Lists: r.fortune500 ? ['global'] : [],
      }),
    );

export const portfolio: fc.Arbitrary<{ facts: ProjectFacts[]; services: ServiceRequestFacts[] }> = fc.integer({ min: 0, max: 14 }).chain((n) =>
  fc.record({
    facts: fc.tuple(...Array.from({ length: n }, (_, i) => facts(`p${i}`))).map((list) => [...list]),
    services: fc.array(
      fc.record({
        project: fc.integer({ min: 0, max: Math.max(n - 1, 0) }),
        closedOn: maybeDate,
        resolvedWithinLimit: fc.option(fc.boolean(), { nil: null }),
        ratings: fc.array(fc.record({ on: date, rating: fc.constantFrom('satisfied' as const, 'basically_satisfied' as const, 'unsatisfied' as const) }), { maxLength: 2 }),
      }),
      { maxLength: n === 0 ? 0 : 6 },
    ),
  }).map(({ facts: list, services }) => ({
    facts: list,
    services: services.map((s, i) => serviceOf({ requestId: `r${i}`, projectId: `p${s.project}`, closedOn: s.closedOn, resolvedWithinLimit: s.resolvedWithinLimit, ratings: s.ratings })),
  })),
);

export const kpiTableOptions: fc.Arbitrary<KpiTableOptions> = fc
  .record({
    groupBy: fc.constantFrom(...KPI_GROUP_BYS),
    period: fc.option(fc.constantFrom(...KPI_PERIODS), { nil: undefined }),
    from: maybeDate,
    to: maybeDate,
    asOf: date,
    fundsTarget: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
  })
  .map(({ fundsTarget, ...o }) => ({ ...o, targetOf: () => (fundsTarget ? { fundsInPlaceYi: fundsTarget, contractInvestmentYi: null } : null) }));

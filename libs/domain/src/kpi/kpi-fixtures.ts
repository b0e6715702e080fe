import type { OrgRef } from '../project/ownership';
import type { ProjectFacts } from './project-facts';
import type { ServiceRequestFacts } from './service-request-facts';

/** Test and benchmark helpers: a project's facts with sensible defaults (nothing decided, nothing signed). */
export function factsOf(overrides: Partial<ProjectFacts> & { projectId: string }): ProjectFacts {
  const owner: OrgRef = { userId: 'officer-1', displayName: '李明', departmentId: 'dep-a', teamId: 'team-1' };
  return {
    companyName: `${overrides.projectId} 有限公司`,
    stage: 'intake',
    kind: 'new',
    industryChain: '新能源',
    estimatedInvestmentYi: 1,
    fortune500Lists: [],
    importedAt: null,
    imported: false,
    reporter: owner,
    owner,
    campaignId: null,
    registeredAt: Date.parse('2026-01-05T02:00:00Z'),
    registeredOn: '2026-01-05',
    intake: { decision: null, decidedAt: null, decidedOn: null, activeElapsedMs: null, budgetMs: 48 * 3_600_000, withinLimit: null, measured: false },
    signedOn: null,
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
    ...overrides,
  };
}

export function decided(on: string, withinLimit: boolean, measured = true): ProjectFacts['intake'] {
  return {
    decision: 'accept',
    decidedAt: Date.parse(`${on}T02:00:00Z`),
    decidedOn: on,
    activeElapsedMs: withinLimit ? 3_600_000 : 50 * 3_600_000,
    budgetMs: 48 * 3_600_000,
    withinLimit,
    measured,
  };
}

export function serviceOf(overrides: Partial<ServiceRequestFacts> & { requestId: string; projectId: string }): ServiceRequestFacts {
  return { category: 'normal', department: '供电公司', status: 'dispatched', raisedOn: '2026-02-01', closedOn: null, resolvedWithinLimit: null, ratings: [], ...overrides };
}

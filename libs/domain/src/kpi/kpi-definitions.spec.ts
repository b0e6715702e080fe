import { KPI_DEFINITIONS, kpiDefinition, type KpiValue } from './kpi-definitions';
import { decided, factsOf, serviceOf } from './kpi-fixtures';
import type { KpiContext } from './kpi-window';
import type { ProjectFacts } from './project-facts';

const ctx = (over: Partial<KpiContext> = {}): KpiContext => ({ from: '2026-01-01', to: '2026-12-31', asOf: '2026-12-31', services: [], ...over });
const kpi = (code: string, facts: ProjectFacts[], c: KpiContext = ctx()): KpiValue => kpiDefinition(code)!.compute(facts, c);

const node = (kind: string, dueOn: string, completedOn: string | null) => ({ kind, dueOn, completedOn }) as ProjectFacts['nodes'][number];

describe('KPI definitions', () => {
  it('every KPI is defined once, with a Chinese label and formula', () => {
    const codes = KPI_DEFINITIONS.map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const d of KPI_DEFINITIONS) {
      expect(d.label).toMatch(/[\u4e00-\u9fff]/);
      expect(d.formula).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('no projects: every rate and mean is null (never NaN), every count is 0', () => {
    for (const d of KPI_DEFINITIONS) {
      const v = d.compute([], ctx());
      expect(Number.isNaN(v.value)).toBe(false);
      if (d.unit === '%' || d.unit === '天') expect(v.value).toBeNull();
      else expect(v.value).toBe(0);
    }
  });

  it('48小时决策合规率: decisions in the window, imported pre-import decisions left out', () => {
    const facts = [
      factsOf({ projectId: 'a', intake: decided('2026-02-01', true) }),
      factsOf({ projectId: 'b', intake: decided('2026-02-02', false) }),
      factsOf({ projectId: 'c', intake: decided('2026-02-03', true) }),
      factsOf({ projectId: 'd', imported: true, intake: decided('2025-06-01', false, false) }),
      factsOf({ projectId: 'e', intake: decided('2025-12-31', false) }),
    ];
    expect(kpi('decision_48h_compliance', facts)).toEqual({ value: 66.67, numerator: 2, denominator: 3 });
    // Undecided projects have no denominator.
    expect(kpi('decision_48h_compliance', [factsOf({ projectId: 'x' })])).toEqual({ value: null, numerator: 0, denominator: 0 });
  });

  it('线索→签约天数: mean and median over projects signed in the window', () => {
    const facts = [
      factsOf({ projectId: 'a', registeredOn: '2026-01-01', signedOn: '2026-01-11' }),
      factsOf({ projectId: 'b', registeredOn: '2026-01-01', signedOn: '2026-01-31' }),
      factsOf({ projectId: 'c', registeredOn: '2026-01-01', signedOn: '2026-03-02' }),
      factsOf({ projectId: 'd', registeredOn: '2026-01-01', signedOn: '2026-03-12' }),
      factsOf({ projectId: 'late', registeredOn: '2026-01-01', signedOn: '2027-01-05' }),
    ];
    expect(kpi('lead_to_signing_days_mean', facts)).toEqual({ value: 42.5, numerator: 170, denominator: 4 });
    expect(kpi('lead_to_signing_days_median', facts)).toEqual({ value: 45, numerator: 45, denominator: 4 });
    expect(kpi('lead_to_signing_days_median', facts.slice(0, 3))).toEqual({ value: 30, numerator: 30, denominator: 3 });
  });

  it('签约→设备进场 and 签约→投产: from signing to the node completed in the window', () => {
    const facts = [
      factsOf({ projectId: 'a', signedOn: '2026-01-10', equipmentEntryOn: '2026-03-11', productionOn: '2026-06-08' }),
      factsOf({ projectId: 'b', signedOn: '2026-02-01', equipmentEntryOn: '2026-03-03' }),
    ];
    expect(kpi('signing_to_equipment_entry_days', facts)).toEqual({ value: 45, numerator: 90, denominator: 2 });
    expect(kpi('signing_to_production_days', facts)).toEqual({ value: 149, numerator: 149, denominator: 1 });
    // As of before a's equipment entry only b counts; before b's neither.
    expect(kpi('signing_to_equipment_entry_days', facts, ctx({ asOf: '2026-03-10' }))).toEqual({ value: 30, numerator: 30, denominator: 1 });
    expect(kpi('signing_to_equipment_entry_days', facts, ctx({ asOf: '2026-03-02' })).value).toBeNull();
  });

  it('节点按期完成率: nodes due by asOf, on time when completed on or before the due date', () => {
    const facts = [
      factsOf({
        projectId: 'a',
        nodes: [
          node('company_registration', '2026-02-01', '2026-01-20'),
          node('land_handover', '2026-02-10', '2026-02-10'),
          node('project_filing', '2026-03-01', '2026-03-05'),
          node('planning_permit', '2026-04-01', null),
          node('construction_permit', '2026-09-01', null),
        ],
      }),
    ];
    expect(kpi('milestone_on_time_rate', facts, ctx({ asOf: '2026-06-30' }))).toEqual({ value: 50, numerator: 2, denominator: 4 });
    // A completion after asOf is not yet known.
    expect(kpi('milestone_on_time_rate', facts, ctx({ asOf: '2026-02-05' }))).toEqual({ value: 100, numerator: 1, denominator: 1 });
  });

  it('履约率, 开竣工率, 落地率, 投产转化率 over the cohort signed in the window; imported projects count', () => {
    const landed = [node('company_registration', '2026-02-01', '2026-02-01'), node('land_handover', '2026-03-01', '2026-03-01')];
    const facts = [
      factsOf({
        projectId: 'a',
        signedOn: '2026-01-10',
        nodes: landed,
        constructionStartOn: '2026-04-01',
        productionOn: '2026-10-01',
        fulfilment: { lastCheckFulfilled: true, lastCheckOn: '2026-11-01', checks: [{ on: '2026-11-01', fulfilled: true }] },
      }),
      factsOf({ projectId: 'b', signedOn: '2026-02-10', imported: true, importedAt: 1, nodes: landed, constructionStartOn: '2026-05-01', closure: { outcome: 'completed', on: '2026-12-01' } }),
      factsOf({ projectId: 'c', signedOn: '2026-03-10', fulfilment: { lastCheckFulfilled: false, lastCheckOn: '2026-09-01', checks: [{ on: '2026-09-01', fulfilled: false }] } }),
      factsOf({ projectId: 'd', signedOn: '2026-04-10', closure: { outcome: 'terminated', on: '2026-08-01' } }),
      factsOf({ projectId: 'not-signed' }),
    ];
    expect(kpi('fulfilment_rate', facts)).toEqual({ value: 50, numerator: 2, denominator: 4 });
    expect(kpi('construction_start_rate', facts)).toEqual({ value: 50, numerator: 2, denominator: 4 });
    expect(kpi('landing_rate', facts)).toEqual({ value: 50, numerator: 2, denominator: 4 });
    expect(kpi('production_conversion_rate', facts)).toEqual({ value: 25, numerator: 1, denominator: 4 });
    // As of 30 June: no fulfilment verdict yet, one project started.
    expect(kpi('fulfilment_rate', facts, ctx({ asOf: '2026-06-30' }))).toEqual({ value: 0, numerator: 0, denominator: 4 });
    expect(kpi('construction_start_rate', facts, ctx({ asOf: '2026-04-15' }))).toEqual({ value: 25, numerator: 1, denominator: 4 });
  });

  it('履约率 follows the latest check on or before asOf', () => {
    const f = factsOf({
      projectId: 'a',
      signedOn: '2026-01-10',
      fulfilment: { lastCheckFulfilled: false, lastCheckOn: '2026-09-01', checks: [{ on: '2026-06-01', fulfilled: true }, { on: '2026-09-01', fulfilled: false }] },
    });
    expect(kpi('fulfilment_rate', [f], ctx({ asOf: '2026-07-01' })).numerator).toBe(1);
    expect(kpi('fulfilment_rate', [f], ctx({ asOf: '2026-10-01' })).numerator).toBe(0);
  });

  it('服务请求按时办结率 and 满意度 from the service requests in the context', () => {
    const services = [
      serviceOf({ requestId: 'r1', projectId: 'a', status: 'closed', closedOn: '2026-03-01', resolvedWithinLimit: true, ratings: [{ on: '2026-03-01', rating: 'satisfied' }] }),
      serviceOf({
        requestId: 'r2',
        projectId: 'a',
        status: 'closed',
        closedOn: '2026-03-10',
        resolvedWithinLimit: false,
        ratings: [
          { on: '2026-03-02', rating: 'unsatisfied' },
          { on: '2026-03-10', rating: 'basically_satisfied' },
        ],
      }),
      serviceOf({ requestId: 'r3', projectId: 'a', status: 'accepted' }),
    ];
    expect(kpi('service_on_time_rate', [], ctx({ services }))).toEqual({ value: 50, numerator: 1, denominator: 2 });
    expect(kpi('satisfaction', [], ctx({ services }))).toEqual({ value: 66.67, numerator: 2, denominator: 3 });
    expect(kpi('satisfaction', [], ctx({ services, asOf: '2026-03-05' }))).toEqual({ value: 50, numerator: 1, denominator: 2 });
  });

  it('到位资金 in the window and against the target', () => {
    const facts = [
      factsOf({ projectId: 'a', funds: [{ date: '2026-03-01', amountYi: 1.1 }, { date: '2026-07-01', amountYi: 2.2 }] }),
      factsOf({ projectId: 'b', funds: [{ date: '2025-12-31', amountYi: 5 }, { date: '2026-06-30', amountYi: 0.2 }] }),
    ];
    expect(kpi('funds_in_place_yi', facts)).toEqual({ value: 3.5, numerator: 3.5, denominator: null });
    expect(kpi('funds_in_place_yi', facts, ctx({ asOf: '2026-06-30' })).value).toBe(1.3);
    expect(kpi('funds_vs_target', facts, ctx({ target: { fundsInPlaceYi: 7, contractInvestmentYi: null } }))).toEqual({ value: 50, numerator: 3.5, denominator: 7 });
    expect(kpi('funds_vs_target', facts).value).toBeNull();
    expect(kpi('funds_vs_target', facts, ctx({ target: { fundsInPlaceYi: 0, contractInvestmentYi: null } })).value).toBeNull();
  });

  it('counts: projects, signed, contract investment, bands ≥1/≥5/≥10亿, 500强', () => {
    const facts = [
      factsOf({ projectId: 'a', signedOn: '2026-02-01', contractInvestmentYi: 0.5 }),
      factsOf({ projectId: 'b', signedOn: '2026-02-01', contractInvestmentYi: 1 }),
      factsOf({ projectId: 'c', signedOn: '2026-02-01', contractInvestmentYi: 5, fortune500Lists: ['china'] }),
      factsOf({ projectId: 'd', signedOn: '2026-02-01', contractInvestmentYi: 12.3, fortune500Lists: ['global', 'private'] }),
      factsOf({ projectId: 'e', registeredOn: '2025-11-01' }),
    ];
    expect(kpi('projects_registered', facts).value).toBe(4);
    expect(kpi('projects_signed', facts).value).toBe(4);
    expect(kpi('contract_investment_yi', facts).value).toBe(18.8);
    expect(kpi('signed_ge_1yi', facts).value).toBe(3);
    expect(kpi('signed_ge_5yi', facts).value).toBe(2);
    expect(kpi('signed_ge_10yi', facts).value).toBe(1);
    expect(kpi('fortune500_signed', facts).value).toBe(2);
  });
});

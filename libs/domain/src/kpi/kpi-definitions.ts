import { daysBetween } from '../project/calendar-dates';
import { byAsOf, inWindow, type KpiContext } from './kpi-window';
import type { NodeFacts, KpiFacts } from './project-facts';

/** A KPI's figure: value = numerator / denominator (× 100 for %); null when there is no denominator, never NaN. */
export interface KpiValue {
  value: number | null;
  numerator: number | null;
  denominator: number | null;
}

export type KpiUnit = '%' | '天' | '亿元' | '个';

/**
 * How a KPI's figure is made from its tally: a rate (numerator ÷ denominator × 100), a mean
 * (sum ÷ count), a median (of the listed values), a total (the numerator), or a sum against the
 * group's target (到位资金目标完成率).
 */
export type KpiAggregate = 'ratio' | 'mean' | 'median' | 'total' | 'vs_target';

/**
 * A KPI's parts over some projects, before its figure is made. Tallies of disjoint sets of
 * projects add up (numerators and denominators summed, values listed together) to the tally of
 * all of them: a table is kept as the sum of its shards' tallies and only a changed shard is
 * counted again (kpi-table-tally.ts, issue 12).
 */
export interface KpiTally {
  numerator: number;
  denominator: number;
  /** The values a median is taken of; null for every other aggregate. */
  values: readonly number[] | null;
}

export interface KpiDefinition {
  code: string;
  label: string;
  /** The exact rule, in Chinese, as staff and auditors read it. */
  formula: string;
  unit: KpiUnit;
  aggregate: KpiAggregate;
  /** The KPI's parts over these projects (and ctx.services) in the window. */
  tally(facts: readonly KpiFacts[], ctx: KpiContext): KpiTally;
  /** The KPI's figure over these projects: its tally, made into a figure (kpiValue). */
  compute(facts: readonly KpiFacts[], ctx: KpiContext): KpiValue;
}

const round = (n: number, places = 4) => Math.round(n * 10 ** places) / 10 ** places;

function ratio(numerator: number, denominator: number): KpiValue {
  return { value: denominator > 0 ? round((numerator / denominator) * 100, 2) : null, numerator, denominator };
}

function mean(sum: number, n: number): KpiValue {
  return { value: n > 0 ? round(sum / n, 2) : null, numerator: sum, denominator: n };
}

function median(values: readonly number[]): KpiValue {
  if (values.length === 0) return { value: null, numerator: null, denominator: 0 };
  // A typed array sorts numerically, natively: a row's cohort can be tens of thousands of projects.
  const sorted = Float64Array.from(values).sort();
  const mid = Math.floor(sorted.length / 2);
  const value = sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  return { value, numerator: value, denominator: values.length };
}

/** How many items pass: a loop, not an array per KPI per row (GC was a third of a 100,000-project table). */
function count<T>(items: readonly T[], test: (item: T) => unknown): number {
  let n = 0;
  for (const item of items) if (test(item)) n += 1;
  return n;
}

/** A count or a sum: the figure itself, with no denominator. */
function total(n: number): KpiValue {
  return { value: round(n), numerator: round(n), denominator: null };
}

/** The sum against the group's target (none: no figure, the sum kept as its numerator). */
function vsTarget(sum: number, target: number | null): KpiValue {
  const funds = round(sum);
  return target && target > 0 ? { ...ratio(funds, target), numerator: funds, denominator: target } : { value: null, numerator: funds, denominator: null };
}

/** A KPI's figure from its tally (and, for a sum against target, the group's target). */
export function kpiValue(aggregate: KpiAggregate, tally: KpiTally, target: KpiContext['target']): KpiValue {
  switch (aggregate) {
    case 'ratio':
      return ratio(tally.numerator, tally.denominator);
    case 'mean':
      return mean(tally.numerator, tally.denominator);
    case 'median':
      return median(tally.values ?? []);
    case 'total':
      return total(tally.numerator);
    case 'vs_target':
      return vsTarget(tally.numerator, target?.fundsInPlaceYi ?? null);
  }
}

/** Parts that are a numerator and a denominator (rates, means, counts and sums). */
const parts = (numerator: number, denominator = 0): KpiTally => ({ numerator, denominator, values: null });
const sumOf = (values: readonly number[]) => {
  let sum = 0;
  for (const v of values) sum += v;
  return sum;
};

/**
 * Figures several KPIs of one table row share (the signed cohort that ten rates and counts divide
 * by, the funds of the window that two KPIs sum), worked out once per row: computeKpiTable hands
 * every definition of a row the same facts and context.
 */
const shared = new WeakMap<KpiContext, { facts: readonly KpiFacts[]; values: Map<string, unknown> }>();

function oncePerRow<T>(facts: readonly KpiFacts[], ctx: KpiContext, key: string, compute: () => T): T {
  let row = shared.get(ctx);
  if (!row || row.facts !== facts) shared.set(ctx, (row = { facts, values: new Map() }));
  if (!row.values.has(key)) row.values.set(key, compute());
  return row.values.get(key) as T;
}

/** Projects signed in the window (the cohort of every "÷ 签约项目数" rate). Read-only: shared by the row's KPIs. */
function signedIn(facts: readonly KpiFacts[], ctx: KpiContext): readonly KpiFacts[] {
  return oncePerRow(facts, ctx, 'signed', () => facts.filter((f) => inWindow(f.signedOn, ctx)));
}

/** Days from registration to signing of the row's signed cohort (its mean and its median). */
const leadToSigningDays = (facts: readonly KpiFacts[], ctx: KpiContext) =>
  oncePerRow(facts, ctx, 'leadToSigningDays', () => signedIn(facts, ctx).map((f) => daysBetween(f.registeredOn, f.signedOn!)));

const fundsOfRow = (facts: readonly KpiFacts[], ctx: KpiContext) => oncePerRow(facts, ctx, 'funds', () => fundsSum(facts, ctx));

/** Days from signing to a completion date, summed and counted, for projects whose completion falls in the window. */
function sinceSigning(facts: readonly KpiFacts[], ctx: KpiContext, pick: (f: KpiFacts) => string | null): KpiTally {
  let sum = 0;
  let n = 0;
  for (const f of facts) {
    const on = pick(f);
    if (!f.signedOn || !inWindow(on, ctx)) continue;
    sum += daysBetween(f.signedOn, on);
    n += 1;
  }
  return parts(sum, n);
}

const completedNode = (f: KpiFacts, kind: string, asOf: string) => byAsOf(f.nodes.find((n) => n.kind === kind)?.completedOn, asOf);

/** 履约 as of asOf: the latest fulfilment check on or before it found the contract fulfilled, or the project was completed (履约完成). */
export function fulfilledAsOf(f: KpiFacts, asOf: string): boolean {
  if (f.closure && byAsOf(f.closure.on, asOf)) return f.closure.outcome === 'completed';
  const checks = f.fulfilment.checks.filter((c) => c.on <= asOf);
  return checks.length > 0 && checks[checks.length - 1].fulfilled;
}

const SATISFIED = new Set(['satisfied', 'basically_satisfied']);

type KpiRule = Omit<KpiDefinition, 'compute'>;

const band = (min: number): Pick<KpiRule, 'unit' | 'aggregate' | 'tally'> => ({
  unit: '个',
  aggregate: 'total',
  tally: (facts, ctx) => parts(count(signedIn(facts, ctx), (f) => (f.contractInvestmentYi ?? 0) >= min)),
});

/** A rule with its figure made the one way (kpiValue) from its tally. */
const defined = (rule: KpiRule): KpiDefinition => ({ ...rule, compute: (facts, ctx) => kpiValue(rule.aggregate, rule.tally(facts, ctx), ctx.target) });

/** Every KPI, defined once: the API, the exports, the leaderboards and the tests read this list. */
const KPI_RULES: readonly KpiRule[] = [
  {
    code: 'decision_48h_compliance',
    label: '48小时决策合规率',
    formula:
      '统计期内作出的研判决定（承接或不予承接）中，在研判时限（48小时）内作出的项目数 ÷ 统计期内作出研判决定的项目数 × 100%。时限按计时器的有效计时计算，暂停计时（补充材料、人工暂停）的时间不计入；导入项目在导入之前作出的决定未经本系统计时，不计入分子和分母。',
    unit: '%',
    aggregate: 'ratio',
    tally: (facts, ctx) => {
      const decided = facts.filter((f) => f.intake.measured && inWindow(f.intake.decidedOn, ctx));
      return parts(count(decided, (f) => f.intake.withinLimit === true), decided.length);
    },
  },
  {
    code: 'lead_to_signing_days_mean',
    label: '线索→签约平均天数',
    formula: '统计期内签约的项目，从线索登记日到签约日的自然日天数之和 ÷ 这些项目数。',
    unit: '天',
    aggregate: 'mean',
    tally: (facts, ctx) => {
      const days = leadToSigningDays(facts, ctx);
      return parts(sumOf(days), days.length);
    },
  },
  {
    code: 'lead_to_signing_days_median',
    label: '线索→签约天数中位数',
    formula: '统计期内签约的项目，从线索登记日到签约日的自然日天数的中位数（项目数为偶数时取中间两个数的平均）。',
    unit: '天',
    aggregate: 'median',
    tally: (facts, ctx) => ({ numerator: 0, denominator: 0, values: leadToSigningDays(facts, ctx) }),
  },
  {
    code: 'signing_to_equipment_entry_days',
    label: '签约→设备进场平均天数',
    formula: '统计期内完成"设备进场"节点的项目，从签约日到设备进场节点完成日的自然日天数之和 ÷ 这些项目数。',
    unit: '天',
    aggregate: 'mean',
    tally: (facts, ctx) => sinceSigning(facts, ctx, (f) => f.equipmentEntryOn),
  },
  {
    code: 'signing_to_production_days',
    label: '签约→投产平均天数',
    formula: '统计期内完成"正式投产"节点的项目，从签约日到正式投产节点完成日的自然日天数之和 ÷ 这些项目数。',
    unit: '天',
    aggregate: 'mean',
    tally: (facts, ctx) => sinceSigning(facts, ctx, (f) => f.productionOn),
  },
  {
    code: 'milestone_on_time_rate',
    label: '节点按期完成率',
    formula:
      '现行建设计划中到期日在统计期内（且不晚于统计截止日）的节点，在到期日当天或之前完成的节点数 ÷ 这些到期节点数 × 100%。重新制定计划后按现行计划的到期日计算；逾期未完成或逾期完成的节点计为未按期。',
    unit: '%',
    aggregate: 'ratio',
    tally: (facts, ctx) => {
      // Plain loops: flatMap over 10,000 projects' nodes is the slowest step of a KPI table.
      let due = 0;
      let onTime = 0;
      const tallyNode = (n: NodeFacts) => {
        due += 1;
        if (byAsOf(n.completedOn, ctx.asOf) && n.completedOn <= n.dueOn) onTime += 1;
      };
      if (ctx.events) for (const n of ctx.events.nodes) tallyNode(n);
      else for (const f of facts) for (const n of f.nodes) if (inWindow(n.dueOn, ctx)) tallyNode(n);
      return parts(onTime, due);
    },
  },
  {
    code: 'fulfilment_rate',
    label: '履约率',
    formula:
      '统计期内新签约项目中，截至统计截止日履约的项目数 ÷ 统计期内新签约项目数 × 100%。履约指：最近一次履约检查认定履约，或项目已履约完成；合同终止的项目计为未履约。导入项目计入。',
    unit: '%',
    aggregate: 'ratio',
    tally: (facts, ctx) => {
      const cohort = signedIn(facts, ctx);
      return parts(count(cohort, (f) => fulfilledAsOf(f, ctx.asOf)), cohort.length);
    },
  },
  {
    code: 'construction_start_rate',
    label: '开竣工率',
    formula: '统计期内签约项目中，截至统计截止日已完成"开工建设"节点的项目数 ÷ 统计期内签约项目数 × 100%（开工率；竣工以"正式投产"计入投产转化率）。',
    unit: '%',
    aggregate: 'ratio',
    tally: (facts, ctx) => {
      const cohort = signedIn(facts, ctx);
      return parts(count(cohort, (f) => byAsOf(f.constructionStartOn, ctx.asOf)), cohort.length);
    },
  },
  {
    code: 'landing_rate',
    label: '落地率',
    formula: '统计期内签约项目中，截至统计截止日已落地（"公司注册"与"土地/厂房交付"两个节点均已完成）的项目数 ÷ 统计期内签约项目数 × 100%。',
    unit: '%',
    aggregate: 'ratio',
    tally: (facts, ctx) => {
      const cohort = signedIn(facts, ctx);
      return parts(count(cohort, (f) => completedNode(f, 'company_registration', ctx.asOf) && completedNode(f, 'land_handover', ctx.asOf)), cohort.length);
    },
  },
  {
    code: 'production_conversion_rate',
    label: '投产转化率',
    formula: '统计期内签约项目中，截至统计截止日已完成"正式投产"节点的项目数 ÷ 统计期内签约项目数 × 100%。',
    unit: '%',
    aggregate: 'ratio',
    tally: (facts, ctx) => {
      const cohort = signedIn(facts, ctx);
      return parts(count(cohort, (f) => byAsOf(f.productionOn, ctx.asOf)), cohort.length);
    },
  },
  {
    code: 'service_on_time_rate',
    label: '服务请求按时办结率',
    formula:
      '统计期内销单（企业评价满意或基本满意）的服务请求中，最后一次办理在办结时限内完成的请求数 ÷ 统计期内销单的请求数 × 100%。时限按计时器有效计时，暂停时间不计；被评"不满意"重新办理的，以重新办理的计时为准。',
    unit: '%',
    aggregate: 'ratio',
    tally: (_facts, ctx) => {
      const closed = ctx.services.filter((s) => inWindow(s.closedOn, ctx));
      return parts(count(closed, (s) => s.resolvedWithinLimit === true), closed.length);
    },
  },
  {
    code: 'satisfaction',
    label: '满意度',
    formula: '统计期内企业对服务请求的评价中，"满意"与"基本满意"的评价次数 ÷ 评价总次数 × 100%（每次评价都计入，含导致重新办理的"不满意"）。',
    unit: '%',
    aggregate: 'ratio',
    tally: (_facts, ctx) => {
      const ratings = ctx.services.flatMap((s) => s.ratings).filter((r) => inWindow(r.on, ctx));
      return parts(count(ratings, (r) => SATISFIED.has(r.rating)), ratings.length);
    },
  },
  {
    code: 'funds_in_place_yi',
    label: '到位资金',
    formula: '到位资金台账中到位日期在统计期内（且不晚于统计截止日）的金额之和（亿元）。',
    unit: '亿元',
    aggregate: 'total',
    tally: (facts, ctx) => parts(fundsOfRow(facts, ctx)),
  },
  {
    code: 'funds_vs_target',
    label: '到位资金目标完成率',
    formula: '统计期内到位资金之和 ÷ 该归属单位（部门、小分队或人员）当年到位资金目标 × 100%；无目标时不计算。',
    unit: '%',
    aggregate: 'vs_target',
    tally: (facts, ctx) => parts(fundsOfRow(facts, ctx)),
  },
  {
    code: 'projects_registered',
    label: '登记项目数',
    formula: '线索登记日在统计期内的项目数。',
    unit: '个',
    aggregate: 'total',
    tally: (facts, ctx) => parts(count(facts, (f) => inWindow(f.registeredOn, ctx))),
  },
  {
    code: 'projects_signed',
    label: '签约项目数',
    formula: '签约日在统计期内的项目数。',
    unit: '个',
    aggregate: 'total',
    tally: (facts, ctx) => parts(signedIn(facts, ctx).length),
  },
  {
    code: 'contract_investment_yi',
    label: '合同投资额',
    formula: '签约日在统计期内的项目的合同投资额之和（亿元）。',
    unit: '亿元',
    aggregate: 'total',
    tally: (facts, ctx) => parts(signedIn(facts, ctx).reduce((sum, f) => sum + (f.contractInvestmentYi ?? 0), 0)),
  },
  { code: 'signed_ge_1yi', label: '1亿元以上签约项目数', formula: '签约日在统计期内、合同投资额 ≥ 1亿元的项目数。', ...band(1) },
  { code: 'signed_ge_5yi', label: '5亿元以上签约项目数', formula: '签约日在统计期内、合同投资额 ≥ 5亿元的项目数。', ...band(5) },
  { code: 'signed_ge_10yi', label: '10亿元以上签约项目数', formula: '签约日在统计期内、合同投资额 ≥ 10亿元的项目数。', ...band(10) },
  {
    code: 'fortune500_signed',
    label: '500强签约项目数',
    formula: '签约日在统计期内、投资方属于世界500强、中国500强或中国民营企业500强（任一）的项目数。',
    unit: '个',
    aggregate: 'total',
    tally: (facts, ctx) => parts(count(signedIn(facts, ctx), (f) => f.fortune500Lists.length > 0)),
  },
];

export const KPI_DEFINITIONS: readonly KpiDefinition[] = KPI_RULES.map(defined);

/** 到位资金 dated in the window (and not after asOf), summed over projects (rounded as figures are). */
export function fundsIn(facts: readonly KpiFacts[], ctx: Pick<KpiContext, 'from' | 'to' | 'asOf'>): number {
  return round(fundsSum(facts, ctx));
}

/** The same sum unrounded (a tally's part, rounded only once the shards' parts are added up), from the window's events when placed. */
function fundsSum(facts: readonly KpiFacts[], ctx: Pick<KpiContext, 'from' | 'to' | 'asOf' | 'events'>): number {
  let sum = 0;
  if (ctx.events) for (const e of ctx.events.funds) sum += e.amountYi;
  else for (const f of facts) for (const e of f.funds) if (inWindow(e.date, ctx)) sum += e.amountYi;
  return sum;
}

export const KPI_CODES = KPI_DEFINITIONS.map((d) => d.code);

export function kpiDefinition(code: string): KpiDefinition | undefined {
  return KPI_DEFINITIONS.find((d) => d.code === code);
}

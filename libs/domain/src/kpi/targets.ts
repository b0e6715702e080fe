import { DomainError, ERROR_CODES } from '../errors';
import { isCalendarDate } from '../project/calendar-dates';
import { fundsIn } from './kpi-definitions';
import { inWindow } from './kpi-window';
import type { KpiFacts } from './project-facts';
import { localized } from '../i18n/localized';

/** Who an annual target is set for: a department, a team (小分队), an officer, or the whole zone. */
export const TARGET_SCOPE_KINDS = ['department', 'team', 'officer', 'zone'] as const;
export type TargetScopeKind = (typeof TARGET_SCOPE_KINDS)[number];
export const TARGET_SCOPE_KIND_LABELS: Record<TargetScopeKind, string> = { department: '部门', team: '小分队', officer: '招商人员', zone: '全区' };

/** The measures a target can set (null = not set for this scope). */
export const TARGET_MEASURES = ['contractInvestmentYi', 'fundsInPlaceYi', 'countGe1', 'countGe5', 'countGe10', 'fortune500Count'] as const;
export type TargetMeasure = (typeof TARGET_MEASURES)[number];
export const TARGET_MEASURE_LABELS: Record<TargetMeasure, string> = {
  contractInvestmentYi: '合同引资额（亿元）',
  fundsInPlaceYi: '实际到位资金（亿元）',
  countGe1: '1亿元以上项目数',
  countGe5: '5亿元以上项目数',
  countGe10: '10亿元以上项目数',
  fortune500Count: '500强项目数',
};

export interface AnnualTarget {
  year: number;
  scopeKind: TargetScopeKind;
  /** Department id, team id or user id; 'zone' for the zone. */
  scopeId: string;
  contractInvestmentYi: number | null;
  fundsInPlaceYi: number | null;
  countGe1: number | null;
  countGe5: number | null;
  countGe10: number | null;
  fortune500Count: number | null;
}

const MAX_TARGET = 1_000_000;

function invalid(field: string, zh: string, en: string): never {
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}：${zh}`, `{field}: ${en}`), field);
}

/** Validates one target as sent to PUT /targets; a 400 names the field. */
export function parseAnnualTarget(input: unknown, prefix = ''): AnnualTarget {
  if (!input || typeof input !== 'object' || Array.isArray(input)) invalid(prefix || 'body', '须为目标对象', 'must be a target object');
  const raw = input as Record<string, unknown>;
  const year = raw.year;
  if (typeof year !== 'number' || !Number.isInteger(year) || year < 2000 || year > 2100) invalid(`${prefix}year`, '年度须为 2000 至 2100 之间的整数', 'must be a whole number from 2000 to 2100');
  const scopeKind = raw.scopeKind;
  if (typeof scopeKind !== 'string' || !(TARGET_SCOPE_KINDS as readonly string[]).includes(scopeKind)) {
    invalid(`${prefix}scopeKind`, `目标对象类型须为 ${TARGET_SCOPE_KINDS.map((k) => `${k}（${TARGET_SCOPE_KIND_LABELS[k]}）`).join('、')} 之一`, `must be one of ${TARGET_SCOPE_KINDS.join(', ')}`);
  }
  let scopeId = raw.scopeId;
  if (scopeKind === 'zone') scopeId = 'zone';
  if (typeof scopeId !== 'string' || scopeId.trim() === '' || scopeId.length > 200) invalid(`${prefix}scopeId`, '目标对象编号不能为空', 'must not be empty');
  const target: AnnualTarget = {
    year,
    scopeKind: scopeKind as TargetScopeKind,
    scopeId: (scopeId as string).trim(),
    contractInvestmentYi: null,
    fundsInPlaceYi: null,
    countGe1: null,
    countGe5: null,
    countGe10: null,
    fortune500Count: null,
  };
  for (const measure of TARGET_MEASURES) {
    const value = raw[measure];
    if (value === undefined || value === null) continue;
    const integer = measure.startsWith('count') || measure === 'fortune500Count';
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > MAX_TARGET || (integer && !Number.isInteger(value))) {
      invalid(`${prefix}${measure}`, `${TARGET_MEASURE_LABELS[measure]}须为 0 至 ${MAX_TARGET} 之间的${integer ? '整数' : '数'}`, `must be a ${integer ? 'whole number' : 'number'} from 0 to ${MAX_TARGET}`);
    }
    target[measure] = value;
  }
  if (TARGET_MEASURES.every((m) => target[m] === null)) invalid(`${prefix}contractInvestmentYi`, '至少须设定一项目标', 'at least one target must be set');
  return target;
}

export function requireAsOfDate(value: unknown, field = 'asOf'): string {
  if (!isCalendarDate(value)) invalid(field, '须为日期 YYYY-MM-DD', 'must be a date YYYY-MM-DD');
  return value;
}

/** Whether a project is credited to the target's scope (by its OWNER). */
export function creditedTo(f: KpiFacts, scopeKind: TargetScopeKind, scopeId: string): boolean {
  switch (scopeKind) {
    case 'zone':
      return true;
    case 'department':
      return f.owner?.departmentId === scopeId;
    case 'team':
      return f.owner?.teamId === scopeId;
    case 'officer':
      return f.owner?.userId === scopeId;
  }
}

export type TargetActuals = Record<TargetMeasure, number>;

/** The year's figures from 1 January to `to` (inclusive), known by asOf. */
export function actualsBetween(facts: readonly KpiFacts[], from: string, to: string, asOf: string): TargetActuals {
  const window = { from, to, asOf };
  const signed = facts.filter((f) => inWindow(f.signedOn, window));
  const count = (min: number) => signed.filter((f) => (f.contractInvestmentYi ?? 0) >= min).length;
  return {
    contractInvestmentYi: Math.round(signed.reduce((s, f) => s + (f.contractInvestmentYi ?? 0), 0) * 10_000) / 10_000,
    fundsInPlaceYi: fundsIn(facts, window),
    countGe1: count(1),
    countGe5: count(5),
    countGe10: count(10),
    fortune500Count: signed.filter((f) => f.fortune500Lists.length > 0).length,
  };
}

export interface MeasureProgress {
  measure: TargetMeasure;
  label: string;
  target: number | null;
  actual: number;
  /** actual ÷ target × 100 (%); null without a target (or a target of 0). */
  percent: number | null;
}

/**
 * 双过半 (seed 004: 上半年实现招商合同投资额和实际到位资金"双过半").
 */
export const DOUBLE_HALF_DEFINITION =
  '双过半：某年度截至6月30日（含当日），归属该单位的签约项目合同投资额（签约日在1月1日至6月30日）与实际到位资金（到位日期在1月1日至6月30日）均达到该单位当年目标的50%及以上，即为实现"双过半"。' +
  '6月30日之前查询：两项均已达到50%为"已提前实现"；两项进度均不低于时间进度（年初至查询日天数 ÷ 1月1日至6月30日天数 × 50%）为"进度正常"，否则为"进度滞后"。' +
  '6月30日当日及之后查询：按截至6月30日的数字判定"已实现"或"未实现"（7月1日及以后到位的资金、签约的项目不计入）。任一项目标未设定或为0时为"无目标"，不作判定。';

export const DOUBLE_HALF_STATUSES = ['achieved_early', 'on_track', 'behind', 'met', 'missed', 'no_target'] as const;
export type DoubleHalfStatus = (typeof DOUBLE_HALF_STATUSES)[number];
export const DOUBLE_HALF_STATUS_LABELS: Record<DoubleHalfStatus, string> = {
  achieved_early: '已提前实现',
  on_track: '进度正常',
  behind: '进度滞后',
  met: '已实现',
  missed: '未实现',
  no_target: '无目标',
};

export interface DoubleHalf {
  status: DoubleHalfStatus;
  label: string;
  /** 30 June of the target's year. */
  deadline: string;
  /** The date the figures run to: min(asOf, 30 June). */
  evaluatedTo: string;
  contractInvestment: { actual: number; target: number | null; percent: number | null };
  fundsInPlace: { actual: number; target: number | null; percent: number | null };
  /** Before 30 June: the share of the half-year elapsed × 50 % that "on track" needs. */
  requiredPercentToDate: number;
}

const percent = (actual: number, target: number | null) => (target && target > 0 ? Math.round((actual / target) * 10_000) / 100 : null);

const DAY_MS = 86_400_000;
const dayIndex = (date: string) => Date.parse(`${date}T00:00:00Z`) / DAY_MS;

/** 双过半 status of one target at asOf (see DOUBLE_HALF_DEFINITION). */
export function doubleHalfStatus(target: AnnualTarget, credited: readonly KpiFacts[], asOf: string): DoubleHalf {
  const start = `${target.year}-01-01`;
  const deadline = `${target.year}-06-30`;
  const evaluatedTo = asOf < deadline ? asOf : deadline;
  const actuals = asOf < start ? actualsBetween([], start, start, asOf) : actualsBetween(credited, start, evaluatedTo, asOf);
  const ci = { actual: actuals.contractInvestmentYi, target: target.contractInvestmentYi, percent: percent(actuals.contractInvestmentYi, target.contractInvestmentYi) };
  const fi = { actual: actuals.fundsInPlaceYi, target: target.fundsInPlaceYi, percent: percent(actuals.fundsInPlaceYi, target.fundsInPlaceYi) };
  const elapsed = asOf < start ? 0 : Math.min(1, (dayIndex(evaluatedTo) - dayIndex(start) + 1) / (dayIndex(deadline) - dayIndex(start) + 1));
  const required = Math.round(elapsed * 50 * 100) / 100;
  const result = (status: DoubleHalfStatus): DoubleHalf => ({
    status,
    label: DOUBLE_HALF_STATUS_LABELS[status],
    deadline,
    evaluatedTo,
    contractInvestment: ci,
    fundsInPlace: fi,
    requiredPercentToDate: required,
  });
  if (ci.percent === null || fi.percent === null) return result('no_target');
  const bothHalf = ci.percent >= 50 && fi.percent >= 50;
  if (asOf >= deadline) return result(bothHalf ? 'met' : 'missed');
  if (bothHalf) return result('achieved_early');
  return result(ci.percent >= required && fi.percent >= required ? 'on_track' : 'behind');
}

export interface TargetProgress {
  target: AnnualTarget;
  /** From 1 January of the year to min(asOf, 31 December). */
  to: string;
  measures: MeasureProgress[];
  doubleHalf: DoubleHalf;
}

/** Progress against every measure of a target at asOf, and its 双过半 status. */
export function targetProgress(target: AnnualTarget, facts: readonly KpiFacts[], asOf: string): TargetProgress {
  const credited = facts.filter((f) => creditedTo(f, target.scopeKind, target.scopeId));
  const start = `${target.year}-01-01`;
  const end = `${target.year}-12-31`;
  const to = asOf < end ? asOf : end;
  const actuals = asOf < start ? actualsBetween([], start, start, asOf) : actualsBetween(credited, start, to, asOf);
  return {
    target,
    to,
    measures: TARGET_MEASURES.map((measure) => ({
      measure,
      label: TARGET_MEASURE_LABELS[measure],
      target: target[measure],
      actual: actuals[measure],
      percent: percent(actuals[measure], target[measure]),
    })),
    doubleHalf: doubleHalfStatus(target, credited, asOf),
  };
}

import { DomainError, ERROR_CODES } from '../errors';
import { isCalendarDate, shanghaiDate } from './calendar-dates';
import type { ProjectState } from './project-state';
import { localized, type Localized } from '../i18n/localized';

/**
 * Date coherence outside import (issue 10, item 9): no contact, visit, signing, completion or
 * production dated before the lead was registered, no year outside 1900–2199, and nothing that
 * records what already happened dated in the future. Run by the update VALIDATOR only (the step
 * catalogue's `check` hook), never by the handler: histories recorded before these rules replay
 * unchanged, and an imported project (registered with its real past date) is checked against that date.
 */
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

/** How one date of a command is checked. `path` is a dotted path; `[]` walks every element of an array. */
export interface DateRule {
  path: string;
  /** Must not precede the lead's registration date (Asia/Shanghai). */
  notBeforeRegistration: boolean;
  /** Records what already happened: must not be after today (Asia/Shanghai). */
  notFuture: boolean;
  /** Chinese name of the date, for the message. */
  label: string;
}

const happened = (path: string, label: string): DateRule => ({ path, notBeforeRegistration: true, notFuture: true, label });
const planned = (path: string, label: string): DateRule => ({ path, notBeforeRegistration: true, notFuture: false, label });

/**
 * The steps with dates, by update name. Steps not listed get the year-range check on every
 * top-level YYYY-MM-DD field of their command, so a new step is never left unguarded.
 */
export const STEP_DATE_RULES: Record<string, DateRule[]> = {
  recordNegotiationContact: [happened('date', '接洽日期')],
  signContract: [
    happened('signedOn', '签约日期'),
    planned('committed.constructionStart', '承诺开工日期'),
    planned('committed.equipmentEntry', '承诺设备进场日期'),
    planned('committed.production', '承诺投产日期'),
    planned('committed.firstTax', '承诺首次纳税日期'),
  ],
  establishMilestonePlan: [planned('nodes[].dueOn', '计划完成日期')],
  rebaselinePlan: [planned('changes[].dueOn', '调整后的计划日期')],
  completeMilestone: [happened('completedOn', '节点完成日期')],
  logConstructionProgress: [happened('date', '进展日期')],
  recordProduction: [happened('actualDate', '实际投产日期')],
  // Steps of issue 10 (engineer A's catalogue): visits after negotiation, funds in place, first tax.
  recordVisit: [happened('date', '走访日期'), happened('visitedOn', '走访日期')],
  recordFundsInPlace: [happened('date', '资金到位日期')],
  recordFirstTax: [happened('date', '首次纳税日期'), happened('paidOn', '首次纳税日期')],
};

/** Throws VALIDATION_FAILED naming the first incoherent date of the command; `now` enables the not-in-the-future rule. */
export function checkStepDates(stepId: string, state: ProjectState, command: unknown, now?: number): void {
  const rules = STEP_DATE_RULES[stepId] ?? topLevelDateRules(command);
  checkDates(rules, state, command, now);
}

/** The rules applied to a command: exported so a step outside the table can state its own. */
export function checkDates(rules: DateRule[], state: ProjectState, command: unknown, now?: number): void {
  const registeredOn = shanghaiDate(state.registeredAt);
  const today = now === undefined ? null : shanghaiDate(now);
  for (const rule of rules) {
    for (const { field, value } of valuesAt(command, rule.path)) {
      // Shape is the transition's (and the DTO's) rule; only real dates are compared here.
      if (!isCalendarDate(value)) continue;
      const year = Number(value.slice(0, 4));
      if (year < MIN_YEAR || year > MAX_YEAR) {
        refuse(field, localized(`${rule.label}（${value}）的年份须在 ${MIN_YEAR}–${MAX_YEAR} 之间`, `${field} (${value}) must be in the years ${MIN_YEAR}–${MAX_YEAR}`));
      }
      if (rule.notBeforeRegistration && value < registeredOn) {
        refuse(field, localized(`${rule.label}（${value}）不得早于线索登记日期 ${registeredOn}`, `${field} (${value}) must not be before the lead's registration date ${registeredOn}`));
      }
      if (rule.notFuture && today !== null && value > today) {
        refuse(field, localized(`${rule.label}（${value}）不得晚于今天 ${today}`, `${field} (${value}) must not be in the future`));
      }
    }
  }
}

function refuse(field: string, message: Localized): never {
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, message, field);
}

function topLevelDateRules(command: unknown): DateRule[] {
  if (command === null || typeof command !== 'object') return [];
  return Object.entries(command)
    .filter(([, value]) => isCalendarDate(value))
    .map(([key]) => ({ path: key, notBeforeRegistration: false, notFuture: false, label: key }));
}

/** The values at a dotted path with `[]` for arrays, each with its field path as the API names it (`nodes[2].dueOn`). */
function valuesAt(root: unknown, path: string): Array<{ field: string; value: unknown }> {
  let current: Array<{ field: string; value: unknown }> = [{ field: '', value: root }];
  for (const segment of path.split('.')) {
    const isArray = segment.endsWith('[]');
    const key = isArray ? segment.slice(0, -2) : segment;
    const nextValues: Array<{ field: string; value: unknown }> = [];
    for (const { field, value } of current) {
      if (value === null || typeof value !== 'object') continue;
      const child = (value as Record<string, unknown>)[key];
      const childField = field ? `${field}.${key}` : key;
      if (!isArray) nextValues.push({ field: childField, value: child });
      else if (Array.isArray(child)) child.forEach((element, i) => nextValues.push({ field: `${childField}[${i}]`, value: element }));
    }
    current = nextValues;
  }
  return current;
}

import { hasAtMostDecimalPlaces, shanghaiDate } from '@zs/domain';

/**
 * The client-side rules of the step forms, mirroring what the API and the workflow check (the
 * DTO's shapes, the transitions' ranges and date coherence) so most mistakes are shown next to
 * the field before anything is sent. The API stays the authority: what it still refuses is shown
 * next to the field too (applyFieldErrors). Each rule answers a problem (a message key of the
 * console and its parameters) or null.
 */
export type RuleProblem =
  | { key: 'step.rule.required' }
  | { key: 'step.rule.positive' }
  | { key: 'step.rule.nonNegative' }
  | { key: 'step.rule.max'; params: { max: number } }
  | { key: 'step.rule.decimals'; params: { places: number } }
  | { key: 'step.rule.notFuture'; params: { today: string } }
  | { key: 'step.rule.notBefore'; params: { date: string; what: string } }
  | { key: 'step.rule.spaceRequired' };

/** Free text the API requires: not blank. */
export function requiredText(value: unknown): RuleProblem | null {
  return typeof value === 'string' && value.trim().length > 0 ? null : { key: 'step.rule.required' };
}

/** An amount: > 0 (or ≥ 0 when zero is allowed), at most `max`, at most `places` decimals. */
export function amountProblem(value: unknown, opts: { max: number; places?: number; allowZero?: boolean }): RuleProblem | null {
  if (value === null || value === undefined || value === '') return { key: 'step.rule.required' };
  if (typeof value !== 'number' || !Number.isFinite(value)) return { key: opts.allowZero ? 'step.rule.nonNegative' : 'step.rule.positive' };
  if (opts.allowZero ? value < 0 : value <= 0) return { key: opts.allowZero ? 'step.rule.nonNegative' : 'step.rule.positive' };
  if (value > opts.max) return { key: 'step.rule.max', params: { max: opts.max } };
  if (opts.places !== undefined && !hasAtMostDecimalPlaces(value, opts.places)) return { key: 'step.rule.decimals', params: { places: opts.places } };
  return null;
}

/**
 * A date of something that happened (a contact, a completion, funds in place): not after today in
 * Asia/Shanghai (the workflow's calendar, whatever the PC's time zone), and not before `notBefore`
 * (the registration or signing date, with `what` naming it).
 */
export function happenedDateProblem(date: string | null | undefined, now: number, notBefore?: { date: string; what: string }): RuleProblem | null {
  if (!date) return { key: 'step.rule.required' };
  const today = shanghaiDate(now);
  if (date > today) return { key: 'step.rule.notFuture', params: { today } };
  if (notBefore && date < notBefore.date) return { key: 'step.rule.notBefore', params: notBefore };
  return null;
}

/** A planned date (a due date, a committed date): only not before `notBefore`. */
export function plannedDateProblem(date: string | null | undefined, notBefore?: { date: string; what: string }): RuleProblem | null {
  if (!date) return { key: 'step.rule.required' };
  if (notBefore && date < notBefore.date) return { key: 'step.rule.notBefore', params: notBefore };
  return null;
}

/** The committed dates of a contract, in the order they must follow (each not before the one above it). */
export const COMMITTED_ORDER = ['constructionStart', 'equipmentEntry', 'production', 'firstTax'] as const;
export type CommittedKey = (typeof COMMITTED_ORDER)[number];

/**
 * The date a committed date may not precede: the signing date for the first, else the committed
 * date before it (as the workflow checks them: 开工 ≥ 签约, 设备进场 ≥ 开工, 投产 ≥ 设备进场, 纳税 ≥ 投产).
 */
export function previousCommitted(key: CommittedKey, values: { signedOn?: string | null; committed?: Partial<Record<CommittedKey, string | null>> }): { field: 'signedOn' | CommittedKey; date: string | null } {
  const i = COMMITTED_ORDER.indexOf(key);
  if (i === 0) return { field: 'signedOn', date: values.signedOn ?? null };
  const prev = COMMITTED_ORDER[i - 1];
  return { field: prev, date: values.committed?.[prev] ?? null };
}

/** Space taken from the zone: land or factory area, at least one above zero. */
export function spaceProblem(landAreaM2: unknown, factoryAreaM2: unknown): RuleProblem | null {
  const given = (v: unknown) => typeof v === 'number' && v > 0;
  return given(landAreaM2) || given(factoryAreaM2) ? null : { key: 'step.rule.spaceRequired' };
}

/** The intake decision: a rejection needs its reason, a request for information what is missing. */
export function intakeDecisionProblem(action: string | undefined, field: 'reason' | 'missing', value: unknown): RuleProblem | null {
  const needed = (action === 'reject' && field === 'reason') || (action === 'request_info' && field === 'missing');
  return needed ? requiredText(value) : null;
}

/** The negotiation outcome: a lost project needs its reason. */
export function negotiationOutcomeProblem(outcome: string | undefined, reason: unknown): RuleProblem | null {
  return outcome === 'lost' ? requiredText(reason) : null;
}

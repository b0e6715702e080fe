import { DomainError, ERROR_CODES } from '../errors';
import type { Actor } from '../roles';
import type { Stage } from '../stages';
import { requirePastDate, requireStageIn } from './new-step-helpers';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission } from './transition-helpers';
import { localized } from '../i18n/localized';

export interface RecordFirstTaxCommand {
  date: string;
  amountWanYuan?: number | null;
}

export const FIRST_TAX_RECORDED = 'tax.first_recorded';
export const FIRST_TAX_STAGES: readonly Stage[] = ['construction', 'service'];
const MAX_TAX_WAN_YUAN = 100_000_000;

/** 首次纳税: the actual date (and amount, if known), once; a second recording is refused (409). */
export function recordFirstTax(state: ProjectState, cmd: RecordFirstTaxCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'fulfilment.check');
  requireStageIn(state, FIRST_TAX_STAGES, localized('录入首次纳税', 'record the first tax payment'));
  if (state.firstTax) {
    throw new DomainError(ERROR_CODES.ALREADY_EXISTS, localized(`首次纳税日期已于 ${state.firstTax.date} 录入，不能再次录入`, `the first tax payment was recorded already (${state.firstTax.date})`));
  }
  const date = requirePastDate(cmd?.date, 'date', localized('首次纳税日期', 'first tax date'), now);
  const signedOn = state.contract?.signedOn;
  if (signedOn && date < signedOn) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`首次纳税日期不能早于签约日期 ${signedOn}`, `the first tax date must not be before the signing date ${signedOn}`), 'date');
  }
  const amount = cmd.amountWanYuan;
  if (amount !== undefined && amount !== null && (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_TAX_WAN_YUAN)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`首次纳税金额（万元）须为 0 至 ${MAX_TAX_WAN_YUAN} 之间的数`, `amountWanYuan must be a number from 0 to ${MAX_TAX_WAN_YUAN}`), 'amountWanYuan');
  }
  const amountWanYuan = amount ?? null;
  return next(state, { firstTax: { date, amountWanYuan, recordedBy: actor, recordedAt: now } }, now, actor, FIRST_TAX_RECORDED, { date, amountWanYuan });
}

import { DomainError, ERROR_CODES } from '../errors';
import { INVESTMENT_DECIMAL_PLACES, MAX_ESTIMATED_INVESTMENT_YI } from '../lead';
import type { Actor } from '../roles';
import type { Stage } from '../stages';
import { FUNDS_SOURCES, FUNDS_SOURCE_LABELS, type FundsEntry, type FundsSource } from './funds';
import { requirePastDate, requireStageIn } from './new-step-helpers';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized } from '../i18n/localized';

/** 到位资金: one dated entry of the ledger. */
export interface RecordFundsCommand {
  amountYi: number;
  date: string;
  source: FundsSource;
  evidence: string;
}

export const FUNDS_RECORDED = 'funds.recorded';
/** From signing on: during construction too (the reports' complaint), and in the service phase. */
export const FUNDS_STAGES: readonly Stage[] = ['construction', 'service'];

function requireAmountYi(value: unknown): number {
  const field = 'amountYi';
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('到位金额（亿元）须为大于 0 的数', 'amountYi (100 million yuan) must be a number greater than 0'), field);
  }
  if (value > MAX_ESTIMATED_INVESTMENT_YI) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`到位金额（亿元）不能超过 ${MAX_ESTIMATED_INVESTMENT_YI}`, `amountYi (100 million yuan) must be at most ${MAX_ESTIMATED_INVESTMENT_YI}`), field);
  }
  const scaled = value * 10 ** INVESTMENT_DECIMAL_PLACES;
  if (Math.abs(scaled - Math.round(scaled)) > 1e-6) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`到位金额（亿元）最多 ${INVESTMENT_DECIMAL_PLACES} 位小数`, `amountYi must have at most ${INVESTMENT_DECIMAL_PLACES} decimal places`), field);
  }
  return value;
}

/**
 * 录入到位资金: appends one entry. `entryId` comes from the workflow (the update id, or a
 * workflow uuid), so the transition stays pure and a retried step keeps its id.
 */
export function recordFundsInPlace(state: ProjectState, cmd: RecordFundsCommand, actor: Actor, now: number, entryId: string): Transition {
  requirePermission(actor, 'funds.record');
  requireStageIn(state, FUNDS_STAGES, localized('录入到位资金', 'record funds in place'));
  if (!cmd) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('到位金额（亿元）为必填项', 'amountYi (100 million yuan) is required'), 'amountYi');
  const amountYi = requireAmountYi(cmd.amountYi);
  const date = requirePastDate(cmd.date, 'date', localized('到位日期', 'date the funds arrived'), now);
  const signedOn = state.contract?.signedOn;
  if (signedOn && date < signedOn) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`到位日期不能早于签约日期 ${signedOn}`, `the date the funds arrived must not be before the signing date ${signedOn}`), 'date');
  }
  if (!(FUNDS_SOURCES as readonly string[]).includes(cmd.source)) {
    const allowed = FUNDS_SOURCES.map((s) => `${s}（${FUNDS_SOURCE_LABELS[s]}）`).join('、');
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`资金来源须为：${allowed}`, `source must be one of ${FUNDS_SOURCES.join(', ')}`), 'source');
  }
  const evidence = requireText(cmd.evidence, 'evidence');
  const entry: FundsEntry = { entryId, amountYi, date, source: cmd.source, evidence, recordedBy: actor, recordedAt: now };
  return next(state, { funds: [...(state.funds ?? []), entry] }, now, actor, FUNDS_RECORDED, {
    entryId,
    amountYi,
    date,
    source: cmd.source,
    evidence,
  });
}

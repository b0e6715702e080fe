import { DomainError, ERROR_CODES } from '../errors';
import type { Actor } from '../roles';
import { STAGE_LABELS } from '../stages';
import { FULFILMENT_CHECK_EVERY_MS } from '../sla/fulfilment-policy';
import { fulfilmentScheduleOf, type FulfilmentState } from './fulfilment-state';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized, type Localized } from '../i18n/localized';
import { stageRefusal } from './stage-refusal';

const MAX_TAX_WAN_YUAN = 100_000_000;

export interface RecordFulfilmentCheckCommand {
  investmentInPlaceYi: number;
  taxPaidWanYuan: number;
  fulfilled: boolean;
  note: string;
}

export interface CompleteProjectCommand {
  reason: string;
}

export interface TerminateContractCommand {
  reason: string;
  approver: string;
}

/** The fulfilment schedule; a project that reached service before it existed starts it now. */
export function fulfilmentOf(state: ProjectState, now: number): FulfilmentState {
  return state.fulfilment ?? { nextCheckDueAt: now + FULFILMENT_CHECK_EVERY_MS, checks: [] };
}

function requireNonNegative(value: unknown, field: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}须为不小于 0 的数', '{field} must be a number ≥ 0'), field);
  }
  if (value > max) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}不能超过 ${max}`, `{field} must be at most ${max}`), field);
  return value;
}

function requireService(state: ProjectState, doing: Localized): void {
  if (state.stage !== 'service') {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, stageRefusal(state.stage, doing, ['service']));
  }
}

/** 履约检查: compares what is in place with what the contract committed. */
export function recordFulfilmentCheck(state: ProjectState, cmd: RecordFulfilmentCheckCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'fulfilment.check');
  requireService(state, localized('录入履约检查', 'record a fulfilment check'));
  const contract = state.contract;
  if (!contract) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('项目没有签约合同', 'the project has no contract'));
  const investmentInPlaceYi = requireNonNegative(cmd?.investmentInPlaceYi, 'investmentInPlaceYi', 10 * contract.contractInvestmentYi + 1);
  const taxPaidWanYuan = requireNonNegative(cmd.taxPaidWanYuan, 'taxPaidWanYuan', MAX_TAX_WAN_YUAN);
  if (typeof cmd.fulfilled !== 'boolean') throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('是否履约须为 true 或 false', 'fulfilled must be true or false'), 'fulfilled');
  const note = requireText(cmd.note, 'note');
  const produced = state.construction?.nodes.find((n) => n.kind === 'production')?.completedOn ?? null;
  const fulfilment = fulfilmentOf(state, now);
  const check = {
    checkedAt: now,
    checkedBy: actor,
    investmentInPlaceYi,
    taxPaidWanYuan,
    fulfilled: cmd.fulfilled,
    note,
    comparison: {
      committedInvestmentYi: contract.contractInvestmentYi,
      investmentRatio: Math.round((investmentInPlaceYi / contract.contractInvestmentYi) * 10_000) / 10_000,
      productionOnTime: produced ? produced <= contract.committed.production : null,
    },
  };
  // The next check is one period after this one (or after the missed due time, whichever is later).
  const nextCheckDueAt = Math.max(fulfilment.nextCheckDueAt, now) + fulfilmentScheduleOf(fulfilment).everyMs;
  return next(state, { fulfilment: { nextCheckDueAt, checks: [...fulfilment.checks, check] }, overdue: false }, now, actor, 'fulfilment.checked', {
    investmentInPlaceYi,
    taxPaidWanYuan,
    fulfilled: cmd.fulfilled,
    note,
    comparison: check.comparison,
  });
}

/** 履约完成: the contract has been fulfilled; the project's life in the engine ends. */
export function completeProject(state: ProjectState, cmd: CompleteProjectCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'project.close');
  requireService(state, localized('办结项目', 'complete the project'));
  const checks = state.fulfilment?.checks ?? [];
  if (!checks.at(-1)?.fulfilled) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('最近一次履约检查须认定合同已履约', 'the latest fulfilment check must find the contract fulfilled'));
  const reason = requireText(cmd?.reason, 'reason');
  return next(state, { stage: 'completed', closure: { outcome: 'completed', reason, approver: null, closedBy: actor, closedAt: now }, overdue: false }, now, actor, 'project.completed', {
    reason,
  });
}

/** 合同终止, with the reason and who approved it; allowed from signing onwards. */
export function terminateContract(state: ProjectState, cmd: TerminateContractCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'project.close');
  if (!['construction', 'production', 'service'].includes(state.stage)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`只有已签约的合同才能终止：项目处于「${STAGE_LABELS[state.stage]}」阶段`, `only a signed contract can be terminated: project is in stage ${state.stage} (${STAGE_LABELS[state.stage]})`));
  }
  const reason = requireText(cmd?.reason, 'reason');
  const approver = requireText(cmd.approver, 'approver');
  return next(
    state,
    { stage: 'terminated', closure: { outcome: 'terminated', reason, approver, closedBy: actor, closedAt: now }, overdue: false },
    now,
    actor,
    'contract.terminated',
    { reason, approver },
  );
}

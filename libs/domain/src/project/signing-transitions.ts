import { DomainError, ERROR_CODES } from '../errors';
import { INVESTMENT_DECIMAL_PLACES, MAX_ESTIMATED_INVESTMENT_YI } from '../lead';
import type { Actor, AuditActor } from '../roles';
import { markFired, startClock, stopClock } from '../sla/sla-clock';
import { COMMISSIONER_ASSIGNMENT_POLICY, type Threshold } from '../sla/sla-policy';
import { STAGE_LABELS, TERMINAL_STAGES, type Stage } from '../stages';
import { hasAtMostDecimalPlaces } from '../text';
import { requireDate, requireNotFuture } from './calendar-dates';
import type { ProjectState, Transition } from './project-state';
import type { CommittedDates } from './signing-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized, type Localized } from '../i18n/localized';
import { stageRefusal } from './stage-refusal';

export interface SignContractCommand {
  contractNo?: string;
  contractInvestmentYi: number;
  signedOn: string;
  committed: CommittedDates;
  landAreaM2?: number;
  factoryAreaM2?: number;
}

export interface AssignCommissionerCommand {
  commissionerUserId: string;
  commissionerName: string;
}

/** 2,000,000 m² (3,000 亩) is beyond any single project; larger values are unit mistakes. */
export const MAX_AREA_M2 = 2_000_000;
const COMMITTED_ORDER: Array<keyof CommittedDates> = ['constructionStart', 'equipmentEntry', 'production', 'firstTax'];
const COMMITTED_LABELS_ZH: Record<string, string> = {
  'committed.constructionStart': '承诺开工日期',
  'committed.equipmentEntry': '承诺设备进场日期',
  'committed.production': '承诺投产日期',
};

function requireStage(state: ProjectState, stage: Stage, doing: Localized): void {
  if (state.stage !== stage) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, stageRefusal(state.stage, doing, [stage]));
  }
}

function requireAmount(value: unknown, field: string, max: number, places: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value <= 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}须为大于 0 的数', '{field} must be a positive number'), field);
  }
  if (value > max) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}不能超过 ${max}`, `{field} must be at most ${max}`), field);
  if (!hasAtMostDecimalPlaces(value, places)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}最多 ${places} 位小数`, `{field} must have at most ${places} decimal places`), field);
  }
  return value;
}

function optionalArea(value: unknown, field: string): number {
  return value === undefined || value === null || value === 0 ? 0 : requireAmount(value, field, MAX_AREA_M2, 2);
}

/** 签约: the contract is recorded and the project handed to the Project Service Bureau. */
export function signContract(state: ProjectState, cmd: SignContractCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'signing.record_contract');
  requireStage(state, 'signing', localized('录入签约合同', 'record the contract'));
  if (!cmd || typeof cmd !== 'object') throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('合同为必填项', 'contract is required'), 'contract');
  const contractInvestmentYi = requireAmount(cmd.contractInvestmentYi, 'contractInvestmentYi', MAX_ESTIMATED_INVESTMENT_YI, INVESTMENT_DECIMAL_PLACES);
  const signedOn = requireNotFuture(requireDate(cmd.signedOn, 'signedOn'), now, 'signedOn');
  const committedIn = (cmd.committed ?? {}) as Partial<CommittedDates>;
  const committed = Object.fromEntries(COMMITTED_ORDER.map((k) => [k, requireDate(committedIn[k], `committed.${k}`)])) as unknown as CommittedDates;
  let previous: [string, string] = ['signedOn', signedOn];
  for (const key of COMMITTED_ORDER) {
    if (committed[key] < previous[1]) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}不能早于${previous[0] === 'signedOn' ? '签约日期' : COMMITTED_LABELS_ZH[previous[0]]}`, `committed.${key} must not be before ${previous[0]}`), `committed.${key}`);
    }
    previous = [`committed.${key}`, committed[key]];
  }
  const landAreaM2 = optionalArea(cmd.landAreaM2, 'landAreaM2');
  const factoryAreaM2 = optionalArea(cmd.factoryAreaM2, 'factoryAreaM2');
  if (landAreaM2 === 0 && factoryAreaM2 === 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('用地面积与厂房面积至少填写一项', 'landAreaM2 or factoryAreaM2 must be given (space taken from the zone)'), 'landAreaM2');
  }
  const contractNo = cmd.contractNo ? requireText(cmd.contractNo, 'contractNo') : null;
  const contract = { contractNo, contractInvestmentYi, signedOn, committed, landAreaM2, factoryAreaM2, recordedBy: actor, recordedAt: now };
  return next(
    state,
    {
      stage: 'construction',
      contract,
      handover: { clock: startClock('commissioner_assignment', COMMISSIONER_ASSIGNMENT_POLICY.budgetMs, now), commissioner: null },
    },
    now,
    actor,
    'signing.contract_signed',
    { contractNo, contractInvestmentYi, signedOn, committed, landAreaM2, factoryAreaM2 },
  );
}

/** 项目专员: the bureau names who accompanies the firm through approvals (带办/代办). */
export function assignCommissioner(state: ProjectState, cmd: AssignCommissionerCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'handover.assign_commissioner');
  if (!state.handover) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('项目尚未签约', 'the project has not been signed yet'));
  if (TERMINAL_STAGES.includes(state.stage)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`项目已「${STAGE_LABELS[state.stage]}」，不能指派项目专员`, `cannot assign a commissioner: project is ${STAGE_LABELS[state.stage]}`));
  }
  const commissioner = {
    userId: requireText(cmd?.commissionerUserId, 'commissionerUserId'),
    name: requireText(cmd?.commissionerName, 'commissionerName'),
    assignedBy: actor,
    assignedAt: now,
  };
  const first = state.handover.commissioner === null;
  return next(
    state,
    {
      handover: { clock: first ? stopClock(state.handover.clock, now) : state.handover.clock, commissioner },
      overdue: first ? false : state.overdue,
    },
    now,
    actor,
    first ? 'handover.commissioner_assigned' : 'handover.commissioner_reassigned',
    { commissionerUserId: commissioner.userId, commissionerName: commissioner.name, previous: state.handover.commissioner?.userId ?? null },
  );
}

export function fireCommissionerThreshold(state: ProjectState, threshold: Threshold, actor: AuditActor, now: number): Transition {
  if (!state.handover) throw new Error('no handover clock');
  return next(
    state,
    {
      handover: { ...state.handover, clock: markFired(state.handover.clock, threshold.key) },
      overdue: state.overdue || threshold.kind === 'escalation',
    },
    now,
    actor,
    threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    { clock: 'commissioner_assignment', threshold: threshold.key, level: threshold.level, notify: threshold.notify },
  );
}

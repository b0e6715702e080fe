import { DomainError, ERROR_CODES } from '../errors';
import type { DuplicateConfirmation } from '../company-name';
import type { Lead } from '../lead';
import type { Actor, AuditActor } from '../roles';
import { STAGE_LABELS } from '../stages';
import { markFired, pauseClock, resumeClock, startClock, stopClock } from '../sla/sla-clock';
import { INTAKE_DECISION_POLICY, type Threshold } from '../sla/sla-policy';
import { startNegotiation } from './negotiation-transitions';
import type { Ownership } from './ownership';
import { ownershipOf } from './ownership-transitions';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized } from '../i18n/localized';

export const INTAKE_ACTIONS = ['accept', 'reject', 'request_info'] as const;
export type IntakeAction = (typeof INTAKE_ACTIONS)[number];
export const INTAKE_ACTION_LABELS: Record<IntakeAction, string> = { accept: '同意承接', reject: '不予承接', request_info: '补充信息' };

export interface DecideIntakeCommand {
  action: IntakeAction;
  /** Required for reject. */
  reason?: string;
  /** Required for request_info: what the task force still needs. */
  missing?: string;
}

export interface ProvideInfoCommand {
  response: string;
}

/** What the API adds to a registration (issue 10); absent on runs started before it. */
export interface RegistrationExtras {
  ownership?: Ownership;
  duplicateConfirmation?: DuplicateConfirmation;
}

export function registerLead(projectId: string, lead: Lead, actor: Actor, now: number, extras: RegistrationExtras = {}): Transition {
  requirePermission(actor, 'lead.register');
  const registered: ProjectState = {
    projectId,
    stage: 'intake',
    lead,
    registeredBy: actor,
    registeredAt: now,
    intake: {
      clock: startClock('intake_decision', INTAKE_DECISION_POLICY.budgetMs, now),
      decision: null,
      infoRequests: [],
    },
    overdue: false,
    seq: 1,
  };
  // Without ownership from the API (runs started before issue 10) the registering person is the reporter.
  const state: ProjectState = { ...registered, ownership: extras.ownership ?? ownershipOf(registered) };
  // Only what the run was given is recorded: a registration replayed from an older history writes what it always wrote.
  const payload: Record<string, unknown> = { lead };
  if (extras.ownership) payload.ownership = extras.ownership;
  if (extras.duplicateConfirmation) payload.duplicateConfirmation = extras.duplicateConfirmation;
  return {
    state,
    audit: { seq: 1, at: now, actor, action: 'lead.registered', payload, stageBefore: null, stageAfter: 'intake' },
  };
}

function requireIntakeStage(state: ProjectState): void {
  if (state.stage !== 'intake') {
    throw new DomainError(
      ERROR_CODES.WRONG_STAGE,
      localized(
        `承接研判已完成：项目处于「${STAGE_LABELS[state.stage]}」阶段`,
        `the intake decision was already taken: project is in stage ${state.stage} (${STAGE_LABELS[state.stage]})`,
      ),
    );
  }
}

export function openInfoRequest(state: ProjectState) {
  return state.intake.infoRequests.find((r) => r.providedAt === null) ?? null;
}

/** The 48-hour decision. Pure: the update validator runs it to refuse, the handler to apply. */
export function decideIntake(state: ProjectState, cmd: DecideIntakeCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'intake.decide');
  requireIntakeStage(state);
  if (!cmd || !(INTAKE_ACTIONS as readonly string[]).includes(cmd.action)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`研判结果须为以下之一：${INTAKE_ACTIONS.map((a) => `${a}（${INTAKE_ACTION_LABELS[a]}）`).join('、')}`, `action must be one of ${INTAKE_ACTIONS.join(', ')}`), 'action');
  }
  const intake = state.intake;
  switch (cmd.action) {
    case 'accept':
    case 'reject': {
      const reason = cmd.action === 'reject' ? requireText(cmd.reason, 'reason') : cmd.reason ? requireText(cmd.reason, 'reason') : null;
      const clock = stopClock(intake.clock, now);
      const decision = { action: cmd.action, reason, decidedBy: actor, decidedAt: now };
      return next(
        state,
        {
          stage: cmd.action === 'accept' ? 'negotiation' : 'rejected',
          intake: { ...intake, clock, decision },
          negotiation: cmd.action === 'accept' ? startNegotiation(state, now) : null,
          overdue: false,
        },
        now,
        actor,
        cmd.action === 'accept' ? 'intake.accepted' : 'intake.rejected',
        { reason },
      );
    }
    case 'request_info': {
      const missing = requireText(cmd.missing, 'missing');
      if (openInfoRequest(state)) {
        throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('已要求补充信息，尚未答复', 'information was already requested and has not been provided yet'));
      }
      const request = { requestedAt: now, requestedBy: actor, missing, providedAt: null, providedBy: null, response: null };
      return next(
        state,
        { intake: { ...intake, clock: pauseClock(intake.clock, now), infoRequests: [...intake.infoRequests, request] } },
        now,
        actor,
        'intake.info_requested',
        { missing, clock: 'intake_decision', clockAction: 'paused', reason: missing },
      );
    }
  }
}

/** Answers an open information request; the 48-hour clock resumes with its remaining time. */
export function provideIntakeInfo(state: ProjectState, cmd: ProvideInfoCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'intake.provide_info');
  requireIntakeStage(state);
  const response = requireText(cmd?.response, 'response');
  const open = openInfoRequest(state);
  if (!open) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('此项目没有待答复的补充信息要求', 'no information request is open for this project'));
  }
  const infoRequests = state.intake.infoRequests.map((r) => (r === open ? { ...r, providedAt: now, providedBy: actor, response } : r));
  const pausedForMs = now - (state.intake.clock.pausedAt ?? now);
  return next(
    state,
    { intake: { ...state.intake, clock: resumeClock(state.intake.clock, now), infoRequests } },
    now,
    actor,
    'intake.info_provided',
    { response, clock: 'intake_decision', clockAction: 'resumed', reason: response, pausedForMs },
  );
}

/** A warning or escalation threshold of the intake clock passed. */
export function fireIntakeThreshold(state: ProjectState, threshold: Threshold, actor: AuditActor, now: number): Transition {
  const clock = markFired(state.intake.clock, threshold.key);
  const overdue = state.overdue || threshold.kind === 'escalation';
  return next(
    state,
    { intake: { ...state.intake, clock }, overdue },
    now,
    actor,
    threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    { clock: 'intake_decision', threshold: threshold.key, level: threshold.level, notify: threshold.notify },
  );
}

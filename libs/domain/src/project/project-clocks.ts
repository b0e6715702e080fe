import { DomainError, ERROR_CODES } from '../errors';
import { SYSTEM_ACTOR, type Actor } from '../roles';
import type { ClockPlan } from '../sla/clock-plan';
import type { PlannedSlot } from '../sla/clock-planning';
import {
  pauseClockChange,
  recalculateClockChange,
  resumeClockChange,
  type ClockChange,
  type ClockPauseCommand,
  type ClockSlot,
  type RecalculationRequest,
} from '../sla/clock-operations';
import { openInfoRequest } from './intake-transitions';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized } from '../i18n/localized';

/** The SLA clocks of a project's own workflow (service-request clocks live in their child workflows). */
export const PROJECT_CLOCK_SLOTS: ClockSlot<ProjectState>[] = [
  {
    name: 'intake_decision',
    get: (s) => s.intake.clock,
    set: (s, clock) => ({ intake: { ...s.intake, clock } }),
    isOpen: (s) => s.stage === 'intake',
  },
  {
    name: 'commissioner_assignment',
    get: (s) => s.handover?.clock ?? null,
    set: (s, clock) => ({ handover: { ...s.handover!, clock } }),
    isOpen: (s) => !!s.handover && s.handover.commissioner === null && s.stage === 'construction',
  },
];

/** Which policy a new project clock runs by. */
export const PROJECT_PLANNED_SLOTS: PlannedSlot<ProjectState>[] = [
  { slot: PROJECT_CLOCK_SLOTS[0], policyKey: () => 'intake_decision' },
  { slot: PROJECT_CLOCK_SLOTS[1], policyKey: () => 'commissioner_assignment' },
];

export function projectClockSlot(name: string): ClockSlot<ProjectState> {
  const slot = PROJECT_CLOCK_SLOTS.find((s) => s.name === name);
  if (!slot) throw new Error(`no project clock ${name}`);
  return slot;
}

const toTransition = (state: ProjectState, change: ClockChange<ProjectState>, actor: Actor | typeof SYSTEM_ACTOR, now: number): Transition =>
  next(state, change.patch, now, actor, change.action, change.payload);

export function pauseProjectClock(state: ProjectState, cmd: ClockPauseCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'sla.pause_clock');
  const reason = requireText(cmd?.reason, 'reason');
  return toTransition(state, pauseClockChange(PROJECT_CLOCK_SLOTS, state, cmd?.clock, reason, now), actor, now);
}

export function resumeProjectClock(state: ProjectState, cmd: ClockPauseCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'sla.pause_clock');
  const reason = requireText(cmd?.reason, 'reason');
  if (cmd?.clock === 'intake_decision' && state.stage === 'intake' && openInfoRequest(state)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('48小时研判计时正在等待所要求的补充信息：提交补充信息后自动恢复', 'the intake clock waits for the requested information: answer it with provide-info to resume'));
  }
  return toTransition(state, resumeClockChange(PROJECT_CLOCK_SLOTS, state, cmd?.clock, reason, now), actor, now);
}

export function recalculateProjectClock(state: ProjectState, slot: ClockSlot<ProjectState>, plan: ClockPlan, request: RecalculationRequest, now: number): Transition {
  return toTransition(state, recalculateClockChange(slot, state, plan, request, now), request.actor, now);
}

import { SYSTEM_ACTOR, type Actor } from '../roles';
import { requirePermission, requireText } from '../project/transition-helpers';
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
import type { ServiceRequestState } from './service-request-state';
import { nextServiceTransition, type ServiceTransition } from './service-request-transitions';

export const SERVICE_CLOCK_SLOTS: ClockSlot<ServiceRequestState>[] = [
  { name: 'service_accept', get: (s) => s.acceptClock, set: (_s, acceptClock) => ({ acceptClock }), isOpen: (s) => s.status === 'dispatched' },
  { name: 'service_resolve', get: (s) => s.resolveClock, set: (_s, resolveClock) => ({ resolveClock }), isOpen: (s) => s.status === 'accepted' },
];

/** Which policy a new request clock runs by: acceptance, and resolution by the request's category. */
export const SERVICE_PLANNED_SLOTS: PlannedSlot<ServiceRequestState>[] = [
  { slot: SERVICE_CLOCK_SLOTS[0], policyKey: () => 'service_accept' },
  { slot: SERVICE_CLOCK_SLOTS[1], policyKey: (s) => `service_resolve:${s.category}` },
];

export function serviceClockSlot(name: string): ClockSlot<ServiceRequestState> {
  const slot = SERVICE_CLOCK_SLOTS.find((s) => s.name === name);
  if (!slot) throw new Error(`no service-request clock ${name}`);
  return slot;
}

const toTransition = (state: ServiceRequestState, change: ClockChange<ServiceRequestState>, actor: Actor | typeof SYSTEM_ACTOR, now: number): ServiceTransition =>
  nextServiceTransition(state, change.patch, now, actor, change.action, change.payload);

export function pauseServiceClock(state: ServiceRequestState, cmd: ClockPauseCommand, actor: Actor, now: number): ServiceTransition {
  requirePermission(actor, 'sla.pause_clock');
  const reason = requireText(cmd?.reason, 'reason');
  return toTransition(state, pauseClockChange(SERVICE_CLOCK_SLOTS, state, cmd?.clock, reason, now), actor, now);
}

export function resumeServiceClock(state: ServiceRequestState, cmd: ClockPauseCommand, actor: Actor, now: number): ServiceTransition {
  requirePermission(actor, 'sla.pause_clock');
  const reason = requireText(cmd?.reason, 'reason');
  return toTransition(state, resumeClockChange(SERVICE_CLOCK_SLOTS, state, cmd?.clock, reason, now), actor, now);
}

export function recalculateServiceClock(
  state: ServiceRequestState,
  slot: ClockSlot<ServiceRequestState>,
  plan: ClockPlan,
  request: RecalculationRequest,
  now: number,
): ServiceTransition {
  return toTransition(state, recalculateClockChange(slot, state, plan, request, now), request.actor, now);
}

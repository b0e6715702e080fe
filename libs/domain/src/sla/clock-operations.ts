import { DomainError, ERROR_CODES } from '../errors';
import type { Actor } from '../roles';
import type { ClockPlan } from './clock-plan';
import { activeElapsedMs, deadlineAt, pausedMsAt, pauseClock, resumeClock, type SlaClock } from './sla-clock';
import { CLOCK_LABELS, type ClockName } from './sla-policy';
import { localized } from '../i18n/localized';

/** Where one clock lives in a workflow's state, and when it is open (its step not yet done). */
export interface ClockSlot<S> {
  name: ClockName;
  get(state: S): SlaClock | null;
  set(state: S, clock: SlaClock): Partial<S>;
  isOpen(state: S): boolean;
}

/** A state change to one clock, before the workflow type wraps it into its own transition. */
export interface ClockChange<S> {
  patch: Partial<S>;
  action: string;
  payload: Record<string, unknown>;
}

export interface ClockPauseCommand {
  clock: ClockName;
  reason: string;
}

export interface RecalculationRequest {
  /** Unique per request: a clock is recalculated once per request whatever the replays. */
  requestId: string;
  /** 'policy': adopt the latest version of the clock's policy; 'calendar': same version, current calendar. */
  scope: 'policy' | 'calendar';
  reason: string;
  actor: Actor;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function openClockOf<S>(slots: ClockSlot<S>[], state: S, name: unknown): { slot: ClockSlot<S>; clock: SlaClock } {
  const slot = slots.find((s) => s.name === name);
  if (!slot) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(
        `计时须为以下之一：${slots.map((s) => `${s.name}（${CLOCK_LABELS[s.name]}）`).join('、')}`,
        `clock must be one of ${slots.map((s) => s.name).join(', ')}`,
      ), 'clock');
  }
  const clock = slot.get(state);
  if (!clock || clock.stoppedAt !== null || !slot.isOpen(state)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`「${CLOCK_LABELS[slot.name]}」计时未在进行`, `the ${slot.name} clock (${CLOCK_LABELS[slot.name]}) is not running`));
  }
  return { slot, clock };
}

/** 暂停计时: stops the clock counting, e.g. while waiting for the firm; the reason is audited. */
export function pauseClockChange<S>(slots: ClockSlot<S>[], state: S, name: unknown, reason: string, now: number): ClockChange<S> {
  const { slot, clock } = openClockOf(slots, state, name);
  if (clock.pausedAt !== null) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`「${CLOCK_LABELS[slot.name]}」计时已暂停`, `the ${slot.name} clock is already paused`));
  return {
    patch: slot.set(state, pauseClock(clock, now)),
    action: 'sla.paused',
    payload: { clock: slot.name, reason, remainingMs: clock.budgetMs - activeElapsedMs(clock, now) },
  };
}

/** 恢复计时: the clock runs on with exactly the remaining time it had when paused. */
export function resumeClockChange<S>(slots: ClockSlot<S>[], state: S, name: unknown, reason: string, now: number): ClockChange<S> {
  const { slot, clock } = openClockOf(slots, state, name);
  if (clock.pausedAt === null) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`「${CLOCK_LABELS[slot.name]}」计时未暂停`, `the ${slot.name} clock is not paused`));
  const resumed = resumeClock(clock, now);
  return {
    patch: slot.set(state, resumed),
    action: 'sla.resumed',
    payload: { clock: slot.name, reason, pausedForMs: now - clock.pausedAt, remainingMs: resumed.budgetMs - activeElapsedMs(resumed, now), deadlineAt: iso(deadlineAt(resumed, now)) },
  };
}

/**
 * Re-plans a running clock (new policy version or calendar): start, paused time and fired
 * thresholds are kept, so elapsed and paused time carry over and no alert is sent twice.
 */
export function recalculateClockChange<S>(slot: ClockSlot<S>, state: S, plan: ClockPlan, request: RecalculationRequest, now: number): ClockChange<S> {
  const clock = slot.get(state)!;
  const recalculated: SlaClock = { ...clock, budgetMs: plan.budgetMs, plan };
  return {
    patch: slot.set(state, recalculated),
    action: 'sla.recalculated',
    payload: {
      clock: slot.name,
      requestId: request.requestId,
      scope: request.scope,
      reason: request.reason,
      before: { policyVersion: clock.plan?.policyVersion ?? 0, deadlineAt: iso(deadlineAt(clock, now)) },
      after: { policyVersion: plan.policyVersion, deadlineAt: iso(deadlineAt(recalculated, now)) },
      elapsedMs: activeElapsedMs(clock, now),
      pausedMs: pausedMsAt(clock, now),
    },
  };
}

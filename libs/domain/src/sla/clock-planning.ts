import type { ClockPlan } from './clock-plan';
import type { ClockSlot } from './clock-operations';
import type { PolicyKey } from './policy-definition';

/** A clock slot with the policy its new clocks run by (e.g. by the request's category). */
export interface PlannedSlot<S> {
  slot: ClockSlot<S>;
  policyKey(state: S): PolicyKey;
}

/** A clock that a step has just started (at `now`) and that has no plan yet. */
export interface ClockToPlan<S> {
  slot: ClockSlot<S>;
  policyKey: PolicyKey;
  startedAt: number;
}

export function clocksToPlan<S>(slots: PlannedSlot<S>[], state: S, now: number): ClockToPlan<S>[] {
  return slots.flatMap(({ slot, policyKey }) => {
    const clock = slot.get(state);
    return clock && !clock.plan && clock.startedAt === now && clock.stoppedAt === null && slot.isOpen(state)
      ? [{ slot, policyKey: policyKey(state), startedAt: now }]
      : [];
  });
}

/** Puts the plans on the clocks they were made for (same slot, same start); others are left alone. */
export function withPlans<S>(state: S, plans: { slot: ClockSlot<S>; startedAt: number; plan: ClockPlan }[]): S {
  return plans.reduce<S>((s, { slot, startedAt, plan }) => {
    const clock = slot.get(s);
    return clock && clock.startedAt === startedAt ? { ...s, ...slot.set(s, { ...clock, budgetMs: plan.budgetMs, plan }) } : s;
  }, state);
}

import { patched, proxyLocalActivities } from '@temporalio/workflow';
import type { SlaActivities } from '@zs/contracts';
import {
  cadencePoliciesStarted,
  clocksToPlan,
  withCadencePolicies,
  withPlans,
  type CadenceSlot,
  type ClockPlan,
  type ClockSlot,
  type PlannedSlot,
  type PolicyKey,
  type VersionedSlaPolicy,
} from '@zs/domain';
import { PATCHES } from './patches';

/**
 * Clock planning reads policies and the calendar in an activity, so its result (the deadline)
 * is recorded in history and a later calendar or policy change never breaks replay. A local
 * activity: two short reads, done in the same workflow task as the step that starts the clock
 * (no task-queue round trip), so a registration or a signing answers as fast as before.
 */
export const sla = proxyLocalActivities<SlaActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '30 seconds', backoffCoefficient: 2 },
});

export interface PlannedClock<S> {
  slot: ClockSlot<S>;
  startedAt: number;
  plan: ClockPlan;
}

/**
 * Plans the clocks a step has just started, from the database and the calendar (an activity,
 * so the result is in the history). Clocks started on code older than policies as data
 * replay without it and keep their built-in limits.
 */
export async function planNewClocks<S>(slots: PlannedSlot<S>[], state: S, now: number): Promise<PlannedClock<S>[]> {
  const toPlan = clocksToPlan(slots, state, now);
  if (toPlan.length === 0 || !patched(PATCHES.slaPolicies)) return [];
  const planned: PlannedClock<S>[] = [];
  for (const c of toPlan) {
    planned.push({ slot: c.slot, startedAt: c.startedAt, plan: await sla.planSlaClock({ policyKey: c.policyKey, startedAt: c.startedAt }) });
  }
  return planned;
}

/**
 * The policies of cadences a step has just started (follow-ups, milestone ladders, fulfilment
 * checks), from the database: an activity, so the versions are in the history. Steps replayed
 * from before cadences were policies resolve none and keep the built-in constants. Called only
 * with keys, so the patch marker is recorded with the activity it gates.
 */
async function resolveCadencePolicies(keys: PolicyKey[]): Promise<VersionedSlaPolicy[]> {
  if (!patched(PATCHES.cadencePolicies)) return [];
  return sla.resolveSlaPolicies(keys);
}

/**
 * A step whose transition may start clocks or cadences: plans the clocks and resolves the
 * cadences' policies, then (only if it had to wait for either) runs the transition again on the
 * state as it is now, so a step that arrived meanwhile is never overwritten. The same `now`
 * keeps the clocks' start matching their plans.
 */
export function withClockPlanning<S, T extends { state: S }, C, A>(
  slots: PlannedSlot<S>[],
  getState: () => S,
  transition: (s: S, command: C, actor: A, now: number) => T,
  cadences: CadenceSlot<S>[] = [],
): (s: S, command: C, actor: A, now: number) => Promise<T> {
  return async (s, command, actor, now) => {
    const first = transition(s, command, actor, now);
    const plans = await planNewClocks(slots, first.state, now);
    // Awaited only when a cadence started: other steps' code paths stay as they were recorded.
    const cadenceKeys = cadencePoliciesStarted(cadences, s, first.state);
    const policies: VersionedSlaPolicy[] = cadenceKeys.length > 0 ? await resolveCadencePolicies(cadenceKeys) : [];
    if (plans.length === 0 && policies.length === 0) return first;
    const again = transition(getState(), command, actor, now);
    return { ...again, state: withCadencePolicies(withPlans(again.state, plans), cadences, policies, now) };
  };
}

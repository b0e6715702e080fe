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
async function resolveCadencePolicies(keys: PolicyKey[], given?: readonly VersionedSlaPolicy[]): Promise<VersionedSlaPolicy[]> {
  if (!patched(PATCHES.cadencePolicies)) return [];
  // The step's own (issue 12), if they cover every key: already in history with the update.
  const fromStep = keys.map((k) => given?.find((p) => p.key === k));
  if (fromStep.every((p) => p !== undefined) && patched(PATCHES.stepPolicies)) return fromStep as VersionedSlaPolicy[];
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

/** What a step must read before it is applied: the plans of the clocks and the policies of the cadences it starts. */
export interface StepPreparation<S> {
  plans: PlannedClock<S>[];
  policies: VersionedSlaPolicy[];
}

/**
 * The asynchronous half of a step (issue 8): reads the plans and policies for the state the
 * transition produced from `before`. The caller then recomputes the transition on the state as
 * it is after these awaits and applies it synchronously, so nothing can slip in between.
 */
export async function prepareStep<S>(
  slots: PlannedSlot<S>[],
  cadences: CadenceSlot<S>[],
  before: S,
  after: S,
  now: number,
  /** The policies the step's update carries (StepUpdate.policies), taken when they cover its cadences. */
  given?: readonly VersionedSlaPolicy[],
): Promise<StepPreparation<S>> {
  const plans = await planNewClocks(slots, after, now);
  const cadenceKeys = cadencePoliciesStarted(cadences, before, after);
  const policies = cadenceKeys.length > 0 ? await resolveCadencePolicies(cadenceKeys, given) : [];
  return { plans, policies };
}

/** The state with the prepared plans and policies applied (unchanged when the step started nothing). */
export function withPreparation<S>(state: S, prep: StepPreparation<S>, cadences: CadenceSlot<S>[], now: number): S {
  if (prep.plans.length === 0 && prep.policies.length === 0) return state;
  return withCadencePolicies(withPlans(state, prep.plans), cadences, prep.policies, now);
}

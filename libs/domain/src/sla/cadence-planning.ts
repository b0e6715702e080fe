import type { PolicyKey, VersionedSlaPolicy } from './policy-definition';

/**
 * A cadence of a workflow's state (follow-ups, a milestone ladder, fulfilment checks) that runs
 * by the policies in force when a step starts it. The workflow resolves those policies (an
 * activity, so the versions are in its history) and stores what they say in the state, where
 * the runners, the views, the task list and continue-as-new all read the same numbers.
 */
export interface CadenceSlot<S> {
  /** The policies of the cadence a step (`before` → `after`) has just started; none when it started none. */
  startedBy(before: S, after: S): PolicyKey[];
  /** `state` with the cadence set by its policies; unchanged when none of `policies` is its own. */
  withPolicies(state: S, policies: readonly VersionedSlaPolicy[], now: number): S;
}

export function cadencePoliciesStarted<S>(cadences: readonly CadenceSlot<S>[], before: S, after: S): PolicyKey[] {
  return cadences.flatMap((c) => c.startedBy(before, after));
}

export function withCadencePolicies<S>(state: S, cadences: readonly CadenceSlot<S>[], policies: readonly VersionedSlaPolicy[], now: number): S {
  return cadences.reduce((s, c) => c.withPolicies(s, policies, now), state);
}

import type { FollowUpLadder } from './follow-up-policy';
import { FULFILMENT_CHECK_EVERY_MS, type FulfilmentSchedule } from './fulfilment-policy';
import type { MilestoneLadder, WeeklyListSchedule } from './milestone-policy';
import { RESPONSIBLE, type PolicyKey, type VersionedSlaPolicy } from './policy-definition';

const HOUR_MS = 60 * 60 * 1000;

/**
 * A policy's period in ms. Validation keeps follow-up and fulfilment periods in hours; a version
 * stored otherwise (fulfilment_check was seeded as 'due_date' before it became a period) keeps
 * the built-in period rather than stopping the workflow.
 */
function periodMs(policy: VersionedSlaPolicy, builtInMs: number): number {
  return policy.duration.unit === 'hours' ? Math.round(policy.duration.hours * HOUR_MS) : builtInMs;
}

/**
 * A follow_up:<grade> policy as the negotiation keeps it. The policy's ladder counts hours after
 * the first missed follow-up, as every ladder does; follow-ups are missed one cadence apart, so a
 * level `afterBreachHours` late is due at miss 1 + afterBreachHours / cadence, and (like the
 * built-in "every 3rd miss in a row") at every such number of misses in a row after it.
 * Seeded: owner at 0 h (every miss), bureau head at 2 cadences (every 3rd miss).
 */
export function followUpCadenceFrom(policy: VersionedSlaPolicy, builtInCadenceMs: number): { cadenceMs: number; ladder: FollowUpLadder } {
  const cadenceMs = periodMs(policy, builtInCadenceMs);
  const levels = policy.escalations.map((e, level) => ({
    level,
    // Validation requires whole cadences; rounding only guards versions written around it.
    everyMisses: Math.max(1, 1 + Math.round((e.afterBreachHours * HOUR_MS) / cadenceMs)),
    notify: e.notify,
    department: e.department ?? null,
  }));
  return { cadenceMs, ladder: { policyKey: policy.key, policyVersion: policy.version, levels } };
}

/** A milestone:<kind> policy as its node keeps it: level N (from 1) `afterBreachHours` after the due time. */
export function milestoneLadderFrom(policy: VersionedSlaPolicy): MilestoneLadder {
  return {
    policyKey: policy.key,
    policyVersion: policy.version,
    escalations: policy.escalations.map((e, i) => ({ level: i + 1, afterDueMs: Math.round(e.afterBreachHours * HOUR_MS), notify: e.notify, department: e.department ?? null })),
  };
}

/** The milestone_weekly policy as a plan keeps it: the period of its weekly list. */
export function weeklyListFrom(policy: VersionedSlaPolicy, builtInEveryMs: number): WeeklyListSchedule {
  return { policyKey: policy.key, policyVersion: policy.version, everyMs: periodMs(policy, builtInEveryMs) };
}

/** The fulfilment_check policy as the project keeps it: the period, and the reminders after each due time. */
export function fulfilmentScheduleFrom(policy: VersionedSlaPolicy): FulfilmentSchedule {
  return {
    policyKey: policy.key,
    policyVersion: policy.version,
    everyMs: periodMs(policy, FULFILMENT_CHECK_EVERY_MS),
    reminders: policy.escalations.map((e, level) => ({
      level,
      afterDueMs: Math.round(e.afterBreachHours * HOUR_MS),
      // Validation refuses 'responsible' here: the check belongs to the bureau as a whole.
      notify: e.notify === RESPONSIBLE ? 'enterprise_service_bureau' : e.notify,
      department: e.department ?? null,
    })),
  };
}

export function policyWithKey(policies: readonly VersionedSlaPolicy[], key: PolicyKey): VersionedSlaPolicy | undefined {
  return policies.find((p) => p.key === key);
}

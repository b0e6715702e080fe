import { addWorkingDays, workingInstantAtFraction, type WorkdayLookup } from '../calendar/working-days';
import { RESPONSIBLE, type AlertTarget, type PolicyKey, type SlaDuration, type VersionedSlaPolicy } from './policy-definition';
import type { Role } from '../roles';
import { thresholdsOf, type SlaPolicy, type Threshold } from './sla-policy';

const HOUR_MS = 60 * 60 * 1000;

/**
 * What a clock runs by, fixed when it starts (or when an administrator asks for a
 * recalculation): the policy version, the budget of active time to the deadline, and every
 * threshold as active time since the start. Computed in an activity from the database and
 * the calendar, so it is recorded in the workflow history and replays unchanged.
 */
export interface ClockPlan {
  policyKey: PolicyKey | 'built-in';
  policyVersion: number;
  duration: SlaDuration | null;
  budgetMs: number;
  thresholds: Threshold[];
}

/** SLA clocks alert roles; validation keeps 'responsible' to the cadences, which are not planned here. */
function roleOf(target: AlertTarget, key: PolicyKey): Role {
  if (target.notify === RESPONSIBLE) throw new Error(`policy ${key} alerts '${RESPONSIBLE}', which only cadence policies may`);
  return target.notify;
}

/**
 * Plans a clock started at `startedAt`. Hours are wall-clock; working days end at the
 * policy's time of day on the Nth working day after the start day, and warnings fall at
 * their fraction of the working time in between (so never in the middle of a holiday).
 */
export function planClock(policy: VersionedSlaPolicy, startedAt: number, isWorkday: WorkdayLookup): ClockPlan {
  const { duration } = policy;
  if (duration.unit === 'due_date') throw new Error(`policy ${policy.key} has no duration of its own`);
  const deadline = duration.unit === 'hours' ? startedAt + Math.round(duration.hours * HOUR_MS) : addWorkingDays(startedAt, duration.days, duration.endsAt, isWorkday);
  const warningAt = (fraction: number): number =>
    duration.unit === 'hours' ? startedAt + Math.round((deadline - startedAt) * fraction) : workingInstantAtFraction(startedAt, deadline, fraction, duration.endsAt, isWorkday);

  const budgetMs = deadline - startedAt;
  const warnings = policy.warnings.map<Threshold>((w, i) => ({
    key: `warning-${i + 1}`,
    kind: 'warning',
    level: i + 1,
    atElapsedMs: warningAt(w.fraction) - startedAt,
    notify: roleOf(w, policy.key),
    department: w.department ?? null,
  }));
  const escalations = policy.escalations.map<Threshold>((e, i) => ({
    key: `escalation-${i + 1}`,
    kind: 'escalation',
    level: i + 1,
    atElapsedMs: budgetMs + Math.round(e.afterBreachHours * HOUR_MS),
    notify: roleOf(e, policy.key),
    department: e.department ?? null,
  }));
  return { policyKey: policy.key, policyVersion: policy.version, duration, budgetMs, thresholds: sortThresholds([...warnings, ...escalations]) };
}

/** The plan of a clock started before policies were data (its workflow replays on the built-in constants). */
export function builtInPlan(policy: SlaPolicy): ClockPlan {
  // thresholdsOf is what the first release's runner used: the same thresholds in the same order, so old runs replay.
  return { policyKey: 'built-in', policyVersion: 0, duration: null, budgetMs: policy.budgetMs, thresholds: thresholdsOf(policy) };
}

function sortThresholds(list: Threshold[]): Threshold[] {
  return [...list].sort((a, b) => a.atElapsedMs - b.atElapsedMs || a.key.localeCompare(b.key));
}

import type { PlanSlaClockInput } from '@zs/contracts';
import { planClock, weekdayLookup, type ClockPlan, type WorkdayLookup } from '@zs/domain';
import { latestSlaPolicy, slaPolicyVersion, type Database } from '@zs/persistence';

export interface WorkdayCalendar {
  lookup(): Promise<WorkdayLookup>;
}

/**
 * Plans a clock from the policy in the database and the working-day calendar. Runs as an
 * activity so the plan is recorded in the workflow history: replays never re-read either.
 */
export function createPlanSlaClock(db: Database, calendar: WorkdayCalendar) {
  return async function planSlaClock({ policyKey, startedAt, version }: PlanSlaClockInput): Promise<ClockPlan> {
    const policy = version === undefined ? await latestSlaPolicy(db, policyKey) : await slaPolicyVersion(db, policyKey, version);
    if (!policy) {
      // Retried (with backoff) rather than failing the workflow: a deployment fault the operator can fix.
      throw new Error(`no SLA policy ${policyKey}${version ? ` v${version}` : ''}: run the migrations (they seed the defaults)`);
    }
    const lookup = policy.duration.unit === 'working_days' ? await calendar.lookup() : weekdayLookup;
    return planClock(policy, startedAt, lookup);
  };
}

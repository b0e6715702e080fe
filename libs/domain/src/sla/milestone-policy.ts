import type { Role } from '../roles';
import type { PolicyKey } from './policy-definition';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * An overdue milestone node escalates up the chain of responsibility: the responsible
 * person at the due time, the Project Service Bureau a day later, zone leadership a week
 * later. Each responsible person also gets a weekly list of their nodes due within 7 days.
 */
export interface MilestoneEscalationStep {
  level: number;
  afterDueMs: number;
  /** 'responsible' means the node's responsible person by name. */
  notify: Role | 'responsible';
  /** Narrows a role's recipients to one department (policies may set it). */
  department?: string | null;
}

/**
 * A node's ladder, from its kind's policy (milestone:<kind>) when the plan was laid out, with
 * the version it came from. Nodes planned before cadences were policies have none and run by
 * MILESTONE_POLICY (the seeded policies hold the same ladder).
 */
export interface MilestoneLadder {
  policyKey: PolicyKey;
  policyVersion: number;
  escalations: MilestoneEscalationStep[];
}

/**
 * The weekly list (周提醒) of a plan, from the milestone_weekly policy when the plan was laid
 * out: every `everyMs` from the plan's creation, each responsible person gets their open nodes
 * due before the next list. Plans laid out before it was a policy have none and run by
 * MILESTONE_POLICY (7 days; the seeded policy says the same).
 */
export interface WeeklyListSchedule {
  policyKey: PolicyKey;
  policyVersion: number;
  everyMs: number;
}

export const MILESTONE_POLICY = {
  escalations: [
    { level: 1, afterDueMs: 0, notify: 'responsible' },
    { level: 2, afterDueMs: 1 * DAY_MS, notify: 'project_service_bureau' },
    { level: 3, afterDueMs: 7 * DAY_MS, notify: 'zone_leadership' },
  ] as MilestoneEscalationStep[],
  weeklyReminderEveryMs: 7 * DAY_MS,
};

/** How often a plan's weekly list goes out, and how far ahead it looks (the same span: up to the next list). */
export function weeklyListEveryMs(plan: { weeklyList?: WeeklyListSchedule }): number {
  return plan.weeklyList?.everyMs ?? MILESTONE_POLICY.weeklyReminderEveryMs;
}

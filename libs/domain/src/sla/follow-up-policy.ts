import type { InfoGrade } from '../lead';
import type { Role } from '../roles';
import type { AlertRecipient, PolicyKey } from './policy-definition';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 信息分级处理: how often a lead in negotiation must be followed up, by information grade
 * (one zone updated key projects daily, consultants every other day, agencies weekly).
 * A missed follow-up reminds the owner; every `escalateAfterMisses` misses in a row
 * escalate. Since issue 4 the policies follow_up:<grade> set this per negotiation (seeded with
 * these values); the constants stay for negotiations started before (see FollowUp.ladder).
 */
export interface FollowUpPolicy {
  cadenceMs: Record<InfoGrade, number>;
  escalateAfterMisses: number;
  escalateTo: Role;
}

export const FOLLOW_UP_POLICY: FollowUpPolicy = {
  cadenceMs: { A: 1 * DAY_MS, B: 2 * DAY_MS, C: 7 * DAY_MS },
  escalateAfterMisses: 3,
  escalateTo: 'economic_cooperation_bureau_head',
};

/** One alert level of a follow-up cadence, as the workflow state keeps it. */
export interface FollowUpAlertLevel {
  /** Position in the ladder from 0 (the owner's reminder by default); alerts carry the highest level sent. */
  level: number;
  /** Sent at every Nth follow-up missed in a row (1: at each miss). */
  everyMisses: number;
  notify: AlertRecipient;
  department: string | null;
}

/**
 * The alert levels a negotiation's follow-ups run by, fixed when the negotiation starts, with
 * the policy version they came from ('built-in' for negotiations started before cadences were policies).
 */
export interface FollowUpLadder {
  policyKey: PolicyKey | 'built-in';
  policyVersion: number;
  levels: FollowUpAlertLevel[];
}

/** FOLLOW_UP_POLICY as a ladder: the owner at each miss, the bureau head at every Nth in a row. */
export const BUILT_IN_FOLLOW_UP_LADDER: FollowUpLadder = {
  policyKey: 'built-in',
  policyVersion: 0,
  levels: [
    { level: 0, everyMisses: 1, notify: 'responsible', department: null },
    { level: 1, everyMisses: FOLLOW_UP_POLICY.escalateAfterMisses, notify: FOLLOW_UP_POLICY.escalateTo, department: null },
  ],
};

/** The levels due at the `missedInRow`th follow-up missed in a row, lowest first. */
export function followUpAlertsAt(ladder: FollowUpLadder, missedInRow: number): FollowUpAlertLevel[] {
  return ladder.levels.filter((l) => missedInRow % l.everyMisses === 0);
}

import type { InfoGrade } from '../lead';
import type { Role } from '../roles';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * 信息分级处理: how often a lead in negotiation must be followed up, by information grade
 * (one zone updated key projects daily, consultants every other day, agencies weekly).
 * A missed follow-up reminds the owner; every `escalateAfterMisses` misses in a row
 * escalate. Issue 4 moves this into versioned policies; these stay the defaults.
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

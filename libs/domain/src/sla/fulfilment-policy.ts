import type { Role } from '../roles';
import type { PolicyKey } from './policy-definition';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Default check period: quarterly (91 days) from production; the fulfilment_check policy is seeded with it. */
export const FULFILMENT_CHECK_EVERY_MS = 91 * DAY_MS;

/** Who is reminded once a check falls due, and how long after the due time. */
export interface FulfilmentReminder {
  /** Position in the ladder from 0. */
  level: number;
  afterDueMs: number;
  notify: Role;
  department: string | null;
}

/**
 * The period and reminders of a project's fulfilment checks, from the fulfilment_check policy
 * when production was recorded, with its version ('built-in' for projects in service before).
 */
export interface FulfilmentSchedule {
  policyKey: PolicyKey | 'built-in';
  policyVersion: number;
  everyMs: number;
  reminders: FulfilmentReminder[];
}

/** What projects without a schedule of their own run by: the Enterprise Service Bureau, reminded at the due time. */
export const BUILT_IN_FULFILMENT_SCHEDULE: FulfilmentSchedule = {
  policyKey: 'built-in',
  policyVersion: 0,
  everyMs: FULFILMENT_CHECK_EVERY_MS,
  reminders: [{ level: 0, afterDueMs: 0, notify: 'enterprise_service_bureau', department: null }],
};

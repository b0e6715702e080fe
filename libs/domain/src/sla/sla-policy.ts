import type { Role } from '../roles';

const HOUR_MS = 60 * 60 * 1000;

/** The clocks the engine runs; each has one policy per variant (see policy-definition). */
export const CLOCK_NAMES = ['intake_decision', 'commissioner_assignment', 'service_accept', 'service_resolve', 'follow_up', 'milestone', 'milestone_weekly', 'fulfilment_check'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

export const CLOCK_LABELS: Record<ClockName, string> = {
  intake_decision: '48小时承接研判',
  commissioner_assignment: '项目专员指派',
  service_accept: '部门接单',
  service_resolve: '问题销单',
  follow_up: '洽谈跟进',
  milestone: '建设节点',
  milestone_weekly: '节点周提醒',
  fulfilment_check: '履约检查',
};

export interface WarningRule {
  level: number;
  /** Share of the budget elapsed (active time) when the warning goes out. */
  fraction: number;
  notify: Role;
}

export interface EscalationRule {
  level: number;
  /** Delay after the breach (budget used up) before this level fires. */
  afterBreachMs: number;
  notify: Role;
}

export interface SlaPolicy {
  clock: ClockName;
  budgetMs: number;
  warnings: WarningRule[];
  escalations: EscalationRule[];
}

/**
 * The intake task force decides within 48 wall-clock hours: warning at 75 % (36 h),
 * escalation to the Economic Cooperation Bureau head at 48 h, to zone leadership at 72 h.
 * Issue 4 moves policies into the database; these stay the seeded defaults.
 */
export const INTAKE_DECISION_POLICY: SlaPolicy = {
  clock: 'intake_decision',
  budgetMs: 48 * HOUR_MS,
  warnings: [{ level: 1, fraction: 0.75, notify: 'intake_task_force' }],
  escalations: [
    { level: 1, afterBreachMs: 0, notify: 'economic_cooperation_bureau_head' },
    { level: 2, afterBreachMs: 24 * HOUR_MS, notify: 'zone_leadership' },
  ],
};

/**
 * After signing, the Project Service Bureau assigns a responsible commissioner (项目专员)
 * within one working day. Until the working-day calendar lands (issue 4) this is 24
 * wall-clock hours; the breach escalates to the bureau, a day later to zone leadership.
 */
export const COMMISSIONER_ASSIGNMENT_POLICY: SlaPolicy = {
  clock: 'commissioner_assignment',
  budgetMs: 24 * HOUR_MS,
  warnings: [{ level: 1, fraction: 0.75, notify: 'project_service_bureau' }],
  escalations: [
    { level: 1, afterBreachMs: 0, notify: 'project_service_bureau' },
    { level: 2, afterBreachMs: 24 * HOUR_MS, notify: 'zone_leadership' },
  ],
};

const SERVICE_ESCALATIONS: EscalationRule[] = [
  { level: 1, afterBreachMs: 0, notify: 'enterprise_service_bureau' },
  { level: 2, afterBreachMs: 48 * HOUR_MS, notify: 'zone_leadership' },
];

/** A service-request clock: warning to the bureau at 75 %, then the escalation ladder above. */
function serviceClockPolicy(clock: 'service_accept' | 'service_resolve', budgetMs: number): SlaPolicy {
  return { clock, budgetMs, warnings: [{ level: 1, fraction: 0.75, notify: 'enterprise_service_bureau' }], escalations: SERVICE_ESCALATIONS };
}

/** 部门接单: the department takes the request within a day (a working day once issue 4 lands). */
export const SERVICE_ACCEPT_POLICY: SlaPolicy = serviceClockPolicy('service_accept', 24 * HOUR_MS);

/** 问题销单 limits by category: urgent 48 h, normal 5 days, complex 15 days (working days with issue 4). */
export const SERVICE_RESOLVE_POLICIES: Record<'urgent' | 'normal' | 'complex', SlaPolicy> = {
  urgent: serviceClockPolicy('service_resolve', 48 * HOUR_MS),
  normal: serviceClockPolicy('service_resolve', 5 * 24 * HOUR_MS),
  complex: serviceClockPolicy('service_resolve', 15 * 24 * HOUR_MS),
};

export type ThresholdKind = 'warning' | 'escalation';

export interface Threshold {
  /** Stable id within a clock, e.g. `warning-1`, `escalation-2`; part of dedupe keys. */
  key: string;
  kind: ThresholdKind;
  level: number;
  /** Active (unpaused) time since the clock started at which this threshold fires. */
  atElapsedMs: number;
  notify: Role;
  /** Narrows the recipients to one department (policies from the database may set it). */
  department?: string | null;
}

/** All thresholds of a policy in firing order. */
export function thresholdsOf(policy: SlaPolicy): Threshold[] {
  const warnings = policy.warnings.map<Threshold>((w) => ({
    key: `warning-${w.level}`,
    kind: 'warning',
    level: w.level,
    atElapsedMs: Math.round(policy.budgetMs * w.fraction),
    notify: w.notify,
  }));
  const escalations = policy.escalations.map<Threshold>((e) => ({
    key: `escalation-${e.level}`,
    kind: 'escalation',
    level: e.level,
    atElapsedMs: policy.budgetMs + e.afterBreachMs,
    notify: e.notify,
  }));
  return [...warnings, ...escalations].sort((a, b) => a.atElapsedMs - b.atElapsedMs);
}

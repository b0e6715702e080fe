import { DomainError, ERROR_CODES } from '../errors';
import { INFO_GRADE_LABELS, INFO_GRADES, type InfoGrade } from '../lead';
import { MILESTONE_KINDS, MILESTONE_LABELS } from '../project/construction-state';
import { isRole, ROLE_LABELS, ROLES, type Role } from '../roles';
import { SERVICE_CATEGORIES, SERVICE_CATEGORY_LABELS } from '../service/service-request-state';
import { CLOCK_LABELS, type ClockName } from './sla-policy';
import { localized } from '../i18n/localized';

/**
 * How long a clock runs: wall-clock hours, or N working days ending at a time of day on the
 * zone's calendar (not N × 24 working hours).
 */
export type SlaDuration = { unit: 'hours'; hours: number } | { unit: 'working_days'; days: number; endsAt: string } | { unit: 'due_date' };

/** Milestones have their own due dates (the plan): their policies set only the ladder. */
export const DUE_DATE_CLOCKS: readonly ClockName[] = ['milestone'];

/**
 * Cadences are watched by their own workflow code, not the SLA engine: the follow-up of a lead
 * in negotiation, the milestone ladder, the weekly list of nodes due, the periodic fulfilment
 * check. They send no warnings.
 */
export const CADENCE_CLOCKS: readonly ClockName[] = ['follow_up', 'milestone', 'milestone_weekly', 'fulfilment_check'];
/** Cadences that repeat every `duration` (wall-clock hours only: a cadence is not a deadline). */
export const PERIODIC_CLOCKS: readonly ClockName[] = ['follow_up', 'milestone_weekly', 'fulfilment_check'];
/**
 * Lists, not alerts: each responsible person gets their own nodes, so the only level a
 * version may have is that one (the period is what a zone sets).
 */
export const LIST_CLOCKS: readonly ClockName[] = ['milestone_weekly'];

/**
 * The person responsible for the step a cadence watches, addressed by name: the lead's owner
 * (follow-up), the node's responsible person (milestones). Only those policies may use it.
 */
export const RESPONSIBLE = 'responsible' as const;
export const RESPONSIBLE_CLOCKS: readonly ClockName[] = ['follow_up', 'milestone', 'milestone_weekly'];
export type AlertRecipient = Role | typeof RESPONSIBLE;
export const ALERT_RECIPIENTS: readonly AlertRecipient[] = [...ROLES, RESPONSIBLE];
export const ALERT_RECIPIENT_LABELS: Record<AlertRecipient, string> = { ...ROLE_LABELS, [RESPONSIBLE]: '责任人' };

/** Who an alert goes to: everyone holding `role` (or the responsible person), narrowed to one department when given. */
export interface AlertTarget {
  notify: AlertRecipient;
  department?: string | null;
}

export interface WarningLevel extends AlertTarget {
  /** Share of the (working) time to the deadline after which the warning goes out, 0 < f < 1. */
  fraction: number;
}

export interface EscalationLevel extends AlertTarget {
  /** Wall-clock hours after the breach (0 = at the deadline). */
  afterBreachHours: number;
}

/** What an administrator writes: one version of one policy. Levels are numbered by position (1-based). */
export interface SlaPolicyDefinition {
  duration: SlaDuration;
  warnings: WarningLevel[];
  escalations: EscalationLevel[];
}

export interface VersionedSlaPolicy extends SlaPolicyDefinition {
  key: PolicyKey;
  clock: ClockName;
  version: number;
}

/**
 * One policy per clock and variant. Clocks run by the SLA engine (plan, pause, recalculate)
 * come first; the cadences (follow-up by grade, milestone kinds, fulfilment checks) are
 * versioned the same way.
 */
export const POLICY_KEYS = [
  'intake_decision',
  'commissioner_assignment',
  'service_accept',
  ...SERVICE_CATEGORIES.map((c) => `service_resolve:${c}` as const),
  ...INFO_GRADES.map((g) => `follow_up:${g}` as const),
  ...MILESTONE_KINDS.map((k) => `milestone:${k}` as const),
  'milestone_weekly',
  'fulfilment_check',
] as const;
export type PolicyKey = (typeof POLICY_KEYS)[number];

/** How staff read a policy: its clock, and the variant in brackets (问题销单（复杂）, 建设节点（公司注册）). */
export const POLICY_KEY_LABELS: Record<PolicyKey, string> = Object.fromEntries(
  POLICY_KEYS.map((key) => {
    const [clock, variant] = key.split(':') as [ClockName, string | undefined];
    const variantLabel =
      variant === undefined
        ? null
        : clock === 'service_resolve'
          ? SERVICE_CATEGORY_LABELS[variant as (typeof SERVICE_CATEGORIES)[number]]
          : clock === 'follow_up'
            ? INFO_GRADE_LABELS[variant as InfoGrade]
            : MILESTONE_LABELS[variant as (typeof MILESTONE_KINDS)[number]];
    return [key, variantLabel ? `${CLOCK_LABELS[clock]}（${variantLabel}）` : CLOCK_LABELS[clock]];
  }),
) as Record<PolicyKey, string>;

export function isPolicyKey(value: unknown): value is PolicyKey {
  return typeof value === 'string' && (POLICY_KEYS as readonly string[]).includes(value);
}

export const DEFAULT_WARNING_FRACTIONS = [0.5, 0.75] as const;
/** Office hours end at 17:30 in the zones this engine serves; working-day deadlines end then. */
export const DEFAULT_END_OF_DAY = '17:30';

const workingDays = (days: number): SlaDuration => ({ unit: 'working_days', days, endsAt: DEFAULT_END_OF_DAY });
const hours = (h: number): SlaDuration => ({ unit: 'hours', hours: h });

const SERVICE_LADDER: EscalationLevel[] = [
  { afterBreachHours: 0, notify: 'enterprise_service_bureau' },
  { afterBreachHours: 48, notify: 'zone_leadership' },
];
const serviceClock = (duration: SlaDuration): SlaPolicyDefinition => ({
  duration,
  warnings: [{ fraction: 0.75, notify: 'enterprise_service_bureau' }],
  escalations: SERVICE_LADDER,
});
/** An overdue node: its responsible person at the due time, the bureau a day later, leadership a week later. */
const MILESTONE_LADDER: SlaPolicyDefinition = {
  duration: { unit: 'due_date' },
  warnings: [],
  escalations: [
    { afterBreachHours: 0, notify: RESPONSIBLE },
    { afterBreachHours: 24, notify: 'project_service_bureau' },
    { afterBreachHours: 168, notify: 'zone_leadership' },
  ],
};

/**
 * The seeded version 1 of every policy: the time limits of the foundation and lifecycle
 * issues, with "one working day" and "N days" for departments counted on the calendar.
 */
export const DEFAULT_POLICIES: Record<PolicyKey, { clock: ClockName; definition: SlaPolicyDefinition }> = {
  intake_decision: {
    clock: 'intake_decision',
    definition: {
      duration: hours(48),
      warnings: [{ fraction: 0.75, notify: 'intake_task_force' }],
      escalations: [
        { afterBreachHours: 0, notify: 'economic_cooperation_bureau_head' },
        { afterBreachHours: 24, notify: 'zone_leadership' },
      ],
    },
  },
  commissioner_assignment: {
    clock: 'commissioner_assignment',
    definition: {
      duration: workingDays(1),
      warnings: [{ fraction: 0.75, notify: 'project_service_bureau' }],
      escalations: [
        { afterBreachHours: 0, notify: 'project_service_bureau' },
        { afterBreachHours: 24, notify: 'zone_leadership' },
      ],
    },
  },
  service_accept: { clock: 'service_accept', definition: serviceClock(workingDays(1)) },
  'service_resolve:urgent': { clock: 'service_resolve', definition: serviceClock(hours(48)) },
  'service_resolve:normal': { clock: 'service_resolve', definition: serviceClock(workingDays(5)) },
  'service_resolve:complex': { clock: 'service_resolve', definition: serviceClock(workingDays(15)) },
  'follow_up:A': { clock: 'follow_up', definition: followUp(24) },
  'follow_up:B': { clock: 'follow_up', definition: followUp(48) },
  'follow_up:C': { clock: 'follow_up', definition: followUp(168) },
  ...(Object.fromEntries(MILESTONE_KINDS.map((k) => [`milestone:${k}`, { clock: 'milestone', definition: MILESTONE_LADDER }])) as Record<
    `milestone:${(typeof MILESTONE_KINDS)[number]}`,
    { clock: ClockName; definition: SlaPolicyDefinition }
  >),
  // 周提醒: every 7 days from the plan, each responsible person's nodes due before the next list.
  milestone_weekly: { clock: 'milestone_weekly', definition: { duration: hours(7 * 24), warnings: [], escalations: [{ afterBreachHours: 0, notify: RESPONSIBLE }] } },
  // Quarterly (91 days) from production; the bureau is reminded when a check falls due.
  fulfilment_check: {
    clock: 'fulfilment_check',
    definition: { duration: hours(91 * 24), warnings: [], escalations: [{ afterBreachHours: 0, notify: 'enterprise_service_bureau' }] },
  },
};

/**
 * A follow-up cadence: a follow-up is due every `cadenceHours`. The owner is reminded at each
 * miss; the third miss in a row (2 cadences after the first) also reaches the bureau head.
 * See followUpCadenceFrom for how hours after the first miss become "every Nth miss in a row".
 */
function followUp(cadenceHours: number): SlaPolicyDefinition {
  return {
    duration: hours(cadenceHours),
    warnings: [],
    escalations: [
      { afterBreachHours: 0, notify: RESPONSIBLE },
      { afterBreachHours: 2 * cadenceHours, notify: 'economic_cooperation_bureau_head' },
    ],
  };
}

const invalid = (field: string, zh: string, en: string): never => {
  throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}${zh}`, `{field} ${en}`), field);
};
const TIME_OF_DAY = /^([01]\d|2[0-3]):[0-5]\d$/;
const MAX_HOURS = 24 * 366;

function validateTarget(t: unknown, field: string, clock: ClockName): AlertTarget {
  const target = t as Partial<AlertTarget>;
  if (target.notify === RESPONSIBLE) {
    if (!RESPONSIBLE_CLOCKS.includes(clock)) invalid(`${field}.notify`, `只有跟进与节点时限可以是“${RESPONSIBLE}”（责任人）`, `may be '${RESPONSIBLE}' only for follow-up and milestone policies`);
  } else if (!isRole(target.notify)) {
    invalid(
      `${field}.notify`,
      `须为系统角色之一${RESPONSIBLE_CLOCKS.includes(clock) ? `或“${RESPONSIBLE}”（责任人）` : ''}`,
      `must be one of the roles${RESPONSIBLE_CLOCKS.includes(clock) ? ` or '${RESPONSIBLE}'` : ''}`,
    );
  }
  if (target.department !== undefined && target.department !== null && (typeof target.department !== 'string' || !target.department.trim())) {
    invalid(`${field}.department`, '填写时不能为空', 'must be a non-empty string when given');
  }
  return { notify: target.notify as AlertRecipient, department: target.department?.trim() || null };
}

/**
 * Checks an administrator's policy (the API has validated types already; this is the rule
 * set, shared with seeding): positive durations, warnings strictly inside (0, 1) in
 * increasing order, escalations with non-decreasing delays. Missing warnings get 50 % / 75 %.
 * Cadences: no warnings; follow-up, weekly-list and fulfilment periods in hours; a follow-up
 * level's delay a whole number of cadences (it becomes "every Nth miss in a row"); the weekly
 * list goes to the responsible people only.
 */
export function validatePolicyDefinition(input: unknown, key: PolicyKey): SlaPolicyDefinition {
  const { clock, definition: seeded } = DEFAULT_POLICIES[key];
  const defaultWarningRole = seeded.escalations[0].notify;
  const dueDateClock = DUE_DATE_CLOCKS.includes(clock);
  const cadence = CADENCE_CLOCKS.includes(clock);
  const def = input as Partial<SlaPolicyDefinition> & { warnings?: unknown; escalations?: unknown };
  const d = def.duration as Partial<{ unit: string; hours: number; days: number; endsAt: string }> | undefined;
  let duration: SlaDuration;
  if (dueDateClock || d?.unit === 'due_date') {
    if (!dueDateClock || (d && d.unit !== 'due_date')) invalid(
        'duration.unit',
        dueDateClock ? '须为 due_date（按节点计划日期）' : '只有节点时限可以是 due_date',
        dueDateClock ? "must be 'due_date' for this policy (its due dates come from the plan)" : "may be 'due_date' only for milestone policies",
      );
    duration = { unit: 'due_date' };
  } else if (d?.unit === 'hours') {
    if (typeof d.hours !== 'number' || !(d.hours > 0) || d.hours > MAX_HOURS) invalid('duration.hours', `须为大于 0 且不超过 ${MAX_HOURS} 的数`, `must be a number > 0 and <= ${MAX_HOURS}`);
    duration = { unit: 'hours', hours: d.hours as number };
  } else if (d?.unit === 'working_days') {
    if (PERIODIC_CLOCKS.includes(clock)) invalid('duration.unit', '须为 hours（按自然小时计）', "must be 'hours' for this policy (a period in wall-clock hours)");
    if (!Number.isInteger(d.days) || (d.days as number) < 1 || (d.days as number) > 250) invalid('duration.days', '须为 1 至 250 之间的整数', 'must be an integer from 1 to 250');
    const endsAt = d.endsAt ?? DEFAULT_END_OF_DAY;
    if (typeof endsAt !== 'string' || !TIME_OF_DAY.test(endsAt)) invalid('duration.endsAt', '须为 HH:MM 格式的时刻（00:00–23:59）', 'must be a time of day HH:MM (00:00–23:59)');
    duration = { unit: 'working_days', days: d.days as number, endsAt };
  } else {
    return invalid(
      'duration.unit',
      PERIODIC_CLOCKS.includes(clock) ? '须为 hours' : '须为 hours 或 working_days',
      PERIODIC_CLOCKS.includes(clock) ? "must be 'hours'" : "must be 'hours' or 'working_days'",
    );
  }

  if (cadence && Array.isArray(def.warnings) && def.warnings.length > 0) invalid('warnings', '须为空（跟进周期不发预警）', 'must be empty for this policy (cadences send no warnings)');
  const rawWarnings = def.warnings === undefined && !cadence ? DEFAULT_WARNING_FRACTIONS.map((fraction) => ({ fraction, notify: defaultWarningRole })) : def.warnings;
  if (!Array.isArray(rawWarnings ?? []) || (rawWarnings ?? []).length > 5) invalid('warnings', '须为列表，最多 5 级', 'must be an array of at most 5 levels');
  const warnings = ((rawWarnings ?? []) as unknown[]).map((w, i) => {
    const fraction = (w as Partial<WarningLevel>).fraction;
    if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) invalid(`warnings[${i}].fraction`, '须为大于 0 且小于 1 的数', 'must be a number strictly between 0 and 1');
    return { fraction: fraction as number, ...validateTarget(w, `warnings[${i}]`, clock) };
  });
  warnings.forEach((w, i) => i > 0 && w.fraction <= warnings[i - 1].fraction && invalid(`warnings[${i}].fraction`, '须大于上一级', 'must be greater than the level before'));

  if (!Array.isArray(def.escalations) || def.escalations.length < 1 || def.escalations.length > 6) invalid('escalations', '须为列表，1 至 6 级', 'must be an array of 1 to 6 levels');
  const escalations = (def.escalations as unknown[]).map((e, i) => {
    const after = (e as Partial<EscalationLevel>).afterBreachHours;
    if (typeof after !== 'number' || !(after >= 0) || after > MAX_HOURS) invalid(`escalations[${i}].afterBreachHours`, `须为 0 至 ${MAX_HOURS} 之间的数`, `must be a number from 0 to ${MAX_HOURS}`);
    return { afterBreachHours: after as number, ...validateTarget(e, `escalations[${i}]`, clock) };
  });
  if (LIST_CLOCKS.includes(clock) && (escalations.length !== 1 || escalations[0].notify !== RESPONSIBLE || escalations[0].afterBreachHours !== 0 || escalations[0].department)) {
    invalid(
      'escalations',
      `须为 [{ "afterBreachHours": 0, "notify": "${RESPONSIBLE}" }]（每位责任人各自收到清单）`,
      `must be [{ "afterBreachHours": 0, "notify": "${RESPONSIBLE}" }] for this policy (each responsible person gets their own list)`,
    );
  }
  if (clock === 'follow_up' && duration.unit === 'hours') {
    const cadenceHours = duration.hours;
    const wholeCadences = (h: number) => Math.abs(h / cadenceHours - Math.round(h / cadenceHours)) < 1e-9;
    escalations.forEach(
      (e, i) =>
        !wholeCadences(e.afterBreachHours) &&
        invalid(
          `escalations[${i}].afterBreachHours`,
          `须为跟进周期的整数倍（${cadenceHours} 小时的倍数）`,
          `must be a whole number of cadences (a multiple of ${cadenceHours} hours): follow-ups are missed one cadence apart`,
        ),
    );
  }
  escalations.forEach(
    (e, i) => i > 0 && e.afterBreachHours < escalations[i - 1].afterBreachHours && invalid(`escalations[${i}].afterBreachHours`, '不能小于上一级', 'must not be less than the level before'),
  );
  return { duration, warnings, escalations };
}

/** How staff read a duration: 48小时, 2184小时（91天）, 5个工作日（17:30截止）, 按计划到期日. */
export function durationLabel(d: SlaDuration): string {
  switch (d.unit) {
    case 'hours':
      // Long periods (the quarterly fulfilment check) read better in days.
      return d.hours >= 7 * 24 && d.hours % 24 === 0 ? `${d.hours}小时（${d.hours / 24}天）` : `${d.hours}小时`;
    case 'working_days':
      return `${d.days}个工作日（${d.endsAt}截止）`;
    case 'due_date':
      return '按计划到期日';
  }
}

import { weekdayLookup, type WorkdayLookup } from '../calendar/working-days';
import { DomainError } from '../errors';
import { builtInPlan, planClock } from './clock-plan';
import { DEFAULT_POLICIES, validatePolicyDefinition, type VersionedSlaPolicy } from './policy-definition';
import { INTAKE_DECISION_POLICY, thresholdsOf } from './sla-policy';

const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const policy = (key: VersionedSlaPolicy['key'], version = 1): VersionedSlaPolicy => ({ key, version, clock: DEFAULT_POLICIES[key].clock, ...DEFAULT_POLICIES[key].definition });

/** Spring Festival 2026 as published: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked. */
const springFestival2026: WorkdayLookup = (d) => {
  if (d === '2026-02-14' || d === '2026-02-28') return true;
  if (d >= '2026-02-15' && d <= '2026-02-23') return false;
  return weekdayLookup(d);
};

describe('planClock', () => {
  it('plans wall-clock hours exactly: the intake decision at 48 h, warning at 36 h, escalations at 48 h and 72 h', () => {
    const start = at('2026-11-20T11:00:00Z');
    const plan = planClock(policy('intake_decision'), start, weekdayLookup);
    expect(plan).toMatchObject({ policyKey: 'intake_decision', policyVersion: 1, budgetMs: 48 * H });
    expect(plan.thresholds.map((t) => [t.key, t.atElapsedMs / H, t.notify])).toEqual([
      ['warning-1', 36, 'intake_task_force'],
      ['escalation-1', 48, 'economic_cooperation_bureau_head'],
      ['escalation-2', 72, 'zone_leadership'],
    ]);
  });

  it('plans "5 working days" across the Spring Festival holiday, counting the make-up Saturday', () => {
    // Raised Wednesday 2026-02-11 15:00 (+08:00): Thu 12, Fri 13, Sat 14 (make-up), Tue 24, Wed 25 → 25th 17:30.
    const start = at('2026-02-11T15:00:00+08:00');
    const plan = planClock(policy('service_resolve:normal'), start, springFestival2026);
    expect(new Date(start + plan.budgetMs).toISOString()).toBe(new Date('2026-02-25T17:30:00+08:00').toISOString());
    // The 75 % warning falls in office hours, never in the holiday: 45 office hours in all
    // (Wed 2.5 + 5 × 8.5), 33.75 h of them used by Tue 24th 14:45.
    const warning = plan.thresholds.find((t) => t.key === 'warning-1')!;
    const warningAt = start + warning.atElapsedMs;
    expect(new Date(warningAt).toISOString()).toBe(new Date('2026-02-24T14:45:00+08:00').toISOString());
    // Escalations count wall-clock hours after the breach.
    expect(plan.thresholds.find((t) => t.key === 'escalation-2')!.atElapsedMs).toBe(plan.budgetMs + 48 * H);
  });

  it('plans "1 working day" from a Friday evening to Monday 17:30', () => {
    const start = at('2026-11-20T19:00:00+08:00');
    const plan = planClock(policy('service_accept'), start, weekdayLookup);
    expect(new Date(start + plan.budgetMs).toISOString()).toBe(new Date('2026-11-23T17:30:00+08:00').toISOString());
  });

  it('keeps the built-in thresholds of clocks that started before policies were data', () => {
    expect(builtInPlan(INTAKE_DECISION_POLICY).thresholds).toEqual(thresholdsOf(INTAKE_DECISION_POLICY));
    expect(builtInPlan(INTAKE_DECISION_POLICY)).toMatchObject({ policyKey: 'built-in', policyVersion: 0, budgetMs: 48 * H });
  });
});

describe('validatePolicyDefinition', () => {
  const field = (input: unknown, key: VersionedSlaPolicy['key'] = 'service_accept'): string | undefined => {
    try {
      validatePolicyDefinition(input, key);
      return undefined;
    } catch (err) {
      return (err as DomainError).field;
    }
  };
  const ladder = [{ afterBreachHours: 0, notify: 'enterprise_service_bureau' }];

  it('accepts working days and fills in the default warnings at 50 % and 75 % to the clock owner', () => {
    const def = validatePolicyDefinition({ duration: { unit: 'working_days', days: 2 }, escalations: ladder }, 'service_accept');
    expect(def.duration).toEqual({ unit: 'working_days', days: 2, endsAt: '17:30' });
    expect(def.warnings.map((w) => [w.fraction, w.notify])).toEqual([
      [0.5, 'enterprise_service_bureau'],
      [0.75, 'enterprise_service_bureau'],
    ]);
  });

  it('names the field of every broken rule', () => {
    expect(field({ duration: { unit: 'weeks' }, escalations: ladder })).toBe('duration.unit');
    expect(field({ duration: { unit: 'hours', hours: 0 }, escalations: ladder })).toBe('duration.hours');
    expect(field({ duration: { unit: 'working_days', days: 1.5 }, escalations: ladder })).toBe('duration.days');
    expect(field({ duration: { unit: 'working_days', days: 1, endsAt: '24:00' }, escalations: ladder })).toBe('duration.endsAt');
    expect(field({ duration: { unit: 'hours', hours: 4 }, warnings: [{ fraction: 1, notify: 'admin' }], escalations: ladder })).toBe('warnings[0].fraction');
    expect(field({ duration: { unit: 'hours', hours: 4 }, warnings: [{ fraction: 0.7, notify: 'admin' }, { fraction: 0.5, notify: 'admin' }], escalations: ladder })).toBe('warnings[1].fraction');
    expect(field({ duration: { unit: 'hours', hours: 4 }, escalations: [] })).toBe('escalations');
    expect(field({ duration: { unit: 'hours', hours: 4 }, escalations: [{ afterBreachHours: 0, notify: 'boss' }] })).toBe('escalations[0].notify');
    expect(field({ duration: { unit: 'hours', hours: 4 }, escalations: [{ afterBreachHours: 24, notify: 'admin' }, { afterBreachHours: 1, notify: 'admin' }] })).toBe(
      'escalations[1].afterBreachHours',
    );
    expect(field({ duration: { unit: 'hours', hours: 4 }, escalations: ladder }, 'milestone:land_handover')).toBe('duration.unit');
    expect(field({ duration: { unit: 'due_date' }, escalations: ladder })).toBe('duration.unit');
  });

  it('seeds a valid version 1 of every policy', () => {
    for (const [key, { definition }] of Object.entries(DEFAULT_POLICIES)) {
      expect(() => validatePolicyDefinition(definition, key as VersionedSlaPolicy['key'])).not.toThrow();
    }
  });
});

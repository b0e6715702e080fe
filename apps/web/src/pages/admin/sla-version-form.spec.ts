import { DEFAULT_POLICIES } from '@zs/domain';
import { definitionOf, formValuesOf, versionProblem } from './sla-version-form';

describe('the SLA new-version form', () => {
  const seeded = DEFAULT_POLICIES['service_resolve:complex'].definition;

  it('starts from the current version and, unchanged, describes exactly it', () => {
    const values = formValuesOf(seeded);
    expect(definitionOf(values)).toEqual({
      duration: seeded.duration,
      warnings: seeded.warnings.map(({ department, ...w }) => (department ? { ...w, department } : w)),
      escalations: seeded.escalations.map(({ department, ...e }) => (department ? { ...e, department } : e)),
    });
    expect(versionProblem(values, 'service_resolve:complex', 'zh-CN')).toBeNull();
  });

  it('keeps only the fields of the chosen unit and drops blank departments', () => {
    const values = formValuesOf(seeded);
    values.duration = { unit: 'hours', hours: 36, days: 15, endsAt: '17:30' };
    values.escalations[0].department = '  ';
    const def = definitionOf(values);
    expect(def.duration).toEqual({ unit: 'hours', hours: 36 });
    expect(def.escalations[0]).not.toHaveProperty('department');
  });

  it('puts the domain rule that fails on its field, in the user’s language', () => {
    const values = formValuesOf(seeded);
    values.duration = { unit: 'working_days', days: 0, endsAt: '17:30' };
    expect(versionProblem(values, 'service_resolve:complex', 'zh-CN')).toEqual({ name: ['duration', 'days'], errors: ['须为 1 至 250 之间的整数'] });
    expect(versionProblem(values, 'service_resolve:complex', 'en')).toEqual({ name: ['duration', 'days'], errors: ['must be an integer from 1 to 250'] });

    const warnings = formValuesOf(seeded);
    warnings.warnings = [{ fraction: 0.75, notify: 'admin' }, { fraction: 0.5, notify: 'admin' }];
    expect(versionProblem(warnings, 'service_resolve:complex', 'zh-CN')?.name).toEqual(['warnings', 1, 'fraction']);
  });

  it('refuses working days for a cadence measured in hours (a follow-up period)', () => {
    const values = formValuesOf(DEFAULT_POLICIES['follow_up:A'].definition);
    values.duration = { unit: 'working_days', days: 1 };
    expect(versionProblem(values, 'follow_up:A', 'zh-CN')?.name).toEqual(['duration', 'unit']);
  });
});

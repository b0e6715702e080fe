import { filtersFromQuery, filtersToQuery, kpiQuery, targetYear } from './dashboard-filters';

const TODAY = '2026-12-01';
const DEPT = '3f2b8c1e-0000-4000-8000-000000000001';

describe('dashboard filters in the URL', () => {
  it('defaults to the year to date, every department, by month', () => {
    expect(filtersFromQuery(new URLSearchParams(''), TODAY)).toEqual({ from: '2026-01-01', to: TODAY, departmentId: null, period: 'month' });
  });

  it('reads a chosen period, department and granularity back from what it wrote', () => {
    const f = { from: '2026-03-01', to: '2026-05-31', departmentId: DEPT, period: 'quarter' as const };
    expect(filtersToQuery(f)).toEqual({ from: '2026-03-01', to: '2026-05-31', department: DEPT, period: 'quarter' });
    expect(filtersFromQuery(new URLSearchParams(filtersToQuery(f)), TODAY)).toEqual(f);
  });

  it('ignores a malformed or reversed period, a department that is not an id, an unknown granularity', () => {
    expect(filtersFromQuery(new URLSearchParams('from=2026-05-01&to=2026-03-01'), TODAY)).toMatchObject({ from: '2026-01-01', to: TODAY });
    expect(filtersFromQuery(new URLSearchParams('from=yesterday&to=2026-03-01'), TODAY)).toMatchObject({ from: '2026-01-01' });
    expect(filtersFromQuery(new URLSearchParams('department=招商局&period=week'), TODAY)).toMatchObject({ departmentId: null, period: 'month' });
  });
});

describe('kpiQuery and targetYear', () => {
  const f = { from: '2025-07-01', to: '2026-06-30', departmentId: DEPT, period: 'quarter' as const };

  it('asks GET /kpis for the grouping over the period, within the department', () => {
    expect(kpiQuery(f, 'chain')).toEqual({ groupBy: 'chain', from: '2025-07-01', to: '2026-06-30', department: DEPT });
    expect(kpiQuery({ ...f, departmentId: null }, 'period')).toEqual({ groupBy: 'period', from: '2025-07-01', to: '2026-06-30', period: 'quarter' });
  });

  it('shows the targets of the year the period ends in', () => {
    expect(targetYear(f)).toBe(2026);
  });
});

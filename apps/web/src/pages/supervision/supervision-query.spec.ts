import { filtersFromQuery, filtersToQuery, listQuery, overdueMatrix, summaryQuery, withFilter } from './supervision-query';

describe('督办 filters in the URL', () => {
  it('defaults to every overdue clock, first page of 20', () => {
    expect(filtersFromQuery(new URLSearchParams(''))).toEqual({ view: 'overdue', department: null, level: null, stage: null, policyKey: null, page: 1, pageSize: 20 });
    expect(filtersToQuery(filtersFromQuery(new URLSearchParams('')))).toEqual({});
  });

  it('reads back what it wrote, level 0 included', () => {
    const f = { view: 'overdue' as const, department: '项目承接专班', level: 0, stage: 'intake', policyKey: 'intake_decision', page: 3, pageSize: 50 };
    expect(filtersFromQuery(new URLSearchParams(filtersToQuery(f)))).toEqual(f);
  });

  it('ignores a level, page or page size that is not one', () => {
    expect(filtersFromQuery(new URLSearchParams('level=high&page=-2&pageSize=7&view=soon'))).toMatchObject({ level: null, page: 1, pageSize: 20, view: 'overdue' });
  });

  it('starts again at page 1 when a filter changes', () => {
    const f = filtersFromQuery(new URLSearchParams('page=4&pageSize=50'));
    expect(withFilter(f, { department: '企业服务局', level: 2 })).toMatchObject({ department: '企业服务局', level: 2, page: 1, pageSize: 50 });
  });
});

describe('API queries', () => {
  const f = filtersFromQuery(new URLSearchParams('department=企业服务局&level=1&stage=service&page=2'));

  it('asks the overdue list for the department, level, stage and page', () => {
    expect(listQuery(f)).toEqual({ page: 2, pageSize: 20, department: '企业服务局', escalationLevel: 1, stage: 'service' });
  });

  it('drops the level for clocks due soon (not breached, so not escalated)', () => {
    expect(listQuery({ ...f, view: 'dueSoon' })).not.toHaveProperty('escalationLevel');
  });

  it('counts the matrix over the stage and policy only: department and level are its axes', () => {
    expect(summaryQuery(f)).toEqual({ stage: 'service' });
  });
});

describe('overdueMatrix', () => {
  it('lays the counts out by department and level, the most overdue department first, with totals', () => {
    const m = overdueMatrix([
      { department: '企业服务局', escalationLevel: 1, count: 2 },
      { department: '项目承接专班', escalationLevel: 0, count: 1 },
      { department: '项目承接专班', escalationLevel: 2, count: 4 },
    ]);
    expect(m.levels).toEqual([0, 1, 2]);
    expect(m.rows).toEqual([
      { department: '项目承接专班', counts: { 0: 1, 2: 4 }, total: 5 },
      { department: '企业服务局', counts: { 1: 2 }, total: 2 },
    ]);
    expect(m.totals).toEqual({ 0: 1, 1: 2, 2: 4 });
    expect(m.total).toBe(7);
  });

  it('is empty when nothing is overdue', () => {
    expect(overdueMatrix([])).toEqual({ levels: [], rows: [], totals: {}, total: 0 });
  });
});

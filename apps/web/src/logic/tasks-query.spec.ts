import { tasksQueryFromSearch, tasksQueryToSearch } from './tasks-query';

describe('我的待办 query ⇄ address', () => {
  it('round-trips filters and page, leaving defaults out', () => {
    const query = { page: 3, pageSize: 50, stage: 'construction' as const, overdue: 'true' as const };
    expect(tasksQueryToSearch(query).toString()).toBe('stage=construction&overdue=true&page=3&pageSize=50');
    expect(tasksQueryFromSearch(tasksQueryToSearch(query))).toEqual(query);
    expect(tasksQueryToSearch({ page: 1, pageSize: 20 }).toString()).toBe('');
  });

  it('falls back to the defaults for anything it does not know', () => {
    expect(tasksQueryFromSearch(new URLSearchParams('page=0&pageSize=33&stage=moon&overdue=yes'))).toEqual({ page: 1, pageSize: 20 });
    expect(tasksQueryFromSearch(new URLSearchParams('page=2.5'))).toEqual({ page: 1, pageSize: 20 });
  });
});

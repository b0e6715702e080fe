import dayjs from 'dayjs';
import { formValuesOf, queryOfForm } from './filter-form';
import { EMPTY_QUERY, parseProjectQuery } from './project-query';

describe('项目库 filter form ⇄ query', () => {
  it('shows the periods as date ranges and gives the same query back', () => {
    const query = parseProjectQuery('stage=signing&registeredFrom=2026-01-05&signedTo=2026-02-01&q=%E5%AE%81%E5%BE%B7&sort=companyName&pageSize=50');
    const values = formValuesOf(query);
    expect(values.registered?.[0]?.format('YYYY-MM-DD')).toBe('2026-01-05');
    expect(values.registered?.[1]).toBeNull();
    expect(values.signed?.[1]?.format('YYYY-MM-DD')).toBe('2026-02-01');
    expect(values).toMatchObject({ stages: ['signing'], q: '宁德', sort: 'companyName', overdue: undefined });
    expect(queryOfForm(query, values)).toEqual(query);
  });

  it('a cleared period and cleared fields leave the query; the page goes back to 1', () => {
    const query = { ...parseProjectQuery('registeredFrom=2026-01-05&kind=new&page=3'), page: 3 };
    const next = queryOfForm(query, { ...formValuesOf(query), registered: null, kind: undefined, signed: [dayjs('2026-03-01'), dayjs('2026-03-31')] });
    expect(next).toEqual({ ...EMPTY_QUERY, filters: { signedFrom: '2026-03-01', signedTo: '2026-03-31' } });
  });
});

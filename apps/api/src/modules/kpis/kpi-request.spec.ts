import { ApiException } from '../../common/errors/api.exception';
import { kpiRequestOf } from './kpi-request';

const NOW = Date.parse('2026-07-01T02:00:00Z');
const fieldOf = (q: object) => {
  try {
    kpiRequestOf(q, NOW);
  } catch (err) {
    return ((err as ApiException).details ?? [])[0]?.field;
  }
  return null;
};

describe('kpiRequestOf', () => {
  it('defaults: by department, as of today in Asia/Shanghai, no window', () => {
    expect(kpiRequestOf({}, NOW)).toEqual({ groupBy: 'department', period: undefined, from: null, to: null, asOf: '2026-07-01', filter: {} });
  });

  it('maps the filters onto the owner columns', () => {
    expect(kpiRequestOf({ department: 'd', team: 't', officer: 'o', chain: 'c', campaign: 'k' }, NOW).filter).toEqual({
      departmentId: 'd',
      teamId: 't',
      officerId: 'o',
      chain: 'c',
      campaignId: 'k',
    });
  });

  it('refuses crossed dates, a period without a start, and too many periods, naming the field', () => {
    expect(fieldOf({ from: '2026-05-01', to: '2026-04-01' })).toBe('to');
    expect(fieldOf({ groupBy: 'period' })).toBe('from');
    expect(fieldOf({ groupBy: 'team', period: 'quarter' })).toBe('from');
    expect(fieldOf({ groupBy: 'period', period: 'month', from: '2000-01-01' })).toBe('period');
    expect(fieldOf({ groupBy: 'period', period: 'year', from: '2000-01-01' })).toBeNull();
  });
});

import { AUDIT_ACTION_LABELS } from '@zs/domain';
import { actionOptions, auditEventsParams, beijingIso, wholeDays } from './audit-search';

describe('the audit search form as a query', () => {
  it('writes instants with Beijing’s offset, whatever the browser’s zone', () => {
    expect(beijingIso(Date.parse('2026-02-28T16:00:00Z'))).toBe('2026-03-01T00:00:00+08:00');
    expect(beijingIso(Date.parse('2026-03-01T09:30:15.999Z'))).toBe('2026-03-01T17:30:15+08:00');
  });

  it('leaves empty choices out and pages', () => {
    expect(auditEventsParams({}, 1, 20)).toEqual({ page: 1, pageSize: 20 });
    expect(auditEventsParams({ action: 'intake.accepted', actorUserId: 'system', departmentId: '', period: undefined }, 3, 50)).toEqual({
      action: 'intake.accepted',
      actorUserId: 'system',
      page: 3,
      pageSize: 50,
    });
    const period = wholeDays(Date.parse('2026-03-01T10:00:00+08:00'), Date.parse('2026-03-02T23:00:00+08:00'));
    expect(auditEventsParams({ period }, 1, 20)).toMatchObject({ from: '2026-03-01T00:00:00+08:00', to: '2026-03-03T00:00:00+08:00' });
  });

  it('makes a one-day period the whole day in Beijing, also late in the evening', () => {
    const [from, to] = wholeDays(Date.parse('2026-03-01T23:30:00+08:00'), Date.parse('2026-03-01T00:10:00+08:00'));
    expect([beijingIso(from), beijingIso(to)]).toEqual(['2026-03-01T00:00:00+08:00', '2026-03-02T00:00:00+08:00']);
  });

  it('offers every action of the audit log by its Chinese label', () => {
    const options = actionOptions();
    expect(options).toHaveLength(Object.keys(AUDIT_ACTION_LABELS).length);
    expect(options).toContainEqual({ value: 'intake.accepted', label: '研判通过，予以承接' });
  });
});

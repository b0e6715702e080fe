import { WorkingCalendar } from '@zs/activities';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';

/**
 * Dates this file overrides. All in the past or in years the dataset does not cover, so no clock
 * of another file could depend on them; removed again after each test all the same.
 */
const OVERRIDDEN = ['2026-10-09', '2026-02-14', '2031-01-01', '2031-01-04'];

interface AuditRow {
  id: string;
  actor_user_id: string;
  actor_role: string;
  action: string;
  subject: string;
  reason: string | null;
  payload: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

describe('the working-day calendar over HTTP (GET /sla/calendar, overrides)', () => {
  let h: E2eHarness;
  let admin: Staff;
  let officer: Staff;

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, officer] = await Promise.all([loginStaff(h, 'admin'), loginStaff(h, 'officer')]);
  });
  afterEach(async () => {
    await h.dataSource.query(`DELETE FROM calendar_overrides WHERE day = ANY($1::date[])`, [OVERRIDDEN]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const days = async (from: string, to: string, who: Staff = officer) => {
    const res = await h.http('GET', `/sla/calendar?from=${from}&to=${to}`, { token: who.token });
    expect(res.status).toBe(200);
    return res.body.days as { date: string; working: boolean; source: string; name: string }[];
  };
  const dayOf = async (date: string) => (await days(date, date))[0];
  const setOverride = (date: string, body: unknown, who: Staff = admin) => h.http('PUT', `/sla/calendar/overrides/${date}`, { token: who.token, body });
  const removeOverride = (date: string, reason: string | null, who: Staff = admin) =>
    h.http('DELETE', `/sla/calendar/overrides/${date}${reason === null ? '' : `?reason=${encodeURIComponent(reason)}`}`, { token: who.token });

  /** The admin audit records written since `afterId`, oldest first. */
  const auditSince = (afterId: string): Promise<AuditRow[]> =>
    h.dataSource.query(`SELECT id, actor_user_id, actor_role, action, subject, reason, payload FROM admin_audit_events WHERE id > $1 ORDER BY id`, [afterId]);
  const lastAuditId = async (): Promise<string> => (await h.dataSource.query(`SELECT coalesce(max(id), 0)::text AS id FROM admin_audit_events`))[0].id;
  /** What a refused request must leave alone: the overrides and the admin audit log. */
  const calendarState = async () => ({
    overrides: await h.dataSource.query(`SELECT day::text, working, name, reason, updated_by, updated_at FROM calendar_overrides ORDER BY day`),
    audit: await lastAuditId(),
  });

  it('shows the State Council arrangement of the 2026 Spring Festival to any member of staff', async () => {
    const feb = await days('2026-02-13', '2026-03-02');
    const pick = (date: string) => feb.find((d) => d.date === date);
    expect(feb).toHaveLength(18);
    expect(pick('2026-02-13')).toEqual({ date: '2026-02-13', working: true, source: 'dataset', name: '工作日' });
    expect(pick('2026-02-14')).toEqual({ date: '2026-02-14', working: true, source: 'dataset', name: '春节调休上班' });
    expect(pick('2026-02-15')).toEqual({ date: '2026-02-15', working: false, source: 'dataset', name: '春节' });
    // A Friday inside the holiday (the dataset's 调休 "in lieu" day) is a rest day.
    expect(pick('2026-02-20')).toEqual({ date: '2026-02-20', working: false, source: 'dataset', name: '春节' });
    expect(pick('2026-02-23')).toEqual({ date: '2026-02-23', working: false, source: 'dataset', name: '春节' });
    expect(pick('2026-02-24')).toEqual({ date: '2026-02-24', working: true, source: 'dataset', name: '工作日' });
    expect(pick('2026-02-28')).toEqual({ date: '2026-02-28', working: true, source: 'dataset', name: '春节调休上班' });
    expect(pick('2026-03-01')).toEqual({ date: '2026-03-01', working: false, source: 'dataset', name: '周末' });
    expect(feb.filter((d) => !d.working).map((d) => d.date)).toEqual([
      '2026-02-15', '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20', '2026-02-21', '2026-02-22', '2026-02-23', '2026-03-01',
    ]);
  });

  it('falls back to Monday–Friday for a year the dataset does not cover yet, and says so', async () => {
    // 2031-01-01 is a Wednesday: surely a holiday, but nobody has published 2031 yet.
    expect(await days('2031-01-01', '2031-01-05')).toEqual([
      { date: '2031-01-01', working: true, source: 'weekday', name: '工作日' },
      { date: '2031-01-02', working: true, source: 'weekday', name: '工作日' },
      { date: '2031-01-03', working: true, source: 'weekday', name: '工作日' },
      { date: '2031-01-04', working: false, source: 'weekday', name: '周末' },
      { date: '2031-01-05', working: false, source: 'weekday', name: '周末' },
    ]);
  });

  it('answers a whole leap year at once (366 days)', async () => {
    const year = await days('2028-01-01', '2028-12-31');
    expect(year).toHaveLength(366);
    expect(year[365].date).toBe('2028-12-31');
  });

  it('sets, replaces and removes an override; GET /sla/calendar follows and every change is audited with actor and reason', async () => {
    const since = await lastAuditId();
    expect(await dayOf('2026-10-09')).toEqual({ date: '2026-10-09', working: true, source: 'dataset', name: '工作日' });

    const set = await setOverride('2026-10-09', { working: false, name: '台风停工', reason: '市防指发布台风红色预警，全区停工一天' });
    expect(set.status).toBe(200);
    expect(set.body).toEqual({
      date: '2026-10-09',
      working: false,
      name: '台风停工',
      reason: '市防指发布台风红色预警，全区停工一天',
      updatedBy: admin.id,
      updatedAt: expect.any(String),
    });
    expect(await dayOf('2026-10-09')).toEqual({ date: '2026-10-09', working: false, source: 'override', name: '台风停工' });

    const replaced = await setOverride('2026-10-09', { working: true, name: '恢复上班', reason: '预警提前解除' });
    expect(replaced.status).toBe(200);
    expect(await dayOf('2026-10-09')).toEqual({ date: '2026-10-09', working: true, source: 'override', name: '恢复上班' });
    const listed = await h.http('GET', '/sla/calendar/overrides', { token: officer.token });
    expect(listed.status).toBe(200);
    expect(listed.body.items).toEqual([replaced.body]);

    const removed = await removeOverride('2026-10-09', '与数据集一致，无需覆盖');
    expect(removed.status).toBe(204);
    expect(await dayOf('2026-10-09')).toEqual({ date: '2026-10-09', working: true, source: 'dataset', name: '工作日' });
    expect((await h.http('GET', '/sla/calendar/overrides', { token: officer.token })).body.items).toEqual([]);

    const audit = await auditSince(since);
    expect(audit.map((a) => [a.action, a.subject, a.actor_user_id, a.actor_role, a.reason])).toEqual([
      ['calendar.override_set', 'calendar:2026-10-09', admin.id, 'admin', '市防指发布台风红色预警，全区停工一天'],
      ['calendar.override_set', 'calendar:2026-10-09', admin.id, 'admin', '预警提前解除'],
      ['calendar.override_removed', 'calendar:2026-10-09', admin.id, 'admin', '与数据集一致，无需覆盖'],
    ]);
    expect(audit[0].payload).toEqual({ before: null, after: set.body });
    expect(audit[1].payload).toEqual({ before: set.body, after: replaced.body });
    expect(audit[2].payload).toEqual({ before: replaced.body, after: null });
  });

  it('answers 404 for removing an override that does not exist, and records nothing', async () => {
    const before = await calendarState();
    const res = await removeOverride('2026-10-09', '误操作');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND', message: expect.stringContaining('2026-10-09') });
    expect(await calendarState()).toEqual(before);
  });

  describe('refusals change nothing', () => {
    const valid = { working: false, name: '台风停工', reason: '台风红色预警' };

    /** Exact status and code, naming the field; the overrides and the audit log did not move. */
    const expectRefused = async (send: () => Promise<HttpResult>, status: number, code: string, field?: string) => {
      const before = await calendarState();
      const res = await send();
      expect({ status: res.status, body: res.body }).toMatchObject({
        status,
        body: { statusCode: status, code, message: expect.any(String), correlationId: expect.any(String) },
      });
      if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toEqual([field]);
      expect(await calendarState()).toEqual(before);
    };

    it.each([
      ['a day that does not exist', 'date', '2026-02-30', valid],
      ['a month that does not exist', 'date', '2026-13-01', valid],
      ['a date of the wrong shape', 'date', '2026-2-3', valid],
      ['working as a string', 'working', '2026-10-09', { ...valid, working: 'false' }],
      ['no working', 'working', '2026-10-09', { name: valid.name, reason: valid.reason }],
      ['no name', 'name', '2026-10-09', { working: false, reason: valid.reason }],
      ['a blank reason', 'reason', '2026-10-09', { ...valid, reason: '   ' }],
      ['a name of 101 characters', 'name', '2026-10-09', { ...valid, name: '停'.repeat(101) }],
      ['an unknown property', 'day', '2026-10-09', { ...valid, day: '2026-10-10' }],
    ])('PUT refuses %s, naming %s', async (_what, field, date, body) => {
      await expectRefused(() => setOverride(date, body), 400, 'VALIDATION_FAILED', field);
    });

    it('DELETE refuses a missing or blank reason and a bad date, naming the field', async () => {
      await setOverride('2026-10-09', valid);
      await expectRefused(() => removeOverride('2026-10-09', null), 400, 'VALIDATION_FAILED', 'reason');
      await expectRefused(() => removeOverride('2026-10-09', ' '), 400, 'VALIDATION_FAILED', 'reason');
      await expectRefused(() => removeOverride('2026-13-01', '误操作'), 400, 'VALIDATION_FAILED', 'date');
    });

    it.each([
      ['from=2026-02-30&to=2026-03-01', 'from'],
      ['from=2026-03-01&to=2026-13-01', 'to'],
      ['from=2026-2-1&to=2026-03-01', 'from'],
      ['to=2026-03-01', 'from'],
      ['from=2026-03-01', 'to'],
      ['from=2026-03-01&to=2026-02-28', 'to'],
      ['from=2028-01-01&to=2029-01-01', 'to'],
      ['from=2026-03-01&to=2026-03-02&limit=5', 'limit'],
    ])('GET /sla/calendar?%s names %s', async (query, field) => {
      await expectRefused(() => h.http('GET', `/sla/calendar?${query}`, { token: officer.token }), 400, 'VALIDATION_FAILED', field);
    });

    it('lets only administrators change the calendar (403 for others), and only staff read it (401 without a token)', async () => {
      await setOverride('2026-10-09', valid);
      await expectRefused(() => setOverride('2026-10-09', { ...valid, working: true }, officer), 403, 'FORBIDDEN_ROLE');
      await expectRefused(() => removeOverride('2026-10-09', '误操作', officer), 403, 'FORBIDDEN_ROLE');
      await expectRefused(() => h.http('GET', '/sla/calendar?from=2026-10-09&to=2026-10-09'), 401, 'UNAUTHENTICATED');
      expect(await dayOf('2026-10-09')).toMatchObject({ working: false, source: 'override' });
    });
  });

  describe('WorkingCalendar (what the worker plans deadlines with)', () => {
    it('follows the real dataset: make-up working days, holidays and the day after National Day', async () => {
      const isWorkday = await new WorkingCalendar(h.dataSource).lookup();
      expect(isWorkday('2026-02-14')).toBe(true); // Saturday, 春节调休上班
      expect(isWorkday('2026-02-16')).toBe(false); // Monday, 春节
      expect(isWorkday('2026-10-07')).toBe(false); // Wednesday, 国庆节 (调休)
      expect(isWorkday('2026-10-08')).toBe(true); // Thursday after the holiday
      expect(isWorkday('2026-10-10')).toBe(true); // Saturday, 国庆节调休上班
      expect(isWorkday('2026-10-11')).toBe(false); // an ordinary Sunday
      expect(isWorkday('2031-01-04')).toBe(false); // a Saturday of a year without data
    });

    it('honours overrides from the database, read when the lookup is taken', async () => {
      const before = await new WorkingCalendar(h.dataSource).lookup();
      expect((await setOverride('2026-02-14', { working: false, name: '专班休整', reason: '春节前专班集中休整' })).status).toBe(200);
      expect((await setOverride('2031-01-01', { working: false, name: '元旦', reason: '2031年安排未发布，先按惯例放假' })).status).toBe(200);
      expect((await setOverride('2031-01-04', { working: true, name: '元旦调休上班', reason: '2031年安排未发布' })).status).toBe(200);

      const after = await new WorkingCalendar(h.dataSource).lookup();
      expect([after('2026-02-14'), after('2031-01-01'), after('2031-01-04')]).toEqual([false, false, true]);
      // A lookup already taken keeps answering as it did: one activity plans with one calendar.
      expect([before('2026-02-14'), before('2031-01-01'), before('2031-01-04')]).toEqual([true, true, false]);
    });
  });

  it('documents the calendar routes in OpenAPI', async () => {
    const res = await h.http('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(expect.arrayContaining(['/sla/calendar', '/sla/calendar/overrides', '/sla/calendar/overrides/{date}']));
    expect(Object.keys(res.body.paths['/sla/calendar/overrides/{date}'])).toEqual(expect.arrayContaining(['put', 'delete']));
    expect(res.body.components.schemas.CalendarDayDto.properties.source.enum).toEqual(['override', 'dataset', 'weekday']);
  });
});

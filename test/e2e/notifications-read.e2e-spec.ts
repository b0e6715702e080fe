import { enqueueNotification } from '@zs/activities';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { createFreshStaff, type FreshStaff } from '../support/fresh-staff';
import { escalation, uniqueSuffix } from './notifications/support/notification-fixtures';

/** 消息 read / unread over HTTP: each reader's own mark, the unread filter and count, one and all. */
describe('notification read marks', () => {
  let h: E2eHarness;
  let alice: FreshStaff;
  let bob: FreshStaff;
  const suffix = uniqueSuffix();
  const titles = { forAlice: `给王芳的消息 ${suffix}`, forAuditors: `全体审计人员 ${suffix}`, forBob: `给赵强的消息 ${suffix}` };

  beforeAll(async () => {
    h = await startE2eHarness({ worker: false });
    alice = await createFreshStaff(h, '王芳');
    bob = await createFreshStaff(h, '赵强');
    // Whatever auditor alerts the shared database holds already, the counts below start from zero.
    for (const s of [alice, bob]) expect((await h.http('POST', '/notifications/read-all', { token: s.token })).status).toBe(200);
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${suffix}:alice`, recipientUserId: alice.id, recipientRole: 'auditor', title: titles.forAlice }));
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${suffix}:auditors`, recipientRole: 'auditor', projectId: null, title: titles.forAuditors }));
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${suffix}:bob`, recipientUserId: bob.id, recipientRole: 'auditor', title: titles.forBob }));
  });
  afterAll(async () => {
    await h?.dataSource.query(`UPDATE notification_outbox SET status = 'skipped', last_error = 'test data' WHERE event_key LIKE $1 AND status = 'pending'`, [`${suffix}:%`]);
    await h?.teardown();
  });

  const inbox = async (s: FreshStaff, query = '') => {
    const res = await h.http('GET', `/notifications?pageSize=100${query}`, { token: s.token });
    expect(res.status).toBe(200);
    return res.body as { items: Array<{ id: string; title: string; read: boolean; readAt: string | null; projectId: string | null }>; total: number; unreadCount: number };
  };
  const unread = async (s: FreshStaff) => {
    const res = await h.http('GET', '/notifications/unread-count', { token: s.token });
    expect(res.status).toBe(200);
    return res.body.unreadCount as number;
  };
  const idOf = async (s: FreshStaff, title: string) => (await inbox(s)).items.find((n) => n.title === title)!.id;

  it('lists the inbox with the reader\'s own marks, counts the unread, and marks one read once', async () => {
    const before = await inbox(alice);
    expect(before.items.filter((n) => n.title.endsWith(suffix)).map((n) => [n.title, n.read, n.readAt])).toEqual([
      [titles.forAuditors, false, null],
      [titles.forAlice, false, null],
    ]);
    expect([before.unreadCount, await unread(alice)]).toEqual([2, 2]);

    const id = await idOf(alice, titles.forAlice);
    const marked = await h.http('POST', `/notifications/${id}/read`, { token: alice.token });
    expect([marked.status, marked.body]).toEqual([200, { marked: 1, unreadCount: 1 }]);
    // Again: nothing changes, the first mark stays.
    const readAt = (await inbox(alice)).items.find((n) => n.id === id)!.readAt;
    expect(readAt).toEqual(expect.stringMatching(/^\d{4}-\d\d-\d\dT/));
    expect((await h.http('POST', `/notifications/${id}/read`, { token: alice.token })).body).toEqual({ marked: 0, unreadCount: 1 });
    expect((await inbox(alice)).items.find((n) => n.id === id)).toMatchObject({ read: true, readAt });

    const onlyUnread = await inbox(alice, '&unread=true');
    expect(onlyUnread.items.map((n) => n.title)).toEqual([titles.forAuditors]);
    expect([onlyUnread.total, onlyUnread.unreadCount]).toEqual([1, 1]);
  });

  it("keeps each reader's marks apart: an alert to the whole role stays unread for the others; another's alert is not found", async () => {
    const shared = await idOf(alice, titles.forAuditors);
    expect((await h.http('POST', `/notifications/${shared}/read`, { token: alice.token })).body).toEqual({ marked: 1, unreadCount: 0 });
    expect(await unread(bob)).toBe(2);
    expect((await inbox(bob)).items.find((n) => n.id === shared)).toMatchObject({ read: false, readAt: null });

    const bobs = await idOf(bob, titles.forBob);
    const refused = await h.http('POST', `/notifications/${bobs}/read`, { token: alice.token });
    expect([refused.status, refused.body.code]).toEqual([404, 'NOT_FOUND']);
    expect((await h.http('POST', '/notifications/999999999999/read', { token: alice.token })).status).toBe(404);
    expect(await unread(bob)).toBe(2);
  });

  it('marks everything read for the caller only', async () => {
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${suffix}:alice-2`, recipientUserId: alice.id, recipientRole: 'auditor', title: `${titles.forAlice} 2` }));
    expect(await unread(alice)).toBe(1);
    const all = await h.http('POST', '/notifications/read-all', { token: bob.token });
    expect([all.status, all.body]).toEqual([200, { marked: 2, unreadCount: 0 }]);
    expect(await unread(alice)).toBe(1);
    expect((await inbox(bob, '&unread=true')).items).toEqual([]);
    expect((await h.http('POST', '/notifications/read-all', { token: alice.token })).body).toEqual({ marked: 1, unreadCount: 0 });
  });

  it('refuses a malformed id or filter naming it, and a caller without a token', async () => {
    const badId = await h.http('POST', '/notifications/abc/read', { token: alice.token });
    expect([badId.status, badId.body.code, badId.body.details?.map((d: { field: string }) => d.field)]).toEqual([400, 'VALIDATION_FAILED', ['id']]);
    const badFilter = await h.http('GET', '/notifications?unread=maybe', { token: alice.token });
    expect([badFilter.status, badFilter.body.details?.map((d: { field: string }) => d.field)]).toEqual([400, ['unread']]);
    for (const [method, path] of [
      ['GET', '/notifications/unread-count'],
      ['POST', '/notifications/read-all'],
      ['POST', `/notifications/1/read`],
    ]) {
      expect((await h.http(method, path)).status).toBe(401);
    }
  });
});

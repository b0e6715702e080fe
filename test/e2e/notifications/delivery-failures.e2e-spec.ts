import { enqueueNotification, type OutboxDispatcher } from '@zs/activities';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { eventually } from '../../support/eventually';
import { escalation, outboxOf, testDispatcher, uniqueSuffix, webhookSender, type OutboxRow } from './support/notification-fixtures';
import { startWebhookReceiver, type WebhookReceiver } from './support/webhook-receiver';

/**
 * Delivery when the receiver fails: down, then 503, then back (retried with back-off, delivered
 * once each); a permanent 404 (dead letter at once, visible to admins, re-queued by the retry endpoint).
 */
describe('delivery under failure, and the dead letters', () => {
  let h: E2eHarness;
  let admin: Staff;
  let officer: Staff;
  let receiver: WebhookReceiver;
  let dispatcher: OutboxDispatcher;
  const suffix = uniqueSuffix();
  const department = `项目服务局-故障${suffix}`;
  const goneDepartment = `项目服务局-失效${suffix}`;
  let goneIsBack = false;

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, officer] = await Promise.all([loginStaff(h, 'admin'), loginStaff(h, 'officer')]);
    receiver = await startWebhookReceiver();
    receiver.respond = (req) => (req.path === '/gone' && !goneIsBack ? { status: 404, body: 'no such hook' } : { status: 200, body: 'ok' });
    for (const [dept, path] of [
      [department, '/hook'],
      [goneDepartment, '/gone'],
    ]) {
      const created = await h.http('POST', '/admin/department-webhooks', {
        token: admin.token,
        body: { department: dept, url: receiver.url(path), format: 'generic', secret: `secret-of-${suffix}-${path.slice(1)}` },
      });
      expect(created.status).toBe(201);
    }
    // The real loop, as the worker runs it; many attempts allowed so the outage does not exhaust them.
    dispatcher = testDispatcher(h.dataSource, { webhook: webhookSender() }, { maxAttempts: 100, pollIntervalMs: 20 });
  });

  afterAll(async () => {
    await dispatcher?.stop();
    await receiver?.stop();
    await h?.dataSource.query(`UPDATE department_webhooks SET active = false WHERE department IN ($1, $2)`, [department, goneDepartment]);
    await h?.teardown();
  });

  const acceptedWithKey = (key: string) => receiver.accepted().filter((r) => r.headers['idempotency-key'] === key);
  const rowsOf = async (events: string[]): Promise<OutboxRow[]> => (await Promise.all(events.map((e) => outboxOf(h.dataSource, e)))).flat();

  it('retries through an outage (port closed, then 503) and delivers every row exactly once after recovery', async () => {
    await receiver.stop();
    const events = [1, 2, 3].map((n) => `${suffix}:outage:${n}`);
    for (const e of events) await enqueueNotification(h.dataSource, escalation({ dedupeKey: e, recipientDepartment: department }));
    dispatcher.start();

    await eventually('connection refused recorded and retried', async () => {
      const rows = await rowsOf(events);
      return rows.length === 3 && rows.every((r) => r.status === 'pending' && r.attempts >= 2 && /request failed/.test(r.last_error ?? '')) ? rows : undefined;
    });

    // Up again, but failing.
    receiver.respond = () => ({ status: 503, body: 'maintenance', headers: { 'retry-after': '0' } });
    await receiver.start();
    await eventually('503 recorded and retried', async () => {
      const rows = await rowsOf(events);
      return rows.every((r) => r.status === 'pending' && r.last_status_code === 503) ? rows : undefined;
    });
    expect(receiver.received.filter((r) => r.status === 503).length).toBeGreaterThanOrEqual(3);

    receiver.respond = (req) => (req.path === '/gone' && !goneIsBack ? { status: 404, body: 'no such hook' } : { status: 200, body: 'ok' });
    const delivered = await eventually('all delivered', async () => {
      const rows = await rowsOf(events);
      return rows.every((r) => r.status === 'delivered') ? rows : undefined;
    });
    for (const row of delivered) {
      expect(row.attempts).toBeGreaterThan(2);
      expect(row.last_status_code).toBe(200);
      expect(acceptedWithKey(row.dedupe_key)).toHaveLength(1);
    }
    // Nothing more is sent for them afterwards.
    await new Promise((r) => setTimeout(r, 300));
    for (const row of delivered) expect(acceptedWithKey(row.dedupe_key)).toHaveLength(1);
  });

  it('dead-letters a permanent 404 after one attempt, shows it to admins only, and re-queues it on retry', async () => {
    dispatcher.start();
    const eventKey = `${suffix}:gone`;
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: eventKey, recipientDepartment: goneDepartment }));
    const [dead] = await eventually('dead letter', async () => {
      const rows = await outboxOf(h.dataSource, eventKey);
      return rows.length === 1 && rows[0].status === 'dead_letter' ? rows : undefined;
    });
    expect(dead).toMatchObject({ attempts: 1, last_status_code: 404, last_error: 'HTTP 404: no such hook' });

    const list = await h.http('GET', '/admin/outbox?status=dead_letter&channel=webhook&pageSize=100', { token: admin.token });
    expect(list.status).toBe(200);
    expect(list.body.items.every((i: { status: string }) => i.status === 'dead_letter')).toBe(true);
    expect(list.body.items.find((i: { id: string }) => i.id === dead.id)).toMatchObject({
      id: dead.id,
      dedupeKey: dead.dedupe_key,
      eventKey,
      channel: 'webhook',
      channelLabel: '部门群机器人',
      status: 'dead_letter',
      statusLabel: '投递失败（死信）',
      attempts: 1,
      lastStatusCode: 404,
      lastError: 'HTTP 404: no such hook',
      nextAttemptAt: null,
      deliveredAt: null,
    });
    const byEvent = await h.http('GET', `/admin/outbox?event=${encodeURIComponent(eventKey)}`, { token: admin.token });
    expect(byEvent.body).toMatchObject({ total: 1, page: 1, pageSize: 20, items: [{ id: dead.id }] });

    const forbidden = await h.http('GET', '/admin/outbox?status=dead_letter', { token: officer.token });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body).toMatchObject({ statusCode: 403, code: 'FORBIDDEN_ROLE' });
    expect((await h.http('POST', `/admin/outbox/${dead.id}/retry`, { token: officer.token })).status).toBe(403);

    const badStatus = await h.http('GET', '/admin/outbox?status=lost', { token: admin.token });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.details.map((d: { field: string }) => d.field)).toEqual(['status']);
    expect((await h.http('POST', '/admin/outbox/abc/retry', { token: admin.token })).body).toMatchObject({ statusCode: 400, details: [{ field: 'id' }] });
    expect((await h.http('POST', '/admin/outbox/999999999/retry', { token: admin.token })).body).toMatchObject({ statusCode: 404, code: 'NOT_FOUND' });
    const [deliveredRow] = await outboxOf(h.dataSource, `${suffix}:outage:1`);
    const notDead = await h.http('POST', `/admin/outbox/${deliveredRow.id}/retry`, { token: admin.token });
    expect(notDead.body).toMatchObject({ statusCode: 409, code: 'WRONG_STAGE' });

    // The receiver is fixed; the admin re-queues the dead letter.
    goneIsBack = true;
    const retried = await h.http('POST', `/admin/outbox/${dead.id}/retry`, { token: admin.token, body: { reason: '对方已修复回调地址' } });
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ id: dead.id, status: 'pending', statusLabel: '待发送', attempts: 0 });
    // Pending, sending or delivered by now: not a dead letter any more, so not re-queued twice.
    expect((await h.http('POST', `/admin/outbox/${dead.id}/retry`, { token: admin.token })).status).toBe(409);

    const [delivered] = await eventually('delivered after retry', async () => {
      const rows = await outboxOf(h.dataSource, eventKey);
      return rows[0]?.status === 'delivered' ? rows : undefined;
    });
    expect(delivered.attempts).toBe(1);
    expect(acceptedWithKey(dead.dedupe_key)).toHaveLength(1);

    const audit = await h.dataSource.query(`SELECT actor_user_id, actor_role, action, reason, payload FROM admin_audit_events WHERE subject = $1 ORDER BY id`, [`outbox:${dead.id}`]);
    expect(audit).toEqual([
      {
        actor_user_id: admin.id,
        actor_role: 'admin',
        action: 'outbox.retried',
        reason: '对方已修复回调地址',
        payload: { dedupeKey: dead.dedupe_key, previousAttempts: 1, lastError: 'HTTP 404: no such hook' },
      },
    ]);
  });
});

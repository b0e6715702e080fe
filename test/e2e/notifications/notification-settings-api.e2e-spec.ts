import { enqueueNotification } from '@zs/activities';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { escalation, outboxOf, uniqueSuffix } from './support/notification-fixtures';

/** Department webhooks (admins), one's own channels, and the inbox by department, over HTTP. */
describe('notification settings API', () => {
  let h: E2eHarness;
  let admin: Staff;
  let psb: Staff;
  let esb: Staff;
  const suffix = uniqueSuffix();

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, psb, esb] = await Promise.all([loginStaff(h, 'admin'), loginStaff(h, 'psb'), loginStaff(h, 'esb')]);
  });

  afterAll(async () => {
    // Leave the demo users as seeded for the other suites.
    await h?.dataSource.query(`UPDATE users SET preferred_channels = '{in_app,email}', email = username || '@zhaoshang.local' WHERE username IN ('psb', 'esb')`);
    await h?.dataSource.query(`UPDATE department_webhooks SET active = false WHERE department LIKE $1`, [`%${suffix}%`]);
    await h?.teardown();
  });

  it('manages department webhooks: the secret shown once at creation, then only a hint; every change audited', async () => {
    const department = `项目服务局-${suffix}`;
    const url = `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa-${suffix}`;
    const created = await h.http('POST', '/admin/department-webhooks', { token: admin.token, body: { department, url, format: 'wecom' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ department, format: 'wecom', formatLabel: '企业微信群机器人', active: true, secret: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/) });
    expect(created.body.secretHint).toBe(`…${created.body.secret.slice(-4)}`);
    expect(created.body.url).toBe(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=***${suffix.slice(-4)}`);
    const id = created.body.id as string;

    const list = await h.http('GET', '/admin/department-webhooks', { token: admin.token });
    expect(list.status).toBe(200);
    const listed = list.body.items.find((w: { id: string }) => w.id === id);
    expect(listed).toEqual({ ...created.body, secret: undefined, createdAt: expect.any(String), updatedAt: expect.any(String) });
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret);

    const duplicate = await h.http('POST', '/admin/department-webhooks', { token: admin.token, body: { department, url, format: 'wecom' } });
    expect(duplicate.body).toMatchObject({ statusCode: 409, details: [{ field: 'url' }] });

    const dingtalkWithoutSecret = await h.http('POST', '/admin/department-webhooks', {
      token: admin.token,
      body: { department, url: 'https://oapi.dingtalk.com/robot/send?access_token=abc', format: 'dingtalk' },
    });
    expect(dingtalkWithoutSecret.status).toBe(400);
    expect(dingtalkWithoutSecret.body.details.map((d: { field: string }) => d.field)).toEqual(['secret']);
    for (const [body, field] of [
      [{ department, url: 'ftp://example.com/hook', format: 'generic' }, 'url'],
      [{ department, url: 'https://example.com/hook', format: 'slack' }, 'format'],
      [{ department: ' ', url: 'https://example.com/hook', format: 'generic' }, 'department'],
      [{ department, url: 'https://example.com/hook', format: 'generic', secret: 'short' }, 'secret'],
    ] as const) {
      const res = await h.http('POST', '/admin/department-webhooks', { token: admin.token, body });
      expect({ field, status: res.status, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({ field, status: 400, fields: [field] });
    }

    const rotated = await h.http('PUT', `/admin/department-webhooks/${id}`, {
      token: admin.token,
      body: { department, url, format: 'wecom', secret: `rotated-secret-${suffix}-abcd`, active: false },
    });
    expect(rotated.status).toBe(200);
    expect(rotated.body).toMatchObject({ id, active: false, secretHint: '…abcd' });
    expect(rotated.body.secret).toBeUndefined();

    expect((await h.http('GET', '/admin/department-webhooks', { token: psb.token })).status).toBe(403);
    expect((await h.http('DELETE', `/admin/department-webhooks/${id}`, { token: psb.token })).status).toBe(403);
    expect((await h.http('DELETE', `/admin/department-webhooks/${id}`, { token: admin.token })).status).toBe(204);
    expect((await h.http('DELETE', `/admin/department-webhooks/${id}`, { token: admin.token })).status).toBe(404);
    expect((await h.http('PUT', `/admin/department-webhooks/${id}`, { token: admin.token, body: { department, url, format: 'wecom' } })).status).toBe(404);

    const audit = await h.dataSource.query(`SELECT action, payload FROM admin_audit_events WHERE subject = $1 ORDER BY id`, [`department_webhook:${id}`]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['department_webhook.created', 'department_webhook.updated', 'department_webhook.deleted']);
    expect(JSON.stringify(audit)).not.toContain(created.body.secret);
    expect(JSON.stringify(audit)).not.toContain('rotated-secret');
  });

  it("sets one's own channels and address, and the outbox follows them", async () => {
    expect((await h.http('GET', '/me/notification-preferences', { token: psb.token })).body).toEqual({
      channels: ['in_app', 'email'],
      channelLabels: ['站内消息', '电子邮件'],
      email: 'psb@zhaoshang.local',
    });

    const inAppOnly = await h.http('PUT', '/me/notification-preferences', { token: psb.token, body: { channels: ['in_app'] } });
    expect(inAppOnly.status).toBe(200);
    expect(inAppOnly.body).toEqual({ channels: ['in_app'], channelLabels: ['站内消息'], email: 'psb@zhaoshang.local' });
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${suffix}:pref-off`, recipientUserId: psb.id, recipientRole: 'project_service_bureau' }));
    expect(await outboxOf(h.dataSource, `${suffix}:pref-off`)).toEqual([]);

    const newAddress = await h.http('PUT', '/me/notification-preferences', { token: psb.token, body: { channels: ['email', 'in_app'], email: `liuyang-${suffix}@zone.gov.cn` } });
    expect(newAddress.body).toMatchObject({ channels: ['in_app', 'email'], email: `liuyang-${suffix}@zone.gov.cn` });
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${suffix}:pref-on`, recipientUserId: psb.id, recipientRole: 'project_service_bureau' }));
    expect((await outboxOf(h.dataSource, `${suffix}:pref-on`)).map((r) => [r.channel, r.address])).toEqual([['email', `liuyang-${suffix}@zone.gov.cn`]]);
    await h.dataSource.query(`UPDATE notification_outbox SET status = 'skipped', last_error = 'test data' WHERE event_key LIKE $1 AND status = 'pending'`, [`${suffix}:%`]);

    for (const [body, field] of [
      [{ channels: ['email'] }, 'channels'],
      [{ channels: [] }, 'channels'],
      [{ channels: ['in_app', 'sms'] }, 'channels'],
      [{ channels: ['in_app', 'in_app'] }, 'channels'],
      [{ channels: 'in_app' }, 'channels'],
      [{ channels: ['in_app', 'email'], email: 'not an address' }, 'email'],
      [{ channels: ['in_app', 'email'], email: null }, 'email'],
      [{ channels: ['in_app'], phone: '123' }, 'phone'],
    ] as const) {
      const res = await h.http('PUT', '/me/notification-preferences', { token: psb.token, body });
      expect({ body, status: res.status, code: res.body.code, fields: res.body.details?.map((d: { field: string }) => d.field) }).toEqual({
        body,
        status: 400,
        code: 'VALIDATION_FAILED',
        fields: [field],
      });
    }
    // Refusals changed nothing.
    expect((await h.http('GET', '/me/notification-preferences', { token: psb.token })).body).toMatchObject({ channels: ['in_app', 'email'], email: `liuyang-${suffix}@zone.gov.cn` });
    expect((await h.http('PUT', '/me/notification-preferences', { body: { channels: ['in_app'] } })).status).toBe(401);
  });

  it("shows department alerts in the department's inboxes only", async () => {
    const forDepartment = `${suffix}:digest-psb`;
    const forRoleInDepartment = `${suffix}:role-in-other-department`;
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: forDepartment, kind: 'digest.daily', projectId: null, title: '项目服务局 每日汇总', recipientDepartment: '项目服务局' }));
    await enqueueNotification(h.dataSource, escalation({ dedupeKey: forRoleInDepartment, recipientRole: 'project_service_bureau', recipientDepartment: `别的局-${suffix}` }));
    await h.dataSource.query(`UPDATE notification_outbox SET status = 'skipped', last_error = 'test data' WHERE event_key LIKE $1 AND status = 'pending'`, [`${suffix}:%`]);

    const inboxOf = async (s: Staff) => (await h.http('GET', '/notifications?pageSize=100', { token: s.token })).body.items as { title: string; data: unknown; projectId: string | null; recipientDepartment: string | null }[];
    const psbInbox = await inboxOf(psb);
    expect(psbInbox.find((n) => n.title === '项目服务局 每日汇总')).toMatchObject({ projectId: null, recipientDepartment: '项目服务局' });
    expect(psbInbox.find((n) => n.recipientDepartment === `别的局-${suffix}`)).toBeUndefined();
    expect((await inboxOf(esb)).find((n) => n.title === '项目服务局 每日汇总')).toBeUndefined();
  });
});

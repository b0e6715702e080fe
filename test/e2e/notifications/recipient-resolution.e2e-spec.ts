import type { DataSource } from 'typeorm';
import type { NotificationRequest } from '@zs/contracts';
import { enqueueNotification } from '@zs/activities';
import { createDataSource } from '@zs/persistence';
import { stackEnv } from '../../setup/stack-env';
import { createUser, createWebhook, escalation, outboxOf, uniqueSuffix } from './support/notification-fixtures';

/** Roles and departments to people: who gets which rows, by role, department, name, activity and preferences. */
describe('recipient resolution', () => {
  let ds: DataSource;
  const suffix = uniqueSuffix();
  const d1 = `企业服务局-一科${suffix}`;
  const d2 = `企业服务局-二科${suffix}`;
  const ids: Record<string, string> = {};
  let d1Hook: string;

  beforeAll(async () => {
    ds = createDataSource({ url: stackEnv('databaseUrl'), poolSize: 2 });
    await ds.initialize();
    const mail = (n: string) => `${n}-${suffix}@zhaoshang.local`;
    ids.zhao = await createUser(ds, { username: `zhao-${suffix}`, role: 'enterprise_service_bureau', department: d1, email: mail('zhao') });
    ids.qian = await createUser(ds, { username: `qian-${suffix}`, role: 'enterprise_service_bureau', department: d2, email: mail('qian') });
    ids.sun = await createUser(ds, { username: `sun-${suffix}`, role: 'enterprise_service_bureau', department: d1, email: mail('sun'), active: false });
    ids.li = await createUser(ds, { username: `li-${suffix}`, role: 'zone_leadership', department: d1, email: mail('li'), channels: ['in_app'] });
    ids.zhou = await createUser(ds, { username: `zhou-${suffix}`, role: 'zone_leadership', department: d1, email: null });
    ids.wu = await createUser(ds, { username: `wu-${suffix}`, role: 'auditor', department: d2, email: mail('wu'), channels: ['in_app', 'webhook'] });
    d1Hook = await createWebhook(ds, { department: d1, url: 'http://127.0.0.1:9/never-called', format: 'generic', secret: `secret-${suffix}-0000` });
  });

  afterAll(async () => {
    // Rows written here are never meant to be sent: other tests' dispatchers skip them.
    await ds?.query(`UPDATE department_webhooks SET active = false WHERE id = $1`, [d1Hook]);
    await ds?.query(`UPDATE notification_outbox SET status = 'skipped', last_error = 'test data' WHERE event_key LIKE $1 AND status = 'pending'`, [`${suffix}:%`]);
    await ds?.destroy();
  });

  async function rowsFor(name: string, request: Omit<NotificationRequest, 'dedupeKey' | 'projectId' | 'kind' | 'level' | 'title' | 'body' | 'data'>): Promise<string[]> {
    const eventKey = `${suffix}:${name}`;
    await enqueueNotification(ds, escalation({ dedupeKey: eventKey, ...request }));
    const names = Object.fromEntries(Object.entries(ids).map(([n, id]) => [id, n]));
    return (await outboxOf(ds, eventKey)).map((r) => (r.channel === 'email' ? `email:${names[r.recipient_user_id!] ?? 'someone else'}` : `webhook:${r.department_webhook_id === d1Hook ? 'd1' : r.department_webhook_id}`)).sort();
  }

  it('role alone: every active holder of the role, in any department; inactive users skipped', async () => {
    const rows = await rowsFor('role', { recipientRole: 'enterprise_service_bureau' });
    expect(rows).toEqual(expect.arrayContaining(['email:zhao', 'email:qian']));
    expect(rows).not.toContain('email:sun');
    // No department was addressed and nobody chose 'webhook': no group post.
    expect(rows.filter((r) => r.startsWith('webhook:'))).toEqual([]);
  });

  it("role and department: the role's holders in that department, and the department's webhook once", async () => {
    expect(await rowsFor('role-dept', { recipientRole: 'enterprise_service_bureau', recipientDepartment: d1 })).toEqual(['email:zhao', 'webhook:d1']);
    expect(await rowsFor('role-dept2', { recipientRole: 'enterprise_service_bureau', recipientDepartment: d2 })).toEqual(['email:qian']);
  });

  it('department alone: every active member who wants e-mail and has an address; preferences respected', async () => {
    // li chose only in_app; zhou has no address; sun is inactive.
    expect(await rowsFor('dept', { recipientDepartment: d1 })).toEqual(['email:zhao', 'webhook:d1']);
  });

  it('a named user: that user only, whatever the role', async () => {
    expect(await rowsFor('named', { recipientRole: 'enterprise_service_bureau', recipientUserId: ids.qian })).toEqual(['email:qian']);
    expect(await rowsFor('named-inactive', { recipientRole: 'enterprise_service_bureau', recipientUserId: ids.sun })).toEqual([]);
    expect(await rowsFor('named-in-app-only', { recipientRole: 'zone_leadership', recipientUserId: ids.li })).toEqual([]);
  });

  it("a recipient who chose 'webhook' brings in their department's group robot", async () => {
    await createWebhook(ds, { department: d2, url: 'http://127.0.0.1:9/d2', format: 'wecom', secret: `secret-${suffix}-1111` });
    const rows = await rowsFor('webhook-pref', { recipientUserId: ids.wu, recipientRole: 'auditor' });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatch(/^webhook:\d+$/);
    await ds.query(`UPDATE department_webhooks SET active = false WHERE department = $1`, [d2]);
  });

  it('writes one inbox row per alert, addressed as requested, and refuses an alert addressed to nobody', async () => {
    await rowsFor('inbox', { recipientDepartment: d1 });
    const inbox = await ds.query(`SELECT recipient_role, recipient_department, recipient_user_id, project_id FROM notifications WHERE dedupe_key = $1`, [`${suffix}:inbox:in_app`]);
    expect(inbox).toEqual([{ recipient_role: null, recipient_department: d1, recipient_user_id: null, project_id: expect.any(String) }]);

    await enqueueNotification(ds, escalation({ dedupeKey: `${suffix}:digest`, kind: 'digest.daily', projectId: null, recipientDepartment: d1 }));
    const digest = await ds.query(`SELECT project_id, kind FROM notifications WHERE dedupe_key = $1`, [`${suffix}:digest:in_app`]);
    expect(digest).toEqual([{ project_id: null, kind: 'digest.daily' }]);

    await expect(enqueueNotification(ds, escalation({ dedupeKey: `${suffix}:nobody` }))).rejects.toThrow(/has no recipient/);
    expect(await ds.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [`${suffix}:nobody:in_app`])).toEqual([]);
  });
});

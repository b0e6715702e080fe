import { createHmac } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { enqueueNotification, verifyZsSignature } from '@zs/activities';
import { createDataSource } from '@zs/persistence';
import { stackEnv } from '../../setup/stack-env';
import { createWebhook, escalation, outboxOf, suiteRound, testDispatcher, uniqueSuffix, webhookSender } from './support/notification-fixtures';
import { startWebhookReceiver, type ReceivedRequest, type WebhookReceiver } from './support/webhook-receiver';

/** Department webhooks against a real HTTP server: generic JSON, WeCom and DingTalk robots, all signed. */
describe('webhook delivery', () => {
  let ds: DataSource;
  let receiver: WebhookReceiver;
  const suffix = uniqueSuffix();
  const department = `企业服务局-群${suffix}`;
  const secrets = { generic: `generic-secret-${suffix}`, wecom: `wecom-secret-${suffix}`, dingtalk: `SEC${suffix}0123456789abcdef` };
  const hooks: Record<string, string> = {};

  beforeAll(async () => {
    ds = createDataSource({ url: stackEnv('databaseUrl'), poolSize: 4 });
    await ds.initialize();
    receiver = await startWebhookReceiver();
    hooks.generic = await createWebhook(ds, { department, url: receiver.url(`/generic/${suffix}`), format: 'generic', secret: secrets.generic });
    hooks.wecom = await createWebhook(ds, { department, url: receiver.url(`/wecom/${suffix}?key=wecom-key-${suffix}`), format: 'wecom', secret: secrets.wecom });
    hooks.dingtalk = await createWebhook(ds, { department, url: receiver.url(`/dingtalk/${suffix}?access_token=tok-${suffix}`), format: 'dingtalk', secret: secrets.dingtalk });
  });

  afterAll(async () => {
    // Rows left pending here (the rate-limited one) are then skipped by other tests' dispatchers instead of retried against a closed port.
    await ds?.query(`UPDATE department_webhooks SET active = false WHERE department LIKE $1`, [`${department}%`]);
    await receiver?.stop();
    await ds?.destroy();
  });

  const requestTo = (format: string): ReceivedRequest[] => receiver.received.filter((r) => r.path === `/${format}/${suffix}`);

  it('posts one signed message per department webhook, in each format, with the outbox key as Idempotency-Key', async () => {
    const eventKey = `${suffix}:resolve:2026-03-02T01:00:00.000Z:escalate_1`;
    const request = escalation({ dedupeKey: eventKey, kind: 'sla.escalated', level: 2, recipientDepartment: department, data: { clock: 'service_resolve' } });
    // Twice, as an activity retry would: still one row, and one post, per webhook.
    expect(await enqueueNotification(ds, request)).toBe(3);
    expect(await enqueueNotification(ds, request)).toBe(0);

    const dispatcher = testDispatcher(ds, { webhook: webhookSender() });
    try {
      expect(await suiteRound(ds, dispatcher, suffix)).toMatchObject({ delivered: 3 });
      await enqueueNotification(ds, request);
      await suiteRound(ds, dispatcher, suffix);
    } finally {
      await dispatcher.stop();
    }

    const rows = await outboxOf(ds, eventKey);
    expect(rows.map((r) => [r.department_webhook_id, r.status, r.attempts, r.last_status_code]).sort()).toEqual(
      [hooks.generic, hooks.wecom, hooks.dingtalk].map((id) => [id, 'delivered', 1, 200]).sort(),
    );
    const keyOf = (hook: string) => rows.find((r) => r.department_webhook_id === hook)!.dedupe_key;
    const nowSeconds = Math.floor(Date.now() / 1000);

    for (const format of ['generic', 'wecom', 'dingtalk'] as const) {
      const posts = requestTo(format);
      expect(posts).toHaveLength(1);
      const [post] = posts;
      expect(post.method).toBe('POST');
      expect(post.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(post.headers['idempotency-key']).toBe(keyOf(hooks[format]));
      expect(post.headers['idempotency-key']).toBe(`${eventKey}|dept-webhook:${hooks[format]}|webhook`);
      // X-ZS-Signature: t=<unix>,v1=hex(HMAC-SHA256(secret, `${t}.${body}`)), checked here from first principles too.
      const signature = String(post.headers['x-zs-signature']);
      const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(signature) ?? [];
      expect(v1).toBe(createHmac('sha256', secrets[format]).update(`${t}.${post.body}`).digest('hex'));
      expect(Math.abs(nowSeconds - Number(t))).toBeLessThan(60);
      expect(verifyZsSignature(secrets[format], post.body, signature, nowSeconds)).toBe(true);
      expect(verifyZsSignature('another secret', post.body, signature, nowSeconds)).toBe(false);
    }

    const generic = JSON.parse(requestTo('generic')[0].body);
    expect(generic).toEqual({
      id: keyOf(hooks.generic),
      event: eventKey,
      kind: 'sla.escalated',
      kindLabel: '超时督办',
      level: 2,
      title: request.title,
      body: request.body,
      projectId: request.projectId,
      department,
      data: { clock: 'service_resolve' },
      createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
    });

    const wecom = requestTo('wecom')[0];
    expect(wecom.query.get('key')).toBe(`wecom-key-${suffix}`);
    expect(JSON.parse(wecom.body)).toEqual({ msgtype: 'markdown', markdown: { content: expect.any(String) } });
    const wecomContent: string = JSON.parse(wecom.body).markdown.content;
    expect(wecomContent.startsWith(`### ${request.title}\n${request.body}`)).toBe(true);
    expect(wecomContent).toContain('超时督办 · 2级');

    // DingTalk 加签: timestamp (ms) and sign = base64(HMAC-SHA256(secret, `${timestamp}\n${secret}`)), URL-encoded in the query.
    const dingtalk = requestTo('dingtalk')[0];
    expect(dingtalk.query.get('access_token')).toBe(`tok-${suffix}`);
    const timestamp = dingtalk.query.get('timestamp')!;
    expect(Math.abs(Date.now() - Number(timestamp))).toBeLessThan(60_000);
    expect(dingtalk.query.get('sign')).toBe(createHmac('sha256', secrets.dingtalk).update(`${timestamp}\n${secrets.dingtalk}`).digest('base64'));
    const dingBody = JSON.parse(dingtalk.body);
    expect(dingBody).toEqual({ msgtype: 'markdown', markdown: { title: request.title, text: expect.stringContaining(request.body) } });
  });

  it('dead-letters a robot that answers 200 with a refusal errcode (a wrong signature), and retries its rate limit', async () => {
    const refusing = `${department}-拒收`;
    await createWebhook(ds, { department: refusing, url: receiver.url(`/refusing/${suffix}?access_token=x`), format: 'dingtalk', secret: secrets.dingtalk });
    await createWebhook(ds, { department: refusing, url: receiver.url(`/limited/${suffix}?key=y`), format: 'wecom', secret: secrets.wecom });
    receiver.respond = (req) =>
      req.path.startsWith('/refusing/')
        ? { status: 200, body: '{"errcode":310000,"errmsg":"sign not match"}' }
        : req.path.startsWith('/limited/')
          ? { status: 200, body: '{"errcode":45009,"errmsg":"api freq out of limit"}' }
          : { status: 200, body: '{"errcode":0}' };
    const eventKey = `${suffix}:refused`;
    await enqueueNotification(ds, escalation({ dedupeKey: eventKey, recipientDepartment: refusing }));

    const dispatcher = testDispatcher(ds, { webhook: webhookSender() });
    try {
      await suiteRound(ds, dispatcher, suffix);
    } finally {
      await dispatcher.stop();
    }
    const rows = await outboxOf(ds, eventKey);
    const byPath = (p: string) => rows.find((r) => r.address.includes(`/${p}/`))!;
    expect(byPath('refusing')).toMatchObject({ status: 'dead_letter', attempts: 1, last_status_code: 200, last_error: 'robot errcode 310000: sign not match' });
    expect(byPath('limited')).toMatchObject({ status: 'pending', attempts: 1, last_error: 'robot errcode 45009: api freq out of limit' });
  });
});

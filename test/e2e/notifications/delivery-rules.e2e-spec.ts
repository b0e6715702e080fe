import { createHmac } from 'node:crypto';
import {
  backoffDelayMs,
  dingTalkSign,
  dingTalkSignedUrl,
  formatWebhookBody,
  idempotencyKeyHeader,
  messageIdFor,
  outcomeForHttpStatus,
  parseRetryAfterMs,
  planOutboxRows,
  robotRefusal,
  smtpFailure,
  verifyZsSignature,
  webhookDepartments,
  zsSignatureHeader,
  type WebhookContent,
} from '@zs/activities';
import type { NotificationRequest } from '@zs/contracts';

/**
 * The pure rules of delivery (no server needed). They live with the e2e suites because jest has
 * no project for activities/ sources; they start nothing themselves.
 */
describe('delivery rules', () => {
  describe('back-off', () => {
    const policy = { baseMs: 1000, maxMs: 30_000, jitter: false };

    it('doubles from the base after each failed attempt, up to the cap', () => {
      expect([1, 2, 3, 4, 5, 6, 7].map((a) => backoffDelayMs(a, policy))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]);
      expect(backoffDelayMs(10_000, policy)).toBe(30_000);
    });

    it('with jitter, waits between half and all of the back-off', () => {
      const jittered = { ...policy, jitter: true };
      expect(backoffDelayMs(3, jittered, () => 0)).toBe(2000);
      expect(backoffDelayMs(3, jittered, () => 0.999999)).toBe(4000);
      expect(backoffDelayMs(40, jittered, () => 0.5)).toBe(22_500);
    });
  });

  describe('receiver ids', () => {
    const key = '7f1c…:commissioner_assignment:2026-03-02T01:00:00.000Z:escalate_1|user:1b2c3d4e-0000-4000-8000-000000000001|email';

    it('derives a stable, RFC 5322 Message-ID from the outbox key', () => {
      const id = messageIdFor(key);
      expect(id).toBe(messageIdFor(key));
      expect(id).toMatch(/^<[A-Za-z0-9._+-]+@zhaoshang\.local>$/);
      expect(id).not.toMatch(/\.\.|<\.|\.@/);
      expect(id).toContain('commissioner_assignment-2026-03-02T01-00-00.000Z-escalate_1-user-1b2c3d4e');
    });

    it('keeps keys that read alike apart, and long or non-ASCII keys valid', () => {
      expect(messageIdFor('a:b|email')).not.toBe(messageIdFor('a-b|email'));
      expect(messageIdFor('项目服务局|dept-webhook:3|webhook')).toMatch(/^<dept-webhook-3-webhook\.[0-9a-f]{16}@zhaoshang\.local>$/);
      expect(messageIdFor('：：')).toMatch(/^<[0-9a-f]{16}@zhaoshang\.local>$/);
      expect(messageIdFor('x'.repeat(5000)).length).toBeLessThan(200);
    });

    it('sends an ASCII key unchanged as Idempotency-Key, and percent-encodes anything else', () => {
      expect(idempotencyKeyHeader(key.replace('…', ''))).toBe(key.replace('…', ''));
      expect(idempotencyKeyHeader('digest:2026-03-02:项目服务局|dept-webhook:3|webhook')).toBe(
        'digest:2026-03-02:%E9%A1%B9%E7%9B%AE%E6%9C%8D%E5%8A%A1%E5%B1%80|dept-webhook:3|webhook',
      );
    });
  });

  describe('signatures', () => {
    it('signs t.body with HMAC-SHA256, and verifies within the tolerance only', () => {
      const body = '{"title":"【预警】星河新能源"}';
      const header = zsSignatureHeader('s3cret', body, 1_772_000_000);
      expect(header).toBe(`t=1772000000,v1=${createHmac('sha256', 's3cret').update(`1772000000.${body}`).digest('hex')}`);
      expect(verifyZsSignature('s3cret', body, header, 1_772_000_100)).toBe(true);
      expect(verifyZsSignature('s3cret', body, header, 1_772_000_400)).toBe(false);
      expect(verifyZsSignature('s3cret', `${body} `, header, 1_772_000_000)).toBe(false);
      expect(verifyZsSignature('s3cret', body, 't=1772000000,v1=zz', 1_772_000_000)).toBe(false);
    });

    it("adds DingTalk's timestamp and URL-encoded sign, keeping the access token", () => {
      const secret = 'SEC000111222333444555666777888999aaabbbcccdddeeefff000111222333444';
      const sign = createHmac('sha256', secret).update(`1772000000123\n${secret}`).digest('base64');
      expect(dingTalkSign(secret, 1_772_000_000_123)).toBe(sign);
      const url = new URL(dingTalkSignedUrl('https://oapi.dingtalk.com/robot/send?access_token=abc', secret, 1_772_000_000_123));
      expect(url.searchParams.get('access_token')).toBe('abc');
      expect(url.searchParams.get('timestamp')).toBe('1772000000123');
      expect(url.searchParams.get('sign')).toBe(sign);
      expect(url.search).toContain(`sign=${encodeURIComponent(sign)}`);
    });
  });

  describe('what a failure means', () => {
    it('retries 5xx, 408 and 429; dead-letters other 4xx and unfollowed redirects', () => {
      const kinds = [200, 204, 301, 400, 401, 404, 408, 410, 429, 500, 502, 503].map((s) => [s, outcomeForHttpStatus(s, '').kind]);
      expect(kinds).toEqual([
        [200, 'delivered'],
        [204, 'delivered'],
        [301, 'dead_letter'],
        [400, 'dead_letter'],
        [401, 'dead_letter'],
        [404, 'dead_letter'],
        [408, 'retry'],
        [410, 'dead_letter'],
        [429, 'retry'],
        [500, 'retry'],
        [502, 'retry'],
        [503, 'retry'],
      ]);
      expect(outcomeForHttpStatus(429, 'slow down', 5000)).toEqual({ kind: 'retry', error: 'HTTP 429: slow down', statusCode: 429, retryAfterMs: 5000 });
    });

    it('reads Retry-After as seconds or a date', () => {
      expect(parseRetryAfterMs('120', 0)).toBe(120_000);
      expect(parseRetryAfterMs('Thu, 01 Jan 1970 00:00:10 GMT', 4000)).toBe(6000);
      expect(parseRetryAfterMs('soon', 0)).toBeUndefined();
      expect(parseRetryAfterMs(null, 0)).toBeUndefined();
    });

    it("reads a robot's errcode: rate limits retried, other refusals dead-lettered, generic bodies ignored", () => {
      expect(robotRefusal('wecom', '{"errcode":0,"errmsg":"ok"}', 200)).toBeNull();
      expect(robotRefusal('wecom', '{"errcode":45009,"errmsg":"freq"}', 200)).toMatchObject({ kind: 'retry' });
      expect(robotRefusal('dingtalk', '{"errcode":130101,"errmsg":"send too fast"}', 200)).toMatchObject({ kind: 'retry' });
      expect(robotRefusal('dingtalk', '{"errcode":310000,"errmsg":"keywords not in content"}', 200)).toMatchObject({ kind: 'dead_letter' });
      expect(robotRefusal('wecom', 'not json', 200)).toBeNull();
      expect(robotRefusal('generic', '{"errcode":1}', 200)).toBeNull();
    });

    it('reads SMTP: 5xx permanent, 4xx and lost connections transient, a refused login retried', () => {
      expect(smtpFailure({ code: 'EENVELOPE', responseCode: 550, message: 'mailbox unavailable' })).toMatchObject({ kind: 'dead_letter', statusCode: 550 });
      expect(smtpFailure({ code: 'EMESSAGE', responseCode: 554, message: 'rejected' })).toMatchObject({ kind: 'dead_letter' });
      expect(smtpFailure({ code: 'EENVELOPE', responseCode: 451, message: 'try later' })).toMatchObject({ kind: 'retry' });
      expect(smtpFailure({ code: 'ECONNECTION', message: 'connect ECONNREFUSED' })).toMatchObject({ kind: 'retry' });
      expect(smtpFailure({ code: 'EAUTH', responseCode: 535, message: 'bad credentials' })).toMatchObject({ kind: 'retry' });
    });
  });

  describe('formats', () => {
    const content: WebhookContent = {
      dedupeKey: 'e1|dept-webhook:1|webhook',
      eventKey: 'e1',
      subject: '【预警】星河新能源 洽谈跟进即将超时',
      body: '请于两个工作日内完成跟进。',
      payload: { kind: 'sla.warning', level: 0, projectId: null, department: '经济合作局', data: {} },
      createdAt: new Date('2026-03-02T01:00:00Z'),
    };

    it('renders the robot markdown with the title as a heading, the text and the kind', () => {
      expect(formatWebhookBody('wecom', content)).toEqual({
        msgtype: 'markdown',
        markdown: { content: '### 【预警】星河新能源 洽谈跟进即将超时\n请于两个工作日内完成跟进。\n\n> 超时预警 · 经济合作局' },
      });
      expect(formatWebhookBody('dingtalk', content)).toEqual({
        msgtype: 'markdown',
        markdown: { title: content.subject, text: '### 【预警】星河新能源 洽谈跟进即将超时\n请于两个工作日内完成跟进。\n\n> 超时预警 · 经济合作局' },
      });
    });

    it("cuts a long message to WeCom's 4096 bytes without splitting a character", () => {
      const long = formatWebhookBody('wecom', { ...content, body: '超'.repeat(3000) }) as { markdown: { content: string } };
      expect(Buffer.byteLength(long.markdown.content, 'utf8')).toBeLessThanOrEqual(4096);
      expect(long.markdown.content.endsWith('超…')).toBe(true);
    });
  });

  describe('planning rows', () => {
    const request: NotificationRequest = {
      dedupeKey: 'p1:clock:escalate_1:role',
      projectId: 'p1',
      kind: 'sla.escalated',
      level: 1,
      recipientRole: 'project_service_bureau',
      recipientDepartment: '项目服务局',
      title: '标题',
      body: '正文',
      data: {},
    };
    const people = [
      { id: 'u1', email: 'a@x.cn', department: '项目服务局', preferredChannels: ['in_app', 'email'] },
      { id: 'u2', email: null, department: '项目服务局', preferredChannels: ['in_app', 'email'] },
      { id: 'u3', email: 'c@x.cn', department: '项目服务局', preferredChannels: ['in_app'] },
      { id: 'u4', email: 'd@x.cn', department: '规划局', preferredChannels: ['in_app', 'webhook'] },
    ];

    it('plans an e-mail per person who wants one and has an address, and a post per department webhook, with stable keys', () => {
      const rows = planOutboxRows(request, people, [{ id: '7', department: '项目服务局', url: 'https://hook' }]);
      expect(rows.map((r) => r.dedupeKey)).toEqual(['p1:clock:escalate_1:role|user:u1|email', 'p1:clock:escalate_1:role|dept-webhook:7|webhook']);
      expect(rows[0]).toMatchObject({ channel: 'email', address: 'a@x.cn', subject: '标题', body: expect.stringMatching(/^正文\n\n此邮件由/) });
      expect(planOutboxRows(request, people, [])).toEqual(planOutboxRows(request, people, []));
    });

    it("targets the addressed department's webhooks, and those of recipients who chose 'webhook'", () => {
      expect(webhookDepartments(request, people)).toEqual(['规划局', '项目服务局']);
      expect(webhookDepartments({ ...request, recipientDepartment: undefined }, people)).toEqual(['规划局']);
      expect(webhookDepartments({ ...request, recipientUserId: 'u1' }, [people[0]])).toEqual([]);
    });
  });
});

import type { DataSource } from 'typeorm';
import { createActivities, messageIdFor } from '@zs/activities';
import { createDataSource } from '@zs/persistence';
import { stackEnv } from '../../setup/stack-env';
import { eventually } from '../../support/eventually';
import { createUser, escalation, outboxOf, smtpSenderFor, suiteRound, testDispatcher, uniqueSuffix } from './support/notification-fixtures';
import { startSmtpReceiver, type SmtpReceiver } from './support/smtp-receiver';

/** E-mail alerts through the outbox to a real SMTP server: once per recipient, whatever the activity retries. */
describe('e-mail delivery', () => {
  let ds: DataSource;
  let smtp: SmtpReceiver;
  const suffix = uniqueSuffix();
  const department = `项目服务局-邮件${suffix}`;
  const people: Record<string, string> = {};

  beforeAll(async () => {
    ds = createDataSource({ url: stackEnv('databaseUrl'), poolSize: 4 });
    await ds.initialize();
    smtp = await startSmtpReceiver({ refuse: /^bounce-/ });
    people.liu = await createUser(ds, { username: `liu-${suffix}`, role: 'project_service_bureau', department, email: `liu-${suffix}@zhaoshang.local` });
    people.wang = await createUser(ds, { username: `wang-${suffix}`, role: 'project_service_bureau', department, email: `wang-${suffix}@zhaoshang.local` });
  });

  afterAll(async () => {
    await smtp?.close();
    await ds?.destroy();
  });

  const mailsOf = (eventKey: string) => smtp.received.filter((m) => String(m.mail.headers.get('x-zs-dedupe-key') ?? '').startsWith(`${eventKey}|`));

  it('sends one message per recipient for an escalation sent three times, Message-ID derived from the outbox key', async () => {
    const eventKey = `${suffix}:commissioner_assignment:2026-03-02T01:00:00.000Z:escalate_1:project_service_bureau`;
    const request = escalation({ dedupeKey: eventKey, recipientRole: 'project_service_bureau', recipientDepartment: department });
    const { sendNotification } = createActivities({ dataSource: ds });

    // Temporal retries an activity whose result was lost: the same request, three times.
    await sendNotification(request);
    await sendNotification(request);
    await sendNotification(request);

    const rows = await outboxOf(ds, eventKey);
    expect(rows.map((r) => [r.channel, r.recipient_user_id, r.address, r.dedupe_key]).sort()).toEqual(
      [
        ['email', people.liu, `liu-${suffix}@zhaoshang.local`, `${eventKey}|user:${people.liu}|email`],
        ['email', people.wang, `wang-${suffix}@zhaoshang.local`, `${eventKey}|user:${people.wang}|email`],
      ].sort(),
    );
    const inbox = await ds.query(`SELECT count(*)::int AS n FROM notifications WHERE dedupe_key = $1`, [`${eventKey}:in_app`]);
    expect(inbox[0].n).toBe(1);

    const dispatcher = testDispatcher(ds, { email: smtpSenderFor(smtp.port) });
    try {
      await eventually('both e-mails delivered', async () => {
        await suiteRound(ds, dispatcher, suffix);
        const now = await outboxOf(ds, eventKey);
        return now.every((r) => r.status === 'delivered') ? now : undefined;
      });
      // A fourth call after delivery (a late retry) neither adds a row nor sends again.
      await sendNotification(request);
      await suiteRound(ds, dispatcher, suffix);
    } finally {
      await dispatcher.stop();
    }

    const mails = mailsOf(eventKey);
    expect(mails).toHaveLength(2);
    for (const row of await outboxOf(ds, eventKey)) {
      const forRow = mails.filter((m) => m.envelopeTo.includes(row.address));
      expect(forRow).toHaveLength(1);
      const { mail } = forRow[0];
      expect(mail.messageId).toBe(messageIdFor(row.dedupe_key));
      expect(mail.messageId).toMatch(/^<[A-Za-z0-9._+-]+@zhaoshang\.local>$/);
      expect(mail.headers.get('x-zs-dedupe-key')).toBe(row.dedupe_key);
      expect(mail.subject).toBe('【1级督办】星河新能源 项目专员指派已超时');
      expect(mail.text).toContain('请于今日内完成指派。');
      expect(mail.from?.text).toContain('noreply@zhaoshang.local');
      expect(row).toMatchObject({ status: 'delivered', attempts: 1 });
    }
  });

  it('dead-letters at once a recipient the mail server refuses for good (550)', async () => {
    const eventKey = `${suffix}:bounce`;
    const bounced = await createUser(ds, { username: `bounce-${suffix}`, role: 'project_service_bureau', department: `${department}-退信`, email: `bounce-${suffix}@zhaoshang.local` });
    await createActivities({ dataSource: ds }).sendNotification(escalation({ dedupeKey: eventKey, recipientUserId: bounced, recipientRole: 'project_service_bureau' }));

    const dispatcher = testDispatcher(ds, { email: smtpSenderFor(smtp.port) });
    try {
      await suiteRound(ds, dispatcher, suffix);
    } finally {
      await dispatcher.stop();
    }
    const [row] = await outboxOf(ds, eventKey);
    expect(row).toMatchObject({ status: 'dead_letter', attempts: 1, last_status_code: 550 });
    expect(row.last_error).toContain('550');
    expect(mailsOf(eventKey)).toHaveLength(0);
  });

  it("marks e-mail rows 'skipped' (no_channel) when SMTP is not configured", async () => {
    const eventKey = `${suffix}:no-smtp`;
    await createActivities({ dataSource: ds }).sendNotification(escalation({ dedupeKey: eventKey, recipientUserId: people.liu, recipientRole: 'project_service_bureau' }));

    const dispatcher = testDispatcher(ds, {});
    try {
      await suiteRound(ds, dispatcher, suffix);
    } finally {
      await dispatcher.stop();
    }
    const [row] = await outboxOf(ds, eventKey);
    expect(row).toMatchObject({ channel: 'email', status: 'skipped' });
    expect(row.last_error).toMatch(/^no_channel: SMTP is not configured/);
  });
});

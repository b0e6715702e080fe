import { Client, Connection } from '@temporalio/client';
import { defaultPayloadConverter } from '@temporalio/common';
import { Client as PgClient } from 'pg';
import { messageIdFor } from '@zs/activities';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { eventually } from '../support/eventually';
import { auditOf } from '../support/read-model';
import { sampleLead } from '../support/sample-lead';
import { useWallClockPolicies } from '../support/sla-policies';
import { killAllWorkerProcesses, startWorkerProcess } from '../support/worker-process';
import { outboxOf } from './notifications/support/notification-fixtures';
import { startSmtpReceiver, type SmtpReceiver } from './notifications/support/smtp-receiver';

/**
 * 7.2 s to the intake deadline: the warning fires at 75 % (5.4 s), escalation level 1 at the
 * breach. Long enough for the test to set its trap between registering the lead and the breach.
 */
const TINY_INTAKE_HOURS = 0.002;
const ESCALATED_ROLE = 'economic_cooperation_bureau_head';

/**
 * The crash test: the worker is killed (SIGKILL of its OS process, not a mock) while the
 * escalation activity is inside its enqueueing transaction, and restarted. Temporal retries the
 * activity on the new worker; the escalation still leads to exactly one outbox row per recipient
 * and channel, one in-app row, one audit event and ONE e-mail on a real SMTP server.
 */
describe('worker killed in the middle of an escalation activity', () => {
  let h: E2eHarness;
  let smtp: SmtpReceiver;
  let lock: PgClient;
  let temporal: Connection;
  let restorePolicy: (() => Promise<void>) | undefined;
  let projectId: string | undefined;

  /** The worker's variables: e-mail to the test's SMTP server, an outbox polled fast. */
  const workerEnv = () => ({
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: '招商平台 <noreply@zhaoshang.local>',
    OUTBOX_POLL_MS: '200',
    OUTBOX_BACKOFF_BASE_MS: '100',
    OUTBOX_BACKOFF_MAX_MS: '1000',
    OUTBOX_BACKOFF_JITTER: 'false',
  });

  beforeAll(async () => {
    h = await startE2eHarness();
    // The harness runs a worker inside this process; it would take the activity (and cannot be
    // SIGKILLed without killing jest). Only the worker processes below may poll the task queue.
    await h.stopWorker();
    smtp = await startSmtpReceiver();
    temporal = await Connection.connect({ address: stackEnv('temporalAddress') });
    // A connection of the test's own, outside any pool, holding the transaction the activity will wait on.
    lock = new PgClient({ connectionString: stackEnv('databaseUrl'), application_name: 'worker-kill-e2e-lock' });
    await lock.connect();
    // Clocks started from now on breach within seconds; restored (a new version) in afterAll.
    restorePolicy = await useWallClockPolicies(h.dataSource, { intake_decision: TINY_INTAKE_HOURS });
  });

  afterAll(async () => {
    // First, whatever failed: no worker process may outlive the test.
    await killAllWorkerProcesses();
    await lock?.query('ROLLBACK').catch(() => undefined);
    await lock?.end().catch(() => undefined);
    await restorePolicy?.();
    if (projectId) {
      // Escalation level 2 is 24 h away; nothing else should run this project's workflow.
      await new Client({ connection: temporal, namespace: stackEnv('temporalNamespace') }).workflow.getHandle(`project-${projectId}`).terminate('e2e clean-up').catch(() => undefined);
    }
    await temporal?.close();
    await smtp?.close();
    await h?.teardown();
  });

  it('retries on the restarted worker: one outbox row, one in-app row, one audit event and one e-mail', async () => {
    // Who escalation level 1 reaches, and with which key: one e-mail row per active bureau head
    // who has an address and wants e-mail (the demo seed has one: ecb-head@zhaoshang.local).
    const heads: { id: string; email: string }[] = await h.dataSource.query(
      `SELECT id::text AS id, email FROM users
        WHERE role = $1 AND active AND email IS NOT NULL AND 'email' = ANY(preferred_channels) ORDER BY id`,
      [ESCALATED_ROLE],
    );
    expect(heads.length).toBeGreaterThanOrEqual(1);

    // 1. The first worker, as its own OS process.
    const first = await startWorkerProcess(workerEnv(), { name: 'worker-kill-first' });

    const officer = await h.login('officer');
    const created = await h.http('POST', '/leads', { token: officer, body: sampleLead({ companyName: '湘潭断电重启科技有限公司' }) });
    expect(created.status).toBe(201);
    projectId = created.body.id as string;
    const eventKey = `${projectId}:intake_decision:escalation-1:${ESCALATED_ROLE}`;
    const emailKeys = heads.map((u) => `${eventKey}|user:${u.id}|email`).sort();

    // 2. The trap, set before the breach (seconds away): an uncommitted row with the escalation's
    // first e-mail key. The activity's `INSERT … ON CONFLICT (dedupe_key) DO NOTHING` must wait for
    // this transaction to end before it can tell whether it conflicts: it blocks there, after it
    // has written the in-app row and resolved the recipients in its own (uncommitted) transaction.
    // Nothing else waits: the warning has other keys, and the dispatcher never sees an uncommitted row.
    // Were the trap too late (the escalation already committed), this INSERT fails on the unique key: no false pass.
    await lock.query('BEGIN');
    await lock.query(
      `INSERT INTO notification_outbox (dedupe_key, event_key, channel, address, subject, body, payload)
       VALUES ($1, $2, 'email', 'trap@zhaoshang.local', 'trap', 'trap', '{}'::jsonb)`,
      [emailKeys[0], eventKey],
    );
    const lockPid: number = (await lock.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;

    // The activity is provably in the middle: a worker connection waiting on the trap, in the outbox INSERT.
    const blocked = await eventually(
      'the escalation activity to block on the trap',
      async () => {
        const rows: { pid: number; query: string }[] = await h.dataSource.query(
          `SELECT pid, query FROM pg_stat_activity WHERE application_name = 'zhaoshang-worker' AND $1 = ANY(pg_blocking_pids(pid))`,
          [lockPid],
        );
        return rows[0];
      },
      30_000,
    );
    expect(blocked.query).toMatch(/^\s*INSERT INTO notification_outbox/);
    // The breach itself was recorded (a local activity, before the alert was sent), once.
    const escalatedEvents = async () =>
      (await auditOf(h.dataSource, projectId!)).filter((e) => e.action === 'sla.escalated' && e.payload.level === 1);
    expect(await escalatedEvents()).toHaveLength(1);

    // Killed mid-transaction: no rollback by the worker, no activity failure reported, no drain of the outbox.
    await first.kill();
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });

    // Release the trap. The orphaned server backend finishes its INSERT, finds its client gone and
    // aborts: nothing of the killed attempt may have been committed.
    await lock.query('ROLLBACK');
    await eventually(
      "the killed worker's database session to end",
      async () => ((await h.dataSource.query(`SELECT 1 FROM pg_stat_activity WHERE pid = $1`, [blocked.pid])).length === 0 ? true : undefined),
      15_000,
    );
    expect(await outboxOf(h.dataSource, eventKey)).toEqual([]);
    expect(await h.dataSource.query(`SELECT 1 FROM notifications WHERE dedupe_key = $1`, [`${eventKey}:in_app`])).toEqual([]);

    // 3. A new worker. Temporal gives the attempt up after the activity's start-to-close timeout
    // (30 s, workflows/src/workflow-steps.ts), then retries it (1 s back-off) on this worker.
    const second = await startWorkerProcess(workerEnv(), { name: 'worker-kill-second' });
    const mailsFor = () => smtp.received.filter((m) => String(m.mail.headers.get('x-zs-dedupe-key') ?? '').startsWith(`${eventKey}|`));
    const rows = await eventually(
      'the escalation e-mail delivered after the retry',
      async () => {
        const now = await outboxOf(h.dataSource, eventKey);
        return now.length === emailKeys.length && now.every((r) => r.status === 'delivered') && mailsFor().length >= emailKeys.length ? now : undefined;
      },
      75_000,
    );

    // 4. Exactly one outbox row per (escalation, recipient, channel), each delivered on its first attempt.
    expect(rows.map((r) => r.dedupe_key).sort()).toEqual(emailKeys);
    for (const row of rows) {
      const head = heads.find((u) => row.dedupe_key === `${eventKey}|user:${u.id}|email`)!;
      expect(row).toMatchObject({ channel: 'email', recipient_user_id: head.id, address: head.email, status: 'delivered', attempts: 1 });
    }
    // One in-app row.
    const inbox = await h.dataSource.query(`SELECT recipient_role, kind, level FROM notifications WHERE dedupe_key = $1`, [`${eventKey}:in_app`]);
    expect(inbox).toEqual([{ recipient_role: ESCALATED_ROLE, kind: 'sla.escalated', level: 1 }]);
    // One audit event for the breach, whatever happened to the alert.
    expect(await escalatedEvents()).toHaveLength(1);

    // It really was Temporal's retry of the killed attempt: the activity completed on attempt 2.
    const attempts = await eventually('the escalation activity completed in the workflow history', () => notificationAttempts(temporal, projectId!, eventKey), 15_000);
    expect(attempts).toEqual({ completed: true, attempt: 2 });

    // Wait a while longer: no second message arrives for the escalation.
    await new Promise((r) => setTimeout(r, 3000));
    const mails = mailsFor();
    expect(mails).toHaveLength(emailKeys.length);
    for (const row of rows) {
      const forRow = mails.filter((m) => m.envelopeTo.includes(row.address));
      expect(forRow).toHaveLength(1);
      expect(forRow[0].mail.messageId).toBe(messageIdFor(row.dedupe_key));
      expect(forRow[0].mail.headers.get('x-zs-dedupe-key')).toBe(row.dedupe_key);
      expect(forRow[0].mail.subject).toBe('【1级督办】湘潭断电重启科技有限公司 48小时承接研判已超时');
    }
    expect((await outboxOf(h.dataSource, eventKey)).map((r) => [r.status, r.attempts])).toEqual(rows.map(() => ['delivered', 1]));

    await second.kill();
    // About 45 s: 7 s to the breach, then Temporal waits out the killed attempt's 30 s start-to-close timeout.
  }, 120_000);
});

/**
 * The escalation's `sendNotification` in the workflow history: whether it completed, and on which
 * attempt (the started event of a retried activity is written with its last attempt).
 */
async function notificationAttempts(connection: Connection, projectId: string, eventKey: string): Promise<{ completed: boolean; attempt: number } | undefined> {
  const history = await new Client({ connection, namespace: stackEnv('temporalNamespace') }).workflow.getHandle(`project-${projectId}`).fetchHistory();
  const events = history.events ?? [];
  const scheduled = events.find((e) => {
    const a = e.activityTaskScheduledEventAttributes;
    if (a?.activityType?.name !== 'sendNotification') return false;
    const [request] = (a.input?.payloads ?? []).map((p) => defaultPayloadConverter.fromPayload<{ dedupeKey: string }>(p));
    return request?.dedupeKey === eventKey;
  });
  if (!scheduled) return undefined;
  const id = scheduled.eventId?.toString();
  const started = events.find((e) => e.activityTaskStartedEventAttributes?.scheduledEventId?.toString() === id);
  const completed = events.some((e) => e.activityTaskCompletedEventAttributes?.scheduledEventId?.toString() === id);
  if (!started || !completed) return undefined;
  return { completed, attempt: started.activityTaskStartedEventAttributes!.attempt ?? 0 };
}

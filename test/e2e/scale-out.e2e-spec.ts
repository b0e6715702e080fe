import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { idempotencyKeyHeader, messageIdFor, outboxDedupeKey, userRecipient, verifyZsSignature, webhookRecipient } from '@zs/activities';
import { DAILY_DIGEST_SCHEDULE_ID, DAILY_DIGEST_WORKFLOW_TYPE, projectStateQuery, type DailyDigestResult, type ProjectSnapshot } from '@zs/contracts';
import { shanghaiDate } from '@zs/domain';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { killAllWorkerProcesses, startWorkerProcess, type WorkerProcess } from '../support/worker-process';
import { startSmtpReceiver, type SmtpReceiver } from './notifications/support/smtp-receiver';
import { startWebhookReceiver, type WebhookReceiver } from './notifications/support/webhook-receiver';

/**
 * Issue 12, scale-out: TWO worker processes and TWO API instances (each its own NestJS app on its
 * own port, one JWT secret as behind a load balancer) against one Temporal server and one
 * PostgreSQL (a database of this file's own). Leads are registered and stepped through both APIs
 * alternately; short SLA clocks make three alerts per lead fall due within seconds, delivered by
 * e-mail (a real SMTP server) and department webhooks (a real HTTP server); both workers ensure
 * the daily-digest Schedule at start-up and one triggered run sends each department one digest.
 * Then the worker that holds most of the second wave's workflows is SIGKILLed before their clocks
 * fire, and the other finishes them. Throughout: every step applied once (one audit event per
 * update id, read model = workflow, the reconciler and the audit verification clean), every
 * outbox row delivered on its first attempt and received exactly once (by Idempotency-Key and
 * X-ZS-Dedupe-Key), none lost. Who did what is read from Temporal's histories (the identity of
 * each workflow task completion, `<pid>@<host>`) and printed (`[scale-out] …`).
 *
 * The kill lands where the victim holds workflows (cached, timers pending) but no activity and no
 * outbox claim: a worker killed inside an alert activity is worker-kill.e2e-spec's case (Temporal
 * retries it after its 30-s timeout), and a row claimed by a dispatcher that dies mid-send is
 * claimed again after its lease (over a minute): delivery is at least once by design, which is why
 * receivers get the key; this suite's kill must not be able to produce a duplicate, and shows none.
 */

/** Wave 1: 4-s intake clocks (warning at 2 s, escalation 1 at 4 s, escalation 2 a second later). */
const WAVE1_HOURS = 4 / 3600;
/** Wave 2: 12-s clocks, so the first alert (6 s) falls due only after the kill that follows registration. */
const WAVE2_HOURS = 12 / 3600;
const SECOND_ESCALATION_AFTER_HOURS = 1 / 3600;
const LEADS_PER_WAVE = 10;
const INTAKE_DEPARTMENT = '项目承接专班';

/** The three alerts of an intake clock under the policy below, and whom each reaches (the demo seed has one holder per role). */
const ALERTS = [
  { threshold: 'warning-1', role: 'intake_task_force', username: 'taskforce', department: INTAKE_DEPARTMENT, action: 'sla.warning', level: 1 },
  { threshold: 'escalation-1', role: 'economic_cooperation_bureau_head', username: 'ecb-head', department: '经济合作局', action: 'sla.escalated', level: 1 },
  { threshold: 'escalation-2', role: 'zone_leadership', username: 'leader', department: '管委会', action: 'sla.escalated', level: 2 },
] as const;
type AlertRecipientName = (typeof ALERTS)[number]['username'];

interface OutboxRow {
  dedupe_key: string;
  event_key: string;
  channel: 'email' | 'webhook';
  address: string;
  status: string;
  attempts: number;
}

/** One outbox row that must reach its receiver exactly once (`secret`: the webhook's, to check the signature). */
interface ExpectedDelivery {
  key: string;
  channel: 'email' | 'webhook';
  address: string;
  secret?: string;
}

interface Lead {
  id: string;
  company: string;
  /** Which API registered it (0 or 1); its steps alternate from there. */
  api: number;
}

/** What a worker did in one workflow, from its history. */
interface WorkflowWork {
  workflowId: string;
  tasks: Array<{ identity: string; at: number }>;
  activities: Array<{ type: string; identity: string; at: number }>;
}

const eventMs = (t: { seconds?: unknown; nanos?: number | null } | null | undefined): number => Number(t?.seconds ?? 0) * 1000 + Math.floor((t?.nanos ?? 0) / 1e6);

async function workOf(client: Client, workflowId: string): Promise<WorkflowWork> {
  const events = (await client.workflow.getHandle(workflowId).fetchHistory()).events ?? [];
  const scheduled = new Map<string, string>();
  const work: WorkflowWork = { workflowId, tasks: [], activities: [] };
  for (const e of events) {
    if (e.activityTaskScheduledEventAttributes) scheduled.set(String(e.eventId), e.activityTaskScheduledEventAttributes.activityType?.name ?? '?');
    if (e.workflowTaskCompletedEventAttributes) work.tasks.push({ identity: e.workflowTaskCompletedEventAttributes.identity ?? '', at: eventMs(e.eventTime) });
    if (e.activityTaskStartedEventAttributes) {
      const a = e.activityTaskStartedEventAttributes;
      work.activities.push({ type: scheduled.get(String(a.scheduledEventId)) ?? '?', identity: a.identity ?? '', at: eventMs(e.eventTime) });
    }
  }
  return work;
}

/** Sorts rows by their first cell in code-unit order (not the database's collation). */
const byFirst = (a: readonly unknown[], b: readonly unknown[]): number => (String(a[0]) < String(b[0]) ? -1 : String(a[0]) > String(b[0]) ? 1 : 0);

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

describe('scale-out: two workers and two APIs on one Temporal server and one PostgreSQL', () => {
  let db: TestDatabase;
  let api: [E2eHarness, E2eHarness];
  let workers: [WorkerProcess, WorkerProcess];
  let temporal: Connection;
  let client: Client;
  let smtp: SmtpReceiver;
  let hooks: WebhookReceiver;
  let admin: Staff;
  let officer: Staff;
  let taskForce: Staff;
  let auditor: Staff;
  let recipients: Record<AlertRecipientName, Staff & { email: string }>;
  /** Department → its webhook (id, secret). */
  const webhooks = new Map<string, { id: string; secret: string; url: string }>();
  const wave1: Lead[] = [];
  const wave2: Lead[] = [];
  /** The steps sent, by project: who, under which Idempotency-Key, and the audit action each must record once. */
  const steps = new Map<string, Array<{ actorId: string; key: string; action: string }>>();

  const ds = () => api[0].dataSource;
  const via = (i: number): E2eHarness => api[i % 2];
  const workerOf = (identity: string): WorkerProcess | undefined => workers.find((w) => identity.startsWith(`${w.pid}@`));
  const nameOf = (w: WorkerProcess | undefined) => (w ? (w === workers[0] ? 'A' : 'B') : 'other');

  /** The outbox keys of a lead's three alerts: an e-mail to the role's holder and a post to their department's webhook. */
  function expectedAlertKeys(projectId: string): ExpectedDelivery[] {
    return ALERTS.flatMap((a) => {
      const eventKey = `${projectId}:intake_decision:${a.threshold}:${a.role}`;
      const hook = webhooks.get(a.department)!;
      return [
        { key: outboxDedupeKey(eventKey, userRecipient(recipients[a.username].id), 'email'), channel: 'email' as const, address: recipients[a.username].email },
        { key: outboxDedupeKey(eventKey, webhookRecipient(hook.id), 'webhook'), channel: 'webhook' as const, address: hook.url, secret: hook.secret },
      ];
    });
  }

  const outboxRows = (eventKeys: string[]): Promise<OutboxRow[]> =>
    ds().query(`SELECT dedupe_key, event_key, channel, address, status, attempts FROM notification_outbox WHERE event_key = ANY($1)`, [eventKeys]);
  const alertEventKeys = (leads: Lead[]) => leads.flatMap((l) => ALERTS.map((a) => `${l.id}:intake_decision:${a.threshold}:${a.role}`));

  /**
   * How many times each receiver got each row: e-mails by Message-ID (derived from the outbox key;
   * X-ZS-Dedupe-Key is RFC 2047-encoded when the key is not ASCII, as a digest's department name is),
   * webhook posts by Idempotency-Key.
   */
  const mailsById = () => countBy(smtp.received, (m) => m.mail.messageId ?? '');
  const postsByKey = () => countBy(hooks.received, (r) => String(r.headers['idempotency-key'] ?? ''));

  /** Waits until every expected row exists and is delivered, and each receiver has it; then checks each arrived exactly once. */
  async function expectDeliveredOnce(expected: ExpectedDelivery[], eventKeys: string[], what: string): Promise<void> {
    const rows = await eventually(
      `${what}: ${expected.length} outbox rows delivered`,
      async () => {
        const now = await outboxRows(eventKeys);
        const mails = mailsById();
        const posts = postsByKey();
        const arrived = expected.every((e) => (e.channel === 'email' ? mails.has(messageIdFor(e.key)) : posts.has(idempotencyKeyHeader(e.key))));
        return now.length === expected.length && now.every((r) => r.status === 'delivered') && arrived ? now : undefined;
      },
      45_000,
    );
    // One row per (alert, recipient, channel), each delivered on its first attempt: no dispatcher claimed a row another held.
    expect(rows.map((r) => [r.dedupe_key, r.channel, r.address, r.status, r.attempts]).sort(byFirst)).toEqual(expected.map((e) => [e.key, e.channel, e.address, 'delivered', 1]).sort(byFirst));
    const mails = mailsById();
    const posts = postsByKey();
    for (const e of expected) {
      if (e.channel === 'email') {
        expect({ key: e.key, received: mails.get(messageIdFor(e.key)) }).toEqual({ key: e.key, received: 1 });
        const mail = smtp.received.find((m) => m.mail.messageId === messageIdFor(e.key))!;
        expect(mail.envelopeTo).toEqual([e.address]);
        if (/^[\x21-\x7e]+$/.test(e.key)) expect(mail.mail.headers.get('x-zs-dedupe-key')).toBe(e.key);
      } else {
        expect({ key: e.key, received: posts.get(idempotencyKeyHeader(e.key)) }).toEqual({ key: e.key, received: 1 });
        const post = hooks.received.find((r) => r.headers['idempotency-key'] === idempotencyKeyHeader(e.key))!;
        expect(post.path).toBe(new URL(e.address).pathname);
        expect(verifyZsSignature(e.secret!, post.body, String(post.headers['x-zs-signature']), Math.floor(Date.now() / 1000))).toBe(true);
        expect(JSON.parse(post.body)).toMatchObject({ id: e.key });
      }
    }
  }

  /** Ten leads at once, alternately through the two APIs, each under an Idempotency-Key. */
  async function registerWave(label: string, into: Lead[]): Promise<void> {
    const answers = await Promise.all(
      Array.from({ length: LEADS_PER_WAVE }, async (_, i) => {
        const company = uniqueCompanyName(`扩容${label}波${i}号智造`);
        const res = await via(i).http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName: company }), headers: { 'idempotency-key': `scale-out-lead-${randomUUID()}` } });
        return { res, company, api: i % 2 };
      }),
    );
    for (const { res, company, api: index } of answers) {
      expect({ company, status: res.status, code: res.body?.code }).toEqual({ company, status: 201, code: undefined });
      into.push({ id: res.body.id as string, company, api: index });
      steps.set(res.body.id as string, []);
    }
  }

  /** A step through the given API under a key of its own, remembered to count its audit events later. */
  async function step(h: E2eHarness, who: Staff, lead: Lead, path: string, body: unknown, action: string): Promise<HttpResult> {
    const key = `scale-out-step-${randomUUID()}`;
    steps.get(lead.id)!.push({ actorId: who.id, key, action });
    return h.http('POST', `/projects/${lead.id}/${path}`, { token: who.token, body, headers: { 'idempotency-key': key } });
  }

  /** The task force accepts through the API that did not register the lead, the officer records a visit through the other. */
  async function stepThroughBothApis(leads: Lead[]): Promise<void> {
    const accepted = await Promise.all(leads.map((l) => step(via(l.api + 1), taskForce, l, 'intake-decision', { action: 'accept' }, 'intake.accepted')));
    for (const res of accepted) expect({ status: res.status, stage: res.body.stage }).toEqual({ status: 200, stage: 'negotiation' });
    const contact = {
      kind: 'site_inspection',
      date: shanghaiDate(Date.now()),
      participants: '王经理（投资方）、李明（招商一局）',
      location: '高新区智能制造产业园',
      outcome: '对方确认用地需求约80亩',
    };
    const recorded = await Promise.all(leads.map((l) => step(via(l.api), officer, l, 'negotiation-contacts', contact, 'negotiation.contact_recorded')));
    for (const res of recorded) expect({ status: res.status, contacts: res.body.negotiation?.contacts?.length }).toEqual({ status: 200, contacts: 1 });
  }

  /**
   * Each lead's record: audit seqs 1..n; registration, the three alerts' events and each step,
   * once each (a step by its update id); the read model's stage and sequence are the workflow's,
   * and both APIs answer the same.
   */
  async function expectRecordedOnce(leads: Lead[]): Promise<void> {
    for (const l of leads) {
      const audit: Array<{ seq: number; action: string; update_id: string | null; payload: { level?: number } }> = await ds().query(
        `SELECT seq, action, update_id, payload FROM audit_events WHERE project_id = $1 ORDER BY seq, id`,
        [l.id],
      );
      expect(audit.map((e) => e.seq)).toEqual(audit.map((_, i) => i + 1));
      const sent = steps.get(l.id)!;
      expect(audit.map((e) => e.action)).toEqual(['lead.registered', 'sla.warning', 'sla.escalated', 'sla.escalated', ...sent.map((s) => s.action)]);
      expect(audit.filter((e) => e.action === 'sla.escalated').map((e) => e.payload.level)).toEqual([1, 2]);
      for (const s of sent) {
        expect({ key: s.key, events: audit.filter((e) => e.update_id === `${s.actorId}:${s.key}`).map((e) => e.action) }).toEqual({ key: s.key, events: [s.action] });
      }
      const { state } = (await client.workflow.getHandle(`project-${l.id}`).query(projectStateQuery)) as ProjectSnapshot;
      const [row]: Array<{ stage: string; last_seq: number }> = await ds().query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [l.id]);
      expect({ stage: row.stage, seq: row.last_seq }).toEqual({ stage: state.stage, seq: state.seq });
      expect(state.seq).toBe(audit.length);
      const [seen0, seen1] = await Promise.all(api.map((h) => h.http('GET', `/projects/${l.id}`, { token: auditor.token })));
      expect([seen0.body.stage, seen1.body.stage]).toEqual([state.stage, state.stage]);
    }
  }

  /** Each lead's three alerts: one in-app row each, and the outbox rows of expectedAlertKeys delivered once. */
  async function expectAlertsOnce(leads: Lead[], what: string): Promise<void> {
    await expectDeliveredOnce(leads.flatMap((l) => expectedAlertKeys(l.id)), alertEventKeys(leads), what);
    const inbox: Array<{ dedupe_key: string; n: number }> = await ds().query(
      `SELECT dedupe_key, count(*)::int AS n FROM notifications WHERE dedupe_key = ANY($1) GROUP BY dedupe_key`,
      [alertEventKeys(leads).map((k) => `${k}:in_app`)],
    );
    expect(inbox.map((r) => [r.dedupe_key, r.n]).sort(byFirst)).toEqual(alertEventKeys(leads).map((k) => [`${k}:in_app`, 1]).sort(byFirst));
  }

  /** A new version of the intake policy (clocks started from now on take it): warning at half time, escalations at the breach and a second later. */
  const intakePolicy = (h: E2eHarness, hours: number, reason: string): Promise<HttpResult> =>
    h.http('POST', '/sla/policies/intake_decision/versions', {
      token: admin.token,
      body: {
        duration: { unit: 'hours', hours },
        warnings: [{ fraction: 0.5, notify: 'intake_task_force' }],
        escalations: [
          { afterBreachHours: 0, notify: 'economic_cooperation_bureau_head' },
          { afterBreachHours: SECOND_ESCALATION_AFTER_HOURS, notify: 'zone_leadership' },
        ],
        reason,
      },
    });

  const workerEnv = () => ({
    DATABASE_URL: db.url,
    SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
    MAIL_FROM: '招商平台 <noreply@zhaoshang.local>',
    OUTBOX_POLL_MS: '100',
    OUTBOX_BACKOFF_BASE_MS: '100',
    OUTBOX_BACKOFF_MAX_MS: '1000',
    OUTBOX_BACKOFF_JITTER: 'false',
    // Both workers sign the audit ledger's head into one table and one file while they run.
    AUDIT_CHECKPOINT_INTERVAL_MS: '2000',
  });

  beforeAll(async () => {
    db = await createTestDatabase('scale_out');
    temporal = await Connection.connect({ address: stackEnv('temporalAddress') });
    client = new Client({ connection: temporal, namespace: stackEnv('temporalNamespace') });
    // The namespace's Schedule (an earlier file's) goes, so this file sees who creates it.
    await client.schedule
      .getHandle(DAILY_DIGEST_SCHEDULE_ID)
      .delete()
      .catch((err: unknown) => {
        if (!(err instanceof ScheduleNotFoundError)) throw err;
      });
    [smtp, hooks] = await Promise.all([startSmtpReceiver(), startWebhookReceiver()]);

    // One JWT secret for both APIs, as instances behind a load balancer share it: a token from one is good at the other.
    const apiEnv = { JWT_SECRET: randomBytes(32).toString('hex') };
    const startApis = async (): Promise<[E2eHarness, E2eHarness]> => {
      // One after the other: each seeds the demo users.
      const first = await startE2eHarness({ databaseUrl: db.url, worker: false, apiEnv });
      const second = await startE2eHarness({ databaseUrl: db.url, worker: false, apiEnv });
      return [first, second];
    };
    [api, workers] = await Promise.all([
      startApis(),
      Promise.all([startWorkerProcess(workerEnv(), { name: 'scale-out-a' }), startWorkerProcess(workerEnv(), { name: 'scale-out-b' })]) as Promise<[WorkerProcess, WorkerProcess]>,
    ]);
    expect(api[0].baseUrl).not.toBe(api[1].baseUrl);

    let people: Staff[];
    [admin, ...people] = await Promise.all(['admin', 'officer', 'taskforce', 'auditor', 'ecb-head', 'leader'].map((u, i) => loginStaff(via(i), u)));
    let ecbHead: Staff;
    let leader: Staff;
    [officer, taskForce, auditor, ecbHead, leader] = people;

    // Each recipient of the alerts also wants their department's group webhook (set through alternating APIs).
    const emails: Record<string, string> = {};
    for (const [i, who] of [taskForce, ecbHead, leader].entries()) {
      const res = await via(i).http('PUT', '/me/notification-preferences', { token: who.token, body: { channels: ['in_app', 'email', 'webhook'] } });
      expect({ status: res.status, channels: res.body.channels }).toEqual({ status: 200, channels: ['in_app', 'email', 'webhook'] });
      emails[who.id] = res.body.email as string;
    }
    recipients = {
      taskforce: { ...taskForce, email: emails[taskForce.id] },
      'ecb-head': { ...ecbHead, email: emails[ecbHead.id] },
      leader: { ...leader, email: emails[leader.id] },
    };
    for (const [i, department] of [...new Set(ALERTS.map((a) => a.department))].entries()) {
      const secret = `scale-out-secret-${randomBytes(12).toString('hex')}`;
      const path = `/hooks/${i}`;
      const created = await via(i).http('POST', '/admin/department-webhooks', { token: admin.token, body: { department, url: hooks.url(path), format: 'generic', secret } });
      expect(created.status).toBe(201);
      webhooks.set(department, { id: created.body.id as string, secret, url: hooks.url(path) });
    }

    // Clocks started from now on: the wave-1 limit (wave 2 gets its own version before it starts).
    const policy = await intakePolicy(api[0], WAVE1_HOURS, '扩容测试：秒级时限');
    expect(policy.status).toBe(201);
  }, 120_000);

  afterAll(async () => {
    // Whatever failed: no worker process outlives the file, and nothing of it keeps running on the shared namespace.
    await killAllWorkerProcesses();
    const projects = [...wave1, ...wave2].map((l) => l.id);
    await Promise.all(projects.map((id) => client?.workflow.getHandle(`project-${id}`).terminate('scale-out clean-up').catch(() => undefined)));
    await client?.schedule
      .getHandle(DAILY_DIGEST_SCHEDULE_ID)
      .delete()
      .catch(() => undefined);
    await temporal?.close();
    for (const h of api ?? []) await h.teardown().catch(() => undefined);
    await smtp?.close();
    await hooks?.stop();
    await db?.drop();
  });

  it('both workers ensured the daily-digest Schedule at start-up: one created it, the other found it and updated it; there is one', async () => {
    const outcomes = await eventually('both workers to log the Schedule', async () => {
      const found = workers.map((w) => /"message":"daily digest schedule (created|updated)"/.exec(readFileSync(w.logFile, 'utf8'))?.[1]);
      return found.every(Boolean) ? found : undefined;
    });
    expect([...outcomes].sort()).toEqual(['created', 'updated']);
    const described = await client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).describe();
    expect(described.action).toMatchObject({ type: 'startWorkflow', workflowType: DAILY_DIGEST_WORKFLOW_TYPE, workflowId: DAILY_DIGEST_SCHEDULE_ID });
    const ids = await eventually('visibility to list the Schedule', async () => {
      const found: string[] = [];
      for await (const s of client.schedule.list()) found.push(s.scheduleId);
      return found.includes(DAILY_DIGEST_SCHEDULE_ID) ? found : undefined;
    });
    expect(ids.filter((id) => id === DAILY_DIGEST_SCHEDULE_ID)).toHaveLength(1);
  });

  it('wave 1: ten leads through both APIs, their 30 alerts each delivered once by e-mail and by webhook; only the two workers took tasks', async () => {
    await registerWave('一', wave1);
    await expectAlertsOnce(wave1, 'wave 1 alerts');

    const work = await Promise.all(wave1.map((l) => workOf(client, `project-${l.id}`)));
    const tasks = countBy(work.flatMap((w) => w.tasks), (t) => nameOf(workerOf(t.identity)));
    const activities = countBy(work.flatMap((w) => w.activities), (a) => nameOf(workerOf(a.identity)));
    process.stdout.write(`\n[scale-out] wave 1: workflow tasks ${JSON.stringify(Object.fromEntries(tasks))}, activities ${JSON.stringify(Object.fromEntries(activities))}\n`);
    // Only this file's two workers poll the task queue.
    expect(tasks.get('other')).toBeUndefined();
    expect(activities.get('other')).toBeUndefined();
  });

  it('one run of the daily digest sends each department one digest, delivered once, naming every overdue wave-1 clock', async () => {
    const schedule = client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID);
    const before = (await schedule.describe()).info.recentActions.length;
    await schedule.trigger();
    const run = await eventually('the Schedule to start the digest', async () => {
      const actions = (await schedule.describe()).info.recentActions;
      return actions.length > before ? actions[actions.length - 1].action.workflow : undefined;
    });
    const result = (await client.workflow.getHandle(run.workflowId, run.firstExecutionRunId).result()) as DailyDigestResult;
    const date = result.date!;
    const intake = result.departments.find((d) => d.department === INTAKE_DEPARTMENT);
    expect(intake?.overdue).toBeGreaterThanOrEqual(LEADS_PER_WAVE);

    // Per department of the run: one inbox row, and its e-mails (each member) and webhook post delivered once.
    const expected: ExpectedDelivery[] = [];
    for (const d of result.departments) {
      const eventKey = `digest:${date}:${d.department}`;
      const inbox: Array<{ body: string; data: { overdue: number } }> = await ds().query(`SELECT body, data FROM notifications WHERE dedupe_key = $1`, [`${eventKey}:in_app`]);
      expect(inbox).toHaveLength(1);
      expect(inbox[0].data.overdue).toBe(d.overdue);
      const members: Array<{ id: string; email: string }> = await ds().query(
        `SELECT id::text AS id, email FROM users WHERE department = $1 AND active AND email IS NOT NULL AND 'email' = ANY(preferred_channels)`,
        [d.department],
      );
      for (const m of members) expected.push({ key: outboxDedupeKey(eventKey, userRecipient(m.id), 'email'), channel: 'email', address: m.email });
      const hook = webhooks.get(d.department);
      if (hook) expected.push({ key: outboxDedupeKey(eventKey, webhookRecipient(hook.id), 'webhook'), channel: 'webhook', address: hook.url, secret: hook.secret });
    }
    // The task force's digest: its member's e-mail and its group's webhook, naming every wave-1 company.
    expect(expected.filter((e) => e.key.startsWith(`digest:${date}:${INTAKE_DEPARTMENT}|`)).map((e) => e.channel).sort()).toEqual(['email', 'webhook']);
    const [intakeDigest]: Array<{ body: string }> = await ds().query(`SELECT body FROM notifications WHERE dedupe_key = $1`, [`digest:${date}:${INTAKE_DEPARTMENT}:in_app`]);
    for (const l of wave1) expect(intakeDigest.body).toContain(l.company);
    await expectDeliveredOnce(expected, result.departments.map((d) => `digest:${date}:${d.department}`), 'the digest');

    const ran = await workOf(client, run.workflowId);
    process.stdout.write(`[scale-out] the digest ran on worker ${nameOf(workerOf(ran.activities.find((a) => a.type === 'sendDailyDigest')?.identity ?? ''))}\n`);
  });

  it('wave 1 stepped through both APIs alternately: each step applied once, read model = workflow', async () => {
    await stepThroughBothApis(wave1);
    await expectRecordedOnce(wave1);
  });

  it('the worker processes run without the SDK\'s per-promise stack traces (their preload, WORKFLOW_STACK_TRACES off): the stack-trace query says so', async () => {
    // Asked of every wave-1 workflow, so both workers answer some (each holds its own in its cache).
    const answers = await Promise.all(
      wave1.map((l) =>
        client.workflow
          .getHandle(`project-${l.id}`)
          .query('__stack_trace')
          .then(
            (trace) => `answered: ${String(trace).slice(0, 40)}`,
            (err: Error) => err.message,
          ),
      ),
    );
    expect(new Set(answers)).toEqual(new Set(['Workflow stack traces are not enabled on this worker']));
  });

  it('wave 2: the worker holding most of its workflows SIGKILLed before their clocks fire; the other finishes: alerts and steps once', async () => {
    const policy = await intakePolicy(api[1], WAVE2_HOURS, '扩容测试：第二波');
    expect(policy.status).toBe(201);
    await registerWave('二', wave2);
    const registered = Date.now();

    // Who holds each new workflow: the worker that completed its first workflow task (it stays
    // cached there, its later tasks go to that worker's sticky queue). The victim holds the most.
    const held = await Promise.all(wave2.map(async (l) => ({ lead: l, holder: workerOf((await workOf(client, `project-${l.id}`)).tasks[0]?.identity ?? '') })));
    const byWorker = workers.map((w) => held.filter((x) => x.holder === w).length);
    const victim = byWorker[0] >= byWorker[1] ? workers[0] : workers[1];
    const survivor = victim === workers[0] ? workers[1] : workers[0];
    const killing = Date.now();
    await victim.kill();
    expect(await victim.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // From here on (the process is gone) whatever Temporal records was done by someone else.
    const killedAt = Date.now();
    process.stdout.write(
      `[scale-out] wave 2: workflows held A ${byWorker[0]}, B ${byWorker[1]}; worker ${nameOf(victim)} (pid ${victim.pid}) SIGKILLed ${killing - registered} ms after the registrations\n`,
    );

    // The kill came before any wave-2 clock fired (so the victim held no alert activity and no outbox claim of this wave).
    const early: unknown[] = await ds().query(`SELECT project_id, action FROM audit_events WHERE project_id = ANY($1) AND action IN ('sla.warning', 'sla.escalated') AND occurred_at <= $2`, [
      wave2.map((l) => l.id),
      new Date(killing),
    ]);
    expect(early).toEqual([]);

    await expectAlertsOnce(wave2, 'wave 2 alerts after the kill');
    await stepThroughBothApis(wave2);
    await expectRecordedOnce(wave2);

    // The survivor finished what the victim held: each such workflow's tasks after the kill, and its alerts, are the survivor's.
    const victimHeld = held.filter((x) => x.holder === victim).map((x) => x.lead);
    expect(victimHeld.length).toBeGreaterThanOrEqual(LEADS_PER_WAVE / 2);
    for (const l of victimHeld) {
      const work = await workOf(client, `project-${l.id}`);
      const after = work.tasks.filter((t) => t.at > killedAt);
      expect(after.length).toBeGreaterThan(0);
      expect([...new Set(after.map((t) => nameOf(workerOf(t.identity))))]).toEqual([nameOf(survivor)]);
      const alerts = work.activities.filter((a) => a.type === 'sendNotification');
      expect(alerts).toHaveLength(ALERTS.length);
      expect(alerts.map((a) => nameOf(workerOf(a.identity)))).toEqual(alerts.map(() => nameOf(survivor)));
    }
    // Both workers did work: the victim before the kill, the survivor after.
    const all = await Promise.all([...wave1, ...wave2].map((l) => workOf(client, `project-${l.id}`)));
    const perWorker = countBy(all.flatMap((w) => w.tasks), (t) => nameOf(workerOf(t.identity)));
    process.stdout.write(`[scale-out] all workflow tasks: ${JSON.stringify(Object.fromEntries(perWorker))}\n`);
    expect(perWorker.get('A')).toBeGreaterThan(0);
    expect(perWorker.get('B')).toBeGreaterThan(0);
    expect(perWorker.get('other')).toBeUndefined();
  });

  it('afterwards: nothing arrived twice at either receiver, the reconciler finds no discrepancy and the audit record verifies intact', async () => {
    // A few more dispatcher rounds: a late duplicate would show here.
    await new Promise((r) => setTimeout(r, 1500));
    const twice = [...mailsById(), ...postsByKey()].filter(([, n]) => n > 1);
    expect(twice).toEqual([]);
    const leftover: unknown[] = await ds().query(`SELECT dedupe_key, status FROM notification_outbox WHERE status <> 'delivered'`);
    expect(leftover).toEqual([]);

    const mine = new Set([...wave1, ...wave2].map((l) => l.id));
    const report = await api[1].http('GET', '/audit/reconciliation?page=1&pageSize=100', { token: auditor.token });
    expect(report.status).toBe(200);
    expect(report.body.discrepancies.filter((d: { projectId: string }) => mine.has(d.projectId))).toEqual([]);
    expect(new Set(report.body.workflows.map((w: { projectId: string }) => w.projectId).filter((id: string) => mine.has(id)))).toEqual(mine);

    const verified = await api[0].http('GET', '/audit/verify', { token: auditor.token });
    expect(verified.status).toBe(200);
    expect(verified.body).toMatchObject({ intact: true, brokenChains: [], ledgerProblems: [], checkpoints: { problems: [] } });
    expect(verified.body.checkpoints.verified).toBeGreaterThan(0);
  });
});

import { randomUUID } from 'node:crypto';
import { Client, Connection, ScheduleNotFoundError, ScheduleOverlapPolicy, type ScheduleHandle } from '@temporalio/client';
import { DAILY_DIGEST_SCHEDULE_ID, DAILY_DIGEST_WORKFLOW_TYPE, LIFECYCLE_TASK_QUEUE, type DailyDigestResult } from '@zs/contracts';
import { CLOCK_LABELS, DEFAULT_POLICIES, endOfShanghaiDay, shanghaiDate, type ClockName } from '@zs/domain';
import { createSlaPolicyVersion } from '@zs/persistence';
import { ensureDailyDigestSchedule } from '@zs/worker';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { createTestDatabase, type TestDatabase } from '../support/test-database';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { sampleLead } from '../support/sample-lead';

const HOUR_MS = 3_600_000;
const SHANGHAI_OFFSET_MS = 8 * HOUR_MS;
const DEPARTMENT = '项目承接专班';
const TEST_ADMIN = { userId: 'u-test-admin', role: 'admin' as const };

interface OpenClock {
  project_id: string;
  subject: string;
  clock: ClockName;
  deadline_at: Date;
}

interface NotificationRow {
  id: string;
  dedupe_key: string;
  project_id: string | null;
  recipient_role: string | null;
  recipient_department: string | null;
  recipient_user_id: string | null;
  kind: string;
  level: number;
  title: string;
  body: string;
  data: Record<string, unknown>;
}

const hhmm = (ms: number) => new Date(ms + SHANGHAI_OFFSET_MS).toISOString().slice(11, 16);
const digestLine = (c: { subject: string; clock: ClockName; deadlineMs: number }) =>
  `· ${c.subject} ${CLOCK_LABELS[c.clock]}（时限 ${shanghaiDate(c.deadlineMs)} ${hhmm(c.deadlineMs)}）`;

/**
 * 每日督办 on the real dev server: the Schedule is created (08:30 Asia/Shanghai), triggered by
 * hand, and its workflow sends the task force one in-app digest (and e-mail) naming a real
 * overdue clock and a real clock due later today; a second trigger the same day sends nothing new.
 * Both clocks are real intake clocks, on wall-clock policies (no dependence on weekdays or holidays).
 */
describe('the daily digest Schedule triggered on the dev server (trigger()), content asserted', () => {
  let h: E2eHarness;
  let db: TestDatabase;
  let connection: Connection;
  let client: Client;
  let schedule: ScheduleHandle;
  let officer: Staff;
  let taskForce: Staff;
  let psb: Staff;
  let ecbHead: Staff;
  let restorePolicy: (() => Promise<void>) | null = null;

  const overdueCompany = `株洲每日督办超时有限公司${randomUUID().slice(0, 6)}`;
  const dueTodayCompany = `株洲每日督办今日到期有限公司${randomUUID().slice(0, 6)}`;
  const pausedCompany = `株洲每日督办暂停计时有限公司${randomUUID().slice(0, 6)}`;
  let overdueId: string;
  let dueTodayId: string;
  let dueTodayDeadline: number;
  let overdueDeadline: number;

  async function register(companyName: string): Promise<string> {
    const res = await h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName }) });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const intakeDeadline = async (projectId: string): Promise<number> => {
    const [row] = await h.dataSource.query(`SELECT deadline_at FROM sla_clocks WHERE project_id = $1 AND clock = 'intake_decision'`, [projectId]);
    return (row.deadline_at as Date).getTime();
  };

  /** The workflows the Schedule has started so far (its recent actions), oldest first. */
  const startedRuns = async () =>
    (await schedule.describe()).info.recentActions.map((a) => ({ workflowId: a.action.workflow.workflowId, runId: a.action.workflow.firstExecutionRunId }));

  /** Triggers the Schedule and waits for the digest it starts: its result and the instant it describes. */
  async function triggerDigest(): Promise<{ result: DailyDigestResult; asOf: number; workflowId: string }> {
    const before = await startedRuns();
    await schedule.trigger();
    const run = await eventually('the Schedule to start the digest', async () => {
      const runs = await startedRuns();
      return runs.length > before.length ? runs[runs.length - 1] : undefined;
    });
    expect(before.map((r) => r.runId)).not.toContain(run.runId);
    const wf = client.workflow.getHandle(run.workflowId, run.runId);
    const described = await wf.describe();
    expect({ type: described.type, taskQueue: described.taskQueue }).toEqual({ type: DAILY_DIGEST_WORKFLOW_TYPE, taskQueue: LIFECYCLE_TASK_QUEUE });
    const result = (await wf.result()) as DailyDigestResult;
    // The instant the digest describes, as the workflow passed it to its activity.
    const history = await wf.fetchHistory();
    const scheduled = (history.events ?? []).find((e) => e.activityTaskScheduledEventAttributes)?.activityTaskScheduledEventAttributes;
    expect(scheduled?.activityType?.name).toBe('sendDailyDigest');
    const input = JSON.parse(Buffer.from(scheduled!.input!.payloads![0].data!).toString('utf8')) as { asOf: number };
    return { result, asOf: input.asOf, workflowId: run.workflowId };
  }

  const digestRows = (date: string): Promise<NotificationRow[]> =>
    h.dataSource.query(
      `SELECT id::text, dedupe_key, project_id, recipient_role, recipient_department, recipient_user_id, kind, level, title, body, data
         FROM notifications WHERE kind = 'digest.daily' AND recipient_department = $1 AND dedupe_key LIKE $2 ORDER BY id`,
      [DEPARTMENT, `digest:${date}:%`],
    );
  const outboxRows = (eventKey: string): Promise<{ dedupe_key: string; channel: string; address: string; subject: string; body: string; recipient_user_id: string | null }[]> =>
    h.dataSource.query(`SELECT dedupe_key, channel, address, subject, body, recipient_user_id::text FROM notification_outbox WHERE event_key = $1 ORDER BY id`, [eventKey]);
  /** Every open, running clock of the department that the digest could name (deadline within a day). */
  const openClocks = (asOf: number): Promise<OpenClock[]> =>
    h.dataSource.query(
      `SELECT project_id, subject, clock, deadline_at FROM sla_clocks
        WHERE department = $1 AND stopped_at IS NULL AND paused_at IS NULL AND deadline_at <= $2`,
      [DEPARTMENT, new Date(asOf + 24 * HOUR_MS)],
    );

  beforeAll(async () => {
    // The digest's day is the Asia/Shanghai day: keep well clear of midnight so both clocks and both
    // triggers fall on one date, and of 08:30 so the Schedule's own run does not join the triggered ones.
    const msToMidnight = endOfShanghaiDay(shanghaiDate(Date.now())) - Date.now();
    if (msToMidnight < 5 * 60_000) await new Promise((r) => setTimeout(r, msToMidnight + 2_000));
    const msToDigestTime = Date.parse(`${shanghaiDate(Date.now())}T08:30:00+08:00`) - Date.now();
    if (msToDigestTime > -60_000 && msToDigestTime < 2 * 60_000) await new Promise((r) => setTimeout(r, msToDigestTime + 61_000));

    // A database of its own: the digest names every open clock of the department, and other suites
    // (the 200-project import among them) leave overdue clocks in the shared one.
    db = await createTestDatabase('daily_digest');
    h = await startE2eHarness({ databaseUrl: db.url });
    [officer, taskForce, psb, ecbHead] = await Promise.all(['officer', 'taskforce', 'psb', 'ecb-head'].map((u) => loginStaff(h, u)));
    connection = await Connection.connect({ address: stackEnv('temporalAddress') });
    client = new Client({ connection, namespace: stackEnv('temporalNamespace') });
    try {
      await client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).delete();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }

    // Two real intake clocks of the task force: one that breaches in 3.6 s, one due later today.
    restorePolicy = async () => {
      await createSlaPolicyVersion(h.dataSource, 'intake_decision', DEFAULT_POLICIES.intake_decision.definition, TEST_ADMIN, 'test: restore the seeded policy');
    };
    const seeded = DEFAULT_POLICIES.intake_decision.definition;
    const withHours = (hours: number) => ({ ...seeded, duration: { unit: 'hours' as const, hours } });
    await createSlaPolicyVersion(h.dataSource, 'intake_decision', withHours(0.001), TEST_ADMIN, 'test: breaches within seconds');
    overdueId = await register(overdueCompany);
    const untilMidnight = endOfShanghaiDay(shanghaiDate(Date.now())) - Date.now();
    const dueTodayHours = Math.min(6, untilMidnight / 2 / HOUR_MS);
    await createSlaPolicyVersion(h.dataSource, 'intake_decision', withHours(dueTodayHours), TEST_ADMIN, 'test: due later today');
    dueTodayId = await register(dueTodayCompany);
    // A clock paused while waiting for the firm is neither overdue nor due: the digest leaves it out.
    const pausedId = await register(pausedCompany);
    await restorePolicy();
    restorePolicy = null;

    overdueDeadline = await intakeDeadline(overdueId);
    dueTodayDeadline = await intakeDeadline(dueTodayId);
    expect(shanghaiDate(dueTodayDeadline)).toBe(shanghaiDate(Date.now()));
    // The task force's clock stops while it waits for information it asked for (access/step-rules.ts).
    const paused = await h.http('POST', `/projects/${pausedId}/intake-decision`, { token: taskForce.token, body: { action: 'request_info', missing: '等待企业补充材料' } });
    expect(paused.status).toBe(200);
    // Wait for the breach (and its escalation): the digest then finds the clock overdue.
    await eventually(
      'the tiny intake clock to breach and escalate',
      async () => {
        const res = await h.http('GET', `/projects/${overdueId}`, { token: taskForce.token });
        return res.body.clocks?.[0]?.fired?.includes('escalation-1') ? true : undefined;
      },
      20_000,
    );
    expect(Date.now()).toBeGreaterThan(overdueDeadline);
  }, 10 * 60_000);

  afterAll(async () => {
    if (restorePolicy) await restorePolicy();
    try {
      await client?.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).delete();
    } catch (err) {
      if (!(err instanceof ScheduleNotFoundError)) throw err;
    }
    await connection?.close();
    await h?.teardown();
    await db?.drop();
  });

  it('creates one Schedule at 08:30 Asia/Shanghai, and brings it back to that definition when ensured again', async () => {
    expect(await ensureDailyDigestSchedule(client)).toBe('created');
    schedule = client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID);

    // Someone moved it to 09:00: ensuring it again (every worker start-up does) restores 08:30.
    await schedule.update((previous) => ({ ...previous, spec: { calendars: [{ hour: 9, minute: 0 }], timezone: 'Asia/Shanghai' } }));
    expect((await schedule.describe()).spec.calendars?.[0].hour).toEqual([expect.objectContaining({ start: 9, end: 9 })]);
    expect(await ensureDailyDigestSchedule(client)).toBe('updated');

    const ids = await eventually('visibility to list the Schedule', async () => {
      const found: string[] = [];
      for await (const s of client.schedule.list()) found.push(s.scheduleId);
      return found.includes(DAILY_DIGEST_SCHEDULE_ID) ? found : undefined;
    });
    expect(ids.filter((id) => id === DAILY_DIGEST_SCHEDULE_ID)).toEqual([DAILY_DIGEST_SCHEDULE_ID]);

    const d = await schedule.describe();
    expect(d.spec.timezone).toBe('Asia/Shanghai');
    expect(d.spec.calendars).toHaveLength(1);
    expect(d.spec.calendars?.[0]).toMatchObject({
      hour: [expect.objectContaining({ start: 8, end: 8 })],
      minute: [expect.objectContaining({ start: 30, end: 30 })],
      second: [expect.objectContaining({ start: 0, end: 0 })],
    });
    expect(d.action).toMatchObject({ type: 'startWorkflow', workflowType: DAILY_DIGEST_WORKFLOW_TYPE, taskQueue: LIFECYCLE_TASK_QUEUE, workflowId: DAILY_DIGEST_SCHEDULE_ID });
    expect(d.policies.overlap).toBe(ScheduleOverlapPolicy.SKIP);
    expect(d.state.paused).toBe(false);
    // 08:30 in Shanghai is 00:30 UTC, every day.
    const next = d.info.nextActionTimes.map((t) => t.getTime());
    expect(next.length).toBeGreaterThanOrEqual(2);
    for (const t of next) expect(new Date(t).toISOString().slice(11, 19)).toBe('00:30:00');
    expect(next[1] - next[0]).toBe(24 * HOUR_MS);
    expect(next[0]).toBeGreaterThan(Date.now());
    expect(next[0] - Date.now()).toBeLessThanOrEqual(24 * HOUR_MS);
    // Nothing has run yet.
    expect(d.info.recentActions).toEqual([]);
  });

  it('sends the task force one digest naming its overdue clock and the one due later today; its staff see it in their inbox', async () => {
    const { result, asOf } = await triggerDigest();
    const date = shanghaiDate(asOf);
    expect(asOf).toBeGreaterThan(overdueDeadline);
    expect(asOf).toBeLessThan(dueTodayDeadline);

    // What the digest must say: this file's two clocks, plus any open clock other files left in the department.
    const clocks = await openClocks(asOf);
    const mine = clocks.filter((c) => c.project_id === overdueId || c.project_id === dueTodayId);
    expect(mine.map((c) => c.project_id).sort()).toEqual([overdueId, dueTodayId].sort());
    const ordered = clocks
      .map((c) => ({ projectId: c.project_id, subject: c.subject, clock: c.clock, deadlineMs: c.deadline_at.getTime() }))
      .sort((a, b) => a.deadlineMs - b.deadlineMs || a.subject.localeCompare(b.subject));
    const overdue = ordered.filter((c) => c.deadlineMs <= asOf);
    const dueToday = ordered.filter((c) => c.deadlineMs > asOf && shanghaiDate(c.deadlineMs) === date);
    expect(overdue.map((c) => c.projectId)).toContain(overdueId);
    expect(dueToday.map((c) => c.projectId)).toContain(dueTodayId);
    // Run alone, that is exactly "已超时 1 项，今日到期 1 项".
    const title = `【每日督办】${DEPARTMENT} ${date}：已超时 ${overdue.length} 项，今日到期 ${dueToday.length} 项`;
    const overdueLine = `· ${overdueCompany} 48小时承接研判（时限 ${date} ${hhmm(overdueDeadline)}）`;
    const dueTodayLine = `· ${dueTodayCompany} 48小时承接研判（时限 ${date} ${hhmm(dueTodayDeadline)}）`;
    const body = ['已超时：', ...overdue.map(digestLine), '今日到期：', ...dueToday.map(digestLine)].join('\n');

    expect(result.date).toBe(date);
    expect(result.departments.find((d) => d.department === DEPARTMENT)).toEqual({ department: DEPARTMENT, overdue: overdue.length, dueToday: dueToday.length });
    // Departments in order, each at most once.
    const departments = result.departments.map((d) => d.department);
    expect(departments).toEqual([...new Set(departments)].sort((a, b) => a.localeCompare(b)));

    const rows = await digestRows(date);
    expect(rows).toEqual([
      {
        id: expect.any(String),
        dedupe_key: `digest:${date}:${DEPARTMENT}:in_app`,
        project_id: null,
        recipient_role: null,
        recipient_department: DEPARTMENT,
        recipient_user_id: null,
        kind: 'digest.daily',
        level: 0,
        title,
        body,
        data: { date, department: DEPARTMENT, overdue: overdue.length, dueToday: dueToday.length },
      },
    ]);
    expect(rows[0].title).toMatch(/^【每日督办】项目承接专班 \d{4}-\d{2}-\d{2}：已超时 [1-9]\d* 项，今日到期 [1-9]\d* 项$/);
    // This file's two clocks, each in its section.
    const lines = rows[0].body.split('\n');
    expect(lines[0]).toBe('已超时：');
    expect(lines.indexOf(overdueLine)).toBeGreaterThan(0);
    expect(lines.indexOf(overdueLine)).toBeLessThan(lines.indexOf('今日到期：'));
    expect(lines.indexOf(dueTodayLine)).toBeGreaterThan(lines.indexOf('今日到期：'));
    expect(rows[0].body).not.toContain(pausedCompany);

    // E-mail to the department's staff through the outbox (the task force's demo user has an address).
    const outbox = await outboxRows(`digest:${date}:${DEPARTMENT}`);
    expect(outbox).toContainEqual(
      expect.objectContaining({ channel: 'email', address: 'taskforce@zhaoshang.local', recipient_user_id: taskForce.id, subject: title, body: expect.stringContaining(body) }),
    );
    expect(outbox.every((r) => r.subject === title)).toBe(true);

    // The department's staff see it in their inbox; other departments do not.
    const inbox = await h.http('GET', '/notifications?pageSize=100', { token: taskForce.token });
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.filter((n: any) => n.kind === 'digest.daily')).toEqual([
      {
        id: rows[0].id,
        projectId: null,
        recipientRole: null,
        recipientDepartment: DEPARTMENT,
        recipientUserId: null,
        kind: 'digest.daily',
        level: 0,
        title,
        body,
        data: { date, department: DEPARTMENT, overdue: overdue.length, dueToday: dueToday.length },
        createdAt: expect.any(String),
        // Nobody has opened it yet.
        read: false,
        readAt: null,
      },
    ]);
    for (const other of [psb, ecbHead, officer]) {
      const theirs = await h.http('GET', '/notifications?pageSize=100', { token: other.token });
      expect(theirs.status).toBe(200);
      expect(theirs.body.items.filter((n: any) => n.kind === 'digest.daily' && n.recipientDepartment === DEPARTMENT)).toEqual([]);
    }
  });

  it('sends nothing new when triggered again the same day', async () => {
    const date = shanghaiDate(Date.now());
    const rowsBefore = await digestRows(date);
    const outboxBefore = await outboxRows(`digest:${date}:${DEPARTMENT}`);
    const allDigestsBefore = await h.dataSource.query(`SELECT id::text, dedupe_key, title FROM notifications WHERE kind = 'digest.daily' ORDER BY id`);
    expect(rowsBefore).toHaveLength(1);

    const { result, asOf, workflowId } = await triggerDigest();
    expect(shanghaiDate(asOf)).toBe(date);
    expect(workflowId.startsWith(`${DAILY_DIGEST_SCHEDULE_ID}-`)).toBe(true);
    // The run itself still finds the same clocks…
    expect(result.date).toBe(date);
    expect(result.departments.find((d) => d.department === DEPARTMENT)).toEqual({
      department: DEPARTMENT,
      overdue: (rowsBefore[0].data as { overdue: number }).overdue,
      dueToday: (rowsBefore[0].data as { dueToday: number }).dueToday,
    });
    // …but the digest of the day was sent already: no new inbox row, no new e-mail, for any department.
    expect(await digestRows(date)).toEqual(rowsBefore);
    expect(await outboxRows(`digest:${date}:${DEPARTMENT}`)).toEqual(outboxBefore);
    expect(await h.dataSource.query(`SELECT id::text, dedupe_key, title FROM notifications WHERE kind = 'digest.daily' ORDER BY id`)).toEqual(allDigestsBefore);
    const inbox = await h.http('GET', '/notifications?pageSize=100', { token: taskForce.token });
    expect(inbox.body.items.filter((n: any) => n.kind === 'digest.daily').map((n: any) => n.id)).toEqual([rowsBefore[0].id]);
    expect((await schedule.describe()).info.recentActions).toHaveLength(2);
  });
});

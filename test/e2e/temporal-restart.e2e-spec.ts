import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { projectStateQuery, projectWorkflowId, type ProjectSnapshot } from '@zs/contracts';
import { freePort, portAcceptsConnections, startTemporalDevServer, type RunningDevServer } from '@zs/local-stack';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { sampleLead } from '../support/sample-lead';
import { useWallClockPolicies } from '../support/sla-policies';

const HOUR_MS = 3_600_000;
/** 0.006 h = 21.6 s: the warning (75 %, 16.2 s) and the breach fall after the restart below. */
const SHORT_HOURS = 0.006;
const SHORT_MS = 21_600;

/**
 * The Temporal dev server of `npm start` is stopped and started again on the same database file
 * and port while one project's intake clock runs (short, so its timers must fire after the
 * restart) and another's is paused: every deadline, pause and pending timer survives.
 */
describe('Temporal dev server restarted under running and paused clocks', () => {
  let dir: string;
  let port: number;
  let uiPort: number;
  let dev: RunningDevServer | null = null;
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let auditor: Staff;
  let restorePolicy: (() => Promise<void>) | undefined;
  const projectIds: string[] = [];

  const startDev = () =>
    startTemporalDevServer({ port, uiPort, headless: true, dbFile: join(dir, 'temporal.db'), logFile: join(dir, 'temporal.log'), readyTimeoutMs: 60_000 });

  /** The project's state as the workflow itself answers it (a query on the restarted server). */
  async function workflowState(projectId: string): Promise<ProjectSnapshot['state']> {
    const connection = await Connection.connect({ address: dev!.address });
    try {
      const snapshot = await new Client({ connection }).workflow.getHandle(projectWorkflowId(projectId)).query(projectStateQuery);
      return snapshot.state;
    } finally {
      await connection.close();
    }
  }

  const intakeClock = async (projectId: string) => {
    const res = await h.http('GET', `/projects/${projectId}`, { token: auditor.token });
    expect(res.status).toBe(200);
    return res.body.clocks[0];
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'zhaoshang-temporal-restart-'));
    [port, uiPort] = await Promise.all([freePort(), freePort()]);
    dev = await startDev();
    h = await startE2eHarness({ temporalAddress: dev.address });
    [officer, taskForce, auditor] = await Promise.all(['officer', 'taskforce', 'auditor'].map((u) => loginStaff(h, u)));
  });

  afterAll(async () => {
    await restorePolicy?.();
    if (dev) {
      const connection = await Connection.connect({ address: dev.address }).catch(() => null);
      if (connection) {
        const client = new Client({ connection });
        for (const id of projectIds) await client.workflow.getHandle(projectWorkflowId(id)).terminate('e2e clean-up').catch(() => undefined);
        await connection.close();
      }
    }
    await h?.teardown();
    await dev?.process.stop(5000);
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the running clock’s deadline and timers and the paused clock’s pause and remaining time', async () => {
    // B: the seeded 48-hour clock, paused with a reason.
    const b = await h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName: '株洲暂停重启测试有限公司' }) });
    expect(b.status).toBe(201);
    const pausedId = b.body.id as string;
    projectIds.push(pausedId);
    // The 48-hour clock pauses while the task force waits for information it asked for (access/step-rules.ts).
    const paused = await h.http('POST', `/projects/${pausedId}/intake-decision`, { token: taskForce.token, body: { action: 'request_info', missing: '等待企业补充材料' } });
    expect(paused.status).toBe(200);

    // A: a running clock short enough that its warning and breach fall after the restart.
    restorePolicy = await useWallClockPolicies(h.dataSource, { intake_decision: SHORT_HOURS });
    const a = await h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName: '湘潭计时重启测试有限公司' }) });
    expect(a.status).toBe(201);
    const runningId = a.body.id as string;
    projectIds.push(runningId);
    await restorePolicy();
    restorePolicy = undefined;

    const runningBefore = await workflowState(runningId);
    const pausedBefore = await workflowState(pausedId);
    const runningView = await intakeClock(runningId);
    const pausedView = await intakeClock(pausedId);
    expect(runningBefore.intake.clock).toMatchObject({ budgetMs: SHORT_MS, pausedAt: null, fired: [] });
    expect(pausedBefore.intake.clock).toMatchObject({ budgetMs: 48 * HOUR_MS, pausedAt: expect.any(Number), fired: [] });
    expect(pausedView).toMatchObject({ status: 'paused', paused: true });
    expect(Date.parse(runningView.deadlineAt) - Date.parse(runningView.startedAt)).toBe(SHORT_MS);

    // The restart: a clean stop (the port is released), then a new process on the same file and port.
    await dev!.process.stop(10_000);
    expect(await portAcceptsConnections(port)).toBe(false);
    dev = await startDev();
    // The breach timer was pending across the restart (else this test would prove nothing about it).
    expect(Date.parse(runningView.deadlineAt)).toBeGreaterThan(Date.now());

    // The workflows answer from the restarted server with the same clocks.
    const runningAfter = await eventually('the running project to answer its query after the restart', () => workflowState(runningId), 30_000);
    const pausedAfter = await workflowState(pausedId);
    expect(pausedAfter).toEqual(pausedBefore);
    expect(runningAfter.intake.clock).toMatchObject({
      startedAt: runningBefore.intake.clock.startedAt,
      budgetMs: SHORT_MS,
      pausedMs: 0,
      pausedAt: null,
      plan: runningBefore.intake.clock.plan,
    });

    // The paused clock: still paused, same remaining time; resumed, it has exactly that time left.
    const pausedNow = await intakeClock(pausedId);
    expect(pausedNow).toMatchObject({ status: 'paused', paused: true, remainingMs: pausedView.remainingMs, startedAt: pausedView.startedAt });
    const resumed = await eventually(
      'the resume to go through the restarted server',
      async () => {
        const res = await h.http('POST', `/projects/${pausedId}/intake-info`, { token: officer.token, body: { response: '材料已补齐' } });
        return res.status === 200 ? res : undefined;
      },
      30_000,
    );
    const resumedClock = resumed.body.clocks[0];
    expect(resumedClock).toMatchObject({ status: 'running', paused: false });
    expect(pausedView.remainingMs - resumedClock.remainingMs).toBeGreaterThanOrEqual(0);
    expect(pausedView.remainingMs - resumedClock.remainingMs).toBeLessThan(5_000);
    expect(Date.parse(resumedClock.deadlineAt) - Date.parse(resumedClock.startedAt)).toBe(48 * HOUR_MS + resumedClock.pausedMs);

    // The running clock: its timers, set before the restart, fire at the original instants.
    const events = await eventually(
      'the running clock to warn and breach after the restart',
      async () => {
        const res = await h.http('GET', `/sla/projects/${runningId}/timeline`, { token: auditor.token });
        return res.status === 200 && res.body.events.some((e: { event: string }) => e.event === 'escalated') ? (res.body.events as any[]) : undefined;
      },
      SHORT_MS + 20_000,
    );
    expect(events.map((e) => e.event)).toEqual(['started', 'warned', 'breached', 'escalated']);
    const [started, warned, breached] = events;
    expect(started.deadlineAt).toBe(runningView.deadlineAt);
    expect(Date.parse(warned.at) - Date.parse(started.at)).toBeGreaterThanOrEqual(0.75 * SHORT_MS);
    expect(breached).toMatchObject({ at: runningView.deadlineAt, deadlineAt: runningView.deadlineAt });
    expect((await workflowState(runningId)).intake.clock.fired).toEqual(['warning-1', 'escalation-1']);
  });
});

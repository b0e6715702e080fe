import type { WorkflowHandle } from '@temporalio/client';
import {
  decideIntakeUpdate,
  pauseProjectClockUpdate,
  provideIntakeInfoUpdate,
  projectStateQuery,
  recalculateSlaSignal,
  resumeProjectClockUpdate,
} from '@zs/contracts';
import { DEFAULT_POLICIES, deadlineAt, remainingMs, shanghaiDate, weekdayLookup, type Actor, type ClockPauseCommand, type SlaClock } from '@zs/domain';
import { createSlaPolicyVersion } from '@zs/persistence';
import { eventually } from '../support/eventually';
import { auditOf } from '../support/read-model';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const ADMIN: Actor = { userId: 'u-admin', role: 'admin' };
const LEADER: Actor = { userId: 'u-leader', role: 'zone_leadership' };

/**
 * Policies as data on the time-skipping server: a clock keeps the version it started with,
 * pausing keeps the remaining time exactly, a recalculation keeps elapsed and paused time,
 * and working-day deadlines come from the calendar (a fixed one here: Monday–Friday, with
 * one holiday the test declares).
 */
describe('SLA policies, pausing and recalculation (time-skipping)', () => {
  let h: TimeSkippingHarness;
  let holiday: string | null = null;
  beforeAll(async () => {
    h = await startTimeSkippingHarness({ calendar: { lookup: async () => (d) => d !== holiday && weekdayLookup(d) } });
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const clockOf = async (handle: WorkflowHandle): Promise<SlaClock> => (await handle.query(projectStateQuery)).state.intake.clock;
  const pause = (handle: WorkflowHandle, command: ClockPauseCommand, actor: Actor = TASK_FORCE) => handle.executeUpdate(pauseProjectClockUpdate, { args: [{ actor, command }] });
  const resume = (handle: WorkflowHandle, command: ClockPauseCommand, actor: Actor = TASK_FORCE) => handle.executeUpdate(resumeProjectClockUpdate, { args: [{ actor, command }] });
  // The 48-hour clock pauses only while the task force waits for information it asked for
  // (access/step-rules.ts): request_info pauses it, the owner's answer resumes it.
  const requestInfo = (handle: WorkflowHandle, missing: string) => handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'request_info', missing } }] });
  const provideInfo = (handle: WorkflowHandle, response: string) => handle.executeUpdate(provideIntakeInfoUpdate, { args: [{ actor: OFFICER, command: { response } }] });
  const now = async () => (await h.env.currentTimeMs());
  async function sleepUntil(ms: number) {
    const t = await now();
    if (ms > t) await h.env.sleep(ms - t);
  }

  it('pausing keeps the remaining time exactly; the paused time is shown and audited with who and why', async () => {
    const { projectId, handle } = await h.register();
    const started = (await clockOf(handle)).startedAt;
    await sleepUntil(started + 10 * HOUR);
    const paused = await requestInfo(handle, '等待企业补充环评材料');
    const pausedClock = paused.state.intake.clock;
    const remainingAtPause = remainingMs(pausedClock, pausedClock.pausedAt!);
    expect(remainingAtPause).toBe(48 * HOUR - (pausedClock.pausedAt! - started));

    // Three days pass: the 36 h warning and the 48 h escalation do not fire while paused.
    await h.env.sleep(72 * HOUR);
    expect((await clockOf(handle)).fired).toEqual([]);
    const resumed = (await provideInfo(handle, '材料已补齐')).state.intake.clock;
    const resumedAt = pausedClock.pausedAt! + resumed.pausedMs;
    expect(resumed.pausedMs).toBeGreaterThanOrEqual(72 * HOUR);
    expect(remainingMs(resumed, resumedAt)).toBe(remainingAtPause);
    expect(deadlineAt(resumed, await now())).toBe(started + 48 * HOUR + resumed.pausedMs);

    // The warning fires at 36 h of active time: just before, nothing; at it, the warning.
    await sleepUntil(started + 36 * HOUR + resumed.pausedMs - MIN);
    expect((await clockOf(handle)).fired).toEqual([]);
    await sleepUntil(started + 36 * HOUR + resumed.pausedMs);
    await eventually('warning', async () => ((await clockOf(handle)).fired.includes('warning-1') ? true : undefined));

    const audit = await auditOf(h.dataSource, projectId);
    expect(audit.filter((a) => a.action !== 'lead.registered').map((a) => [a.action, a.actor_id, a.payload.clockAction ?? null, a.payload.reason ?? null])).toEqual([
      ['intake.info_requested', TASK_FORCE.userId, 'paused', '等待企业补充环评材料'],
      ['intake.info_provided', OFFICER.userId, 'resumed', '材料已补齐'],
      ['sla.warning', 'system', null, null],
    ]);
    expect(audit.find((a) => a.action === 'intake.info_provided')!.payload).toMatchObject({ pausedForMs: resumed.pausedMs });
  });

  it('refuses to pause twice, to resume a running clock and an unknown clock, changing nothing', async () => {
    const { projectId, handle } = await h.register();
    const failure = (p: Promise<unknown>) => p.then(() => 'applied', (e: { cause?: { type?: string } }) => e.cause?.type);
    // No information request open: neither the task force nor leadership may stop the 48 hours; another bureau never.
    expect(await failure(pause(handle, { clock: 'intake_decision', reason: '等待' }))).toBe('FORBIDDEN_NOT_OWNER');
    expect(await failure(pause(handle, { clock: 'intake_decision', reason: '等待' }, LEADER))).toBe('FORBIDDEN_NOT_OWNER');
    expect(await failure(pause(handle, { clock: 'intake_decision', reason: '等待' }, { userId: 'u-esb', role: 'enterprise_service_bureau' }))).toBe('FORBIDDEN_NOT_OWNER');
    await requestInfo(handle, '等待');
    expect(await failure(pause(handle, { clock: 'intake_decision', reason: '再等' }))).toBe('WRONG_STAGE');
    expect(await failure(pause(handle, { clock: 'service_accept' as never, reason: 'x' }))).toBe('VALIDATION_FAILED');
    expect(await failure(resume(handle, { clock: 'intake_decision', reason: ' ' }))).toBe('VALIDATION_FAILED');
    expect(await failure(resume(handle, { clock: 'intake_decision', reason: 'x' }, { userId: 'u-o', role: 'investment_officer' }))).toBe('FORBIDDEN_ROLE');
    expect((await auditOf(h.dataSource, projectId)).map((a) => a.action)).toEqual(['lead.registered', 'intake.info_requested']);
  });

  it('a new policy version applies to new clocks only; a recalculation moves running clocks onto it, keeping elapsed and paused time', async () => {
    try {
      const { handle: before } = await h.register();
      const v1 = await clockOf(before);
      const started = v1.startedAt;
      await sleepUntil(started + 2 * HOUR);
      await requestInfo(before, '等待');
      await h.env.sleep(3 * HOUR);
      await provideInfo(before, '继续');

      const v2 = await createSlaPolicyVersion(h.dataSource, 'intake_decision', { ...DEFAULT_POLICIES.intake_decision.definition, duration: { unit: 'hours', hours: 72 } }, ADMIN, '管委会决定延长至72小时');
      const { handle: after } = await h.register();
      expect((await clockOf(after)).plan).toMatchObject({ policyVersion: v2.version, budgetMs: 72 * HOUR });
      // The running clock keeps its version.
      expect((await clockOf(before)).plan).toMatchObject({ policyVersion: v1.plan!.policyVersion, budgetMs: 48 * HOUR });

      const beforeRecalculation = await clockOf(before);
      expect(beforeRecalculation.pausedMs).toBeGreaterThanOrEqual(3 * HOUR);
      await before.signal(recalculateSlaSignal, { requestId: 'recalc-1', scope: 'policy', reason: '按新时限重新计算', actor: ADMIN });
      const recalculated = await eventually('recalculated', async () => {
        const c = await clockOf(before);
        return c.plan?.policyVersion === v2.version ? c : undefined;
      });
      expect(recalculated.startedAt).toBe(started);
      expect(recalculated.pausedMs).toBe(beforeRecalculation.pausedMs);
      expect(recalculated.fired).toEqual(beforeRecalculation.fired);
      expect(recalculated.budgetMs).toBe(72 * HOUR);
      expect(deadlineAt(recalculated, await now())).toBe(started + 72 * HOUR + beforeRecalculation.pausedMs);
      // The same request again (a retried signal) changes nothing more.
      await before.signal(recalculateSlaSignal, { requestId: 'recalc-1', scope: 'policy', reason: '按新时限重新计算', actor: ADMIN });
      await before.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
      const audit = await auditOf(h.dataSource, (await before.query(projectStateQuery)).state.projectId);
      const recalcs = audit.filter((a) => a.action === 'sla.recalculated');
      expect(recalcs).toHaveLength(1);
      expect(recalcs[0]).toMatchObject({ actor_id: ADMIN.userId, payload: { reason: '按新时限重新计算', pausedMs: beforeRecalculation.pausedMs, before: { policyVersion: v1.plan!.policyVersion }, after: { policyVersion: v2.version } } });
    } finally {
      await createSlaPolicyVersion(h.dataSource, 'intake_decision', DEFAULT_POLICIES.intake_decision.definition, ADMIN, 'test: restore');
    }
  });

  it('plans working days on the calendar: "3 working days" from a Friday evening ends Wednesday 17:30, a holiday moves it', async () => {
    try {
      await createSlaPolicyVersion(h.dataSource, 'intake_decision', { ...DEFAULT_POLICIES.intake_decision.definition, duration: { unit: 'working_days', days: 3, endsAt: '17:30' } }, ADMIN, 'test: 3 working days');
      // Skip to the next Friday 19:00 in Asia/Shanghai.
      const t = await now();
      const local = new Date(t + 8 * HOUR);
      const daysToFriday = (5 - local.getUTCDay() + 7) % 7 || 7;
      const friday = Date.UTC(local.getUTCFullYear(), local.getUTCMonth(), local.getUTCDate() + daysToFriday, 19 - 8, 0, 0);
      await sleepUntil(friday);
      // Friday 19:00 + 5 days - 1 h 30 min = Wednesday 17:30 (Monday, Tuesday, Wednesday; Friday itself does not count).
      const wednesday = friday + 5 * 24 * HOUR - 90 * MIN;
      const { handle } = await h.register();
      const clock = await clockOf(handle);
      expect(clock.startedAt - friday).toBeLessThan(HOUR);
      expect(new Date(clock.startedAt + clock.budgetMs).toISOString()).toBe(new Date(wednesday).toISOString());

      // The zone declares that Tuesday a holiday: a calendar recalculation keeps the version and moves the deadline a day.
      holiday = shanghaiDate(friday + 4 * 24 * HOUR);
      await handle.signal(recalculateSlaSignal, { requestId: 'calendar-1', scope: 'calendar', reason: '区内临时调整放假', actor: ADMIN });
      const moved = await eventually('calendar applied', async () => {
        const c = await clockOf(handle);
        return c.budgetMs > clock.budgetMs ? c : undefined;
      });
      expect(moved.budgetMs - clock.budgetMs).toBe(24 * HOUR);
      expect(moved.plan!.policyVersion).toBe(clock.plan!.policyVersion);
    } finally {
      holiday = null;
      await createSlaPolicyVersion(h.dataSource, 'intake_decision', DEFAULT_POLICIES.intake_decision.definition, ADMIN, 'test: restore');
    }
  });
});

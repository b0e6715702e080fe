import type { WorkflowHandle } from '@temporalio/client';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { decideIntakeUpdate, projectStateQuery, provideIntakeInfoUpdate, SA_PROJECT_STAGE, SA_SLA_OVERDUE } from '@zs/contracts';
import type { Actor } from '@zs/domain';
import { eventually } from '../support/eventually';
import { auditOf, notificationsOf } from '../support/read-model';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { projectedState } from '../support/projected';

const MIN = 60_000;
const HOUR = 60 * MIN;

/**
 * The 48-hour intake clock on the time-skipping server, at its exact boundaries.
 * Each test skips time from the project's registration; `at(h, m)` sleeps until that
 * offset. Alerts are asserted in the real database (in-app notifications + audit).
 */
describe('48-hour intake clock (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  async function registered() {
    const { projectId, handle } = await h.register();
    let offset = 0;
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { projectId, handle, at };
  }

  const fired = async (handle: WorkflowHandle) => (await handle.query(projectStateQuery)).state.intake.clock.fired;
  // Alerts of the 48-hour clock only (after acceptance, negotiation follow-ups have their own).
  const kinds = async (projectId: string) =>
    (await notificationsOf(h.dataSource, projectId)).filter((n) => n.dedupe_key.includes(':intake_decision:')).map((n) => `${n.kind}:${n.level}:${n.recipient_role}`);
  const waitForAlerts = (projectId: string, count: number) =>
    eventually(`${count} alerts for ${projectId}`, async () => {
      const rows = await kinds(projectId);
      return rows.length >= count ? rows : undefined;
    });
  const decide = (handle: WorkflowHandle, command: Record<string, unknown>, actor: Actor = TASK_FORCE) =>
    handle.executeUpdate(decideIntakeUpdate, { args: [{ actor, command: command as never }] });

  it('sends nothing at 35 h 59 min and the warning to the task force at 36 h', async () => {
    const { projectId, handle, at } = await registered();
    await at(35 * HOUR + 59 * MIN);
    expect(await fired(handle)).toEqual([]);
    expect(await kinds(projectId)).toEqual([]);

    await at(36 * HOUR);
    expect(await waitForAlerts(projectId, 1)).toEqual(['sla.warning:1:intake_task_force']);
    expect(await fired(handle)).toEqual(['warning-1']);
  });

  it('escalates to the bureau head at 48 h and to zone leadership at 72 h, each exactly once', async () => {
    const { projectId, handle, at } = await registered();
    await at(47 * HOUR + 59 * MIN);
    expect(await waitForAlerts(projectId, 1)).toEqual(['sla.warning:1:intake_task_force']);
    expect((await handle.query(projectStateQuery)).state.overdue).toBe(false);

    await at(48 * HOUR);
    await waitForAlerts(projectId, 2);
    expect((await handle.query(projectStateQuery)).state.overdue).toBe(true);
    // What `temporal workflow list --query "SlaOverdue = true"` and the Web UI search on.
    const attributes = (await handle.describe()).typedSearchAttributes;
    expect(attributes.get(SA_SLA_OVERDUE)).toBe(true);
    expect(attributes.get(SA_PROJECT_STAGE)).toBe('intake');

    await at(71 * HOUR + 59 * MIN);
    expect(await kinds(projectId)).toEqual(['sla.warning:1:intake_task_force', 'sla.escalated:1:economic_cooperation_bureau_head']);

    await at(72 * HOUR);
    expect(await waitForAlerts(projectId, 3)).toEqual([
      'sla.warning:1:intake_task_force',
      'sla.escalated:1:economic_cooperation_bureau_head',
      'sla.escalated:2:zone_leadership',
    ]);
    await at(200 * HOUR);
    expect(await kinds(projectId)).toHaveLength(3);
    const actions = (await auditOf(h.dataSource, projectId)).map((a) => `${a.action}:${a.actor_id}`);
    expect(actions).toEqual(['lead.registered:u-officer', 'sla.warning:system', 'sla.escalated:system', 'sla.escalated:system']);
  });

  it('a decision at 47 h 59 min means no escalation, ever', async () => {
    const { projectId, handle, at } = await registered();
    await at(47 * HOUR + 59 * MIN);
    const snapshot = await decide(handle, { action: 'accept' });
    expect(snapshot.state.stage).toBe('negotiation');
    expect(snapshot.state.intake.clock.stoppedAt).not.toBeNull();

    await at(500 * HOUR);
    expect(await kinds(projectId)).toEqual(['sla.warning:1:intake_task_force']);
    expect(await fired(handle)).toEqual(['warning-1']);
  });

  it('request-info for 10 h moves the warning and the breach by 10 h', async () => {
    const { projectId, handle, at } = await registered();
    await at(1 * HOUR);
    const paused = await decide(handle, { action: 'request_info', missing: '请补充用地需求和环评材料' });
    expect(paused.state.intake.clock.pausedAt).not.toBeNull();

    await at(11 * HOUR);
    const resumed = await handle.executeUpdate(provideIntakeInfoUpdate, { args: [{ actor: OFFICER, command: { response: '已补充用地需求' } }] });
    // Between two skips the test server's clock runs in real time: allow a few ms of drift.
    expect(resumed.state.intake.clock.pausedMs).toBeGreaterThanOrEqual(10 * HOUR);
    expect(resumed.state.intake.clock.pausedMs).toBeLessThan(10 * HOUR + MIN);

    await at(45 * HOUR + 59 * MIN);
    expect(await kinds(projectId)).toEqual([]);
    await at(46 * HOUR);
    await waitForAlerts(projectId, 1);

    await at(57 * HOUR + 59 * MIN);
    expect(await kinds(projectId)).toEqual(['sla.warning:1:intake_task_force']);
    await at(58 * HOUR);
    expect(await waitForAlerts(projectId, 2)).toEqual(['sla.warning:1:intake_task_force', 'sla.escalated:1:economic_cooperation_bureau_head']);

    const audit = await auditOf(h.dataSource, projectId);
    const pause = audit.find((a) => a.action === 'intake.info_requested');
    const resume = audit.find((a) => a.action === 'intake.info_provided');
    expect(pause).toMatchObject({ actor_id: TASK_FORCE.userId, payload: { clockAction: 'paused', reason: '请补充用地需求和环评材料' } });
    expect(resume).toMatchObject({ actor_id: OFFICER.userId, payload: { clockAction: 'resumed' } });
    expect(resume?.payload.pausedForMs).toBe(resumed.state.intake.clock.pausedMs);
  });

  it('refuses a second decision, a wrong role and invalid input without changing anything', async () => {
    const { projectId, handle } = await registered();
    const failureType = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (err) => (err instanceof WorkflowUpdateFailedError ? (err.cause as { type?: string }).type : String(err)),
      );

    expect(await failureType(decide(handle, { action: 'accept' }, OFFICER))).toBe('FORBIDDEN_ROLE');
    expect(await failureType(decide(handle, { action: 'reject' }))).toBe('VALIDATION_FAILED');
    expect(await failureType(decide(handle, { action: 'maybe' }))).toBe('VALIDATION_FAILED');
    expect(await failureType(handle.executeUpdate(provideIntakeInfoUpdate, { args: [{ actor: OFFICER, command: { response: 'x' } }] }))).toBe('WRONG_STAGE');
    expect((await auditOf(h.dataSource, projectId)).map((a) => a.action)).toEqual(['lead.registered']);

    const rejected = await decide(handle, { action: 'reject', reason: '不符合园区产业定位' });
    expect(rejected.state.stage).toBe('rejected');
    expect(await failureType(decide(handle, { action: 'accept' }))).not.toBe('accepted');
    await projectedState(h.dataSource, handle);
    const audit = await auditOf(h.dataSource, projectId);
    expect(audit.map((a) => `${a.seq}:${a.action}:${a.stage_before}->${a.stage_after}`)).toEqual([
      '1:lead.registered:null->intake',
      '2:intake.rejected:intake->rejected',
    ]);
    expect(await handle.result()).toMatchObject({ stage: 'rejected' });
  });
});

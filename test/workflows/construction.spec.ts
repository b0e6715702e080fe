import type { WorkflowHandle } from '@temporalio/client';
import {
  assignCommissionerUpdate,
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  projectStateQuery,
  recalculateSlaSignal,
  rebaselinePlanUpdate,
  recordProductionUpdate,
  signContractUpdate,
} from '@zs/contracts';
import { addDays, endOfShanghaiDay, MILESTONE_KINDS, projectIntervals, shanghaiDate, type Actor, type MilestoneKind, type PlanNodeInput } from '@zs/domain';
import { eventually } from '../support/eventually';
import { auditOf, notificationsOf } from '../support/read-model';
import { datesFrom } from '../support/relative-dates';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { projectedState } from '../support/projected';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * 60 * MIN;
const PSB: Actor = { userId: 'u-psb', role: 'project_service_bureau', displayName: '刘洋' };
/** The commissioner PSB names: only they (or zone leadership) take the construction steps. */
const COMMISSIONER: Actor = { userId: 'u-zhang', role: 'project_service_bureau', displayName: '张专员' };
const ZHANG = { responsibleUserId: 'u-zhang', responsibleName: '张专员' };

/** 建设期 on the time-skipping server: plan, completion, overdue ladder, re-baselining, weekly lists, production. */
describe('construction milestones (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  /**
   * A project signed on its registration day, then `signedDaysAgo` days on the server's clock (so it
   * was signed that many days before `today`), with a plan laid out today (overrides per node).
   * Issue 10: nothing may be dated before the registration, nor (for what happened) after today.
   */
  async function projectWithPlan(signedDaysAgo: number, due: (today: string) => Partial<Record<MilestoneKind, string>>) {
    const { projectId, handle } = await h.register();
    await handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    const inSigning = await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    const signedOn = datesFrom(inSigning.state.registeredAt).day(0);
    const today = addDays(signedOn, signedDaysAgo);
    const far = addDays(today, 400);
    const contract = sampleContract({ signedOn, committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: contract }] });
    // The commissioner is named at once: these tests are about the milestone ladder alone.
    await handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: PSB, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
    // No plan yet, so no milestone clock runs while the days since signing pass.
    if (signedDaysAgo > 0) await h.env.sleep(signedDaysAgo * DAY);
    const overrides = due(today);
    const nodes: PlanNodeInput[] = MILESTONE_KINDS.map((kind) => ({ kind, ...ZHANG, todos: ['准备材料'], dueOn: overrides[kind] ?? far }));
    const planned = await handle.executeUpdate(establishMilestonePlanUpdate, { args: [{ actor: COMMISSIONER, command: { nodes } }] });
    const plannedAt = planned.state.construction!.versions[0].createdAt;
    let offset = 0;
    /** Sleeps until `ms` after the plan was laid out. */
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { projectId, handle: handle as WorkflowHandle, today, signedOn, plannedAt, at };
  }

  const escalations = async (projectId: string) =>
    (await notificationsOf(h.dataSource, projectId)).filter((n) => n.kind === 'sla.escalated' && n.dedupe_key.includes(':milestone:')).map((n) => `${n.level}:${n.recipient_role}:${n.recipient_user_id ?? '-'}`);
  const waitForEscalations = (projectId: string, n: number) =>
    eventually(`${n} escalations`, async () => {
      const rows = await escalations(projectId);
      return rows.length >= n ? rows : undefined;
    });
  const complete = (handle: WorkflowHandle, kind: MilestoneKind, completedOn: string) =>
    handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: COMMISSIONER, command: { kind, completedOn, evidence: '现场照片及验收单' } }] });

  it('shows 14 days from signing to equipment entry when the equipment enters 14 days after signing', async () => {
    const { handle, signedOn } = await projectWithPlan(30, () => ({}));
    const done = await complete(handle, 'equipment_entry', addDays(signedOn, 14));
    expect(projectIntervals(done.state).signingToEquipmentEntryDays).toBe(14);
  });

  it('escalates an overdue node to the responsible person at the due time, the bureau a day later, leadership a week later', async () => {
    const { projectId, today, plannedAt, at } = await projectWithPlan(5, (t) => ({ company_registration: addDays(t, 1) }));
    const dueAt = endOfShanghaiDay(addDays(today, 1)) - plannedAt;
    await at(dueAt - MIN);
    expect(await escalations(projectId)).toEqual([]);
    await at(dueAt);
    expect(await waitForEscalations(projectId, 1)).toEqual(['1:project_service_bureau:u-zhang']);
    await at(dueAt + DAY - MIN);
    expect(await escalations(projectId)).toHaveLength(1);
    await at(dueAt + DAY);
    expect(await waitForEscalations(projectId, 2)).toContain('2:project_service_bureau:-');
    await at(dueAt + 7 * DAY - MIN);
    expect(await escalations(projectId)).toHaveLength(2);
    await at(dueAt + 7 * DAY);
    expect(await waitForEscalations(projectId, 3)).toContain('3:zone_leadership:-');
  });

  it('a node re-baselined after it became overdue starts its ladder again from the new date; versions are kept', async () => {
    const { projectId, handle, today, plannedAt, at } = await projectWithPlan(5, (t) => ({ project_filing: addDays(t, 2) }));
    const firstDue = endOfShanghaiDay(addDays(today, 2)) - plannedAt;
    await at(firstDue);
    await waitForEscalations(projectId, 1);
    expect((await handle.query(projectStateQuery)).state.overdue).toBe(true);

    const newDueOn = addDays(today, 12);
    const rebased = await handle.executeUpdate(rebaselinePlanUpdate, {
      args: [{ actor: COMMISSIONER, command: { reason: '月度计划调整：备案材料补正', changes: [{ kind: 'project_filing', dueOn: newDueOn }] } }],
    });
    expect(rebased.state.overdue).toBe(false);
    expect(rebased.state.construction!.versions.map((v) => [v.version, v.dueDates.project_filing])).toEqual([
      [1, addDays(today, 2)],
      [2, newDueOn],
    ]);
    const secondDue = endOfShanghaiDay(newDueOn) - plannedAt;
    await at(secondDue - MIN);
    expect(await escalations(projectId)).toEqual(['1:project_service_bureau:u-zhang']);
    await at(secondDue);
    expect(await waitForEscalations(projectId, 2)).toEqual(['1:project_service_bureau:u-zhang', '1:project_service_bureau:u-zhang']);
    const keys = (await notificationsOf(h.dataSource, projectId)).filter((n) => n.dedupe_key.includes(':milestone:project_filing:')).map((n) => n.dedupe_key);
    expect(new Set(keys).size).toBe(2);
  });

  it('a node re-planned to the date it already has keeps the rungs it fired: none is recorded twice (issue 8)', async () => {
    const { projectId, handle, today } = await projectWithPlan(10, (t) => ({ project_filing: addDays(t, -3) }));
    // Three days overdue when the plan is laid out: rungs 1 and 2 fire at once.
    await waitForEscalations(projectId, 2);
    await handle.executeUpdate(rebaselinePlanUpdate, {
      args: [{ actor: COMMISSIONER, command: { reason: '核对计划，日期不变', changes: [{ kind: 'project_filing', dueOn: addDays(today, -3) }] } }],
    });
    await h.env.sleep(DAY);
    const overdue = (await auditOf(h.dataSource, projectId)).filter((a) => a.action === 'construction.milestone_overdue');
    expect(overdue.map((a) => `${(a.payload as { kind: string }).kind}:${(a.payload as { level: number }).level}`)).toEqual(['project_filing:1', 'project_filing:2']);
    expect((await handle.query(projectStateQuery)).state.construction!.nodes.find((n) => n.kind === 'project_filing')!.escalated).toEqual([1, 2]);
  });

  it('a recalculation request concerns the clocks open when it arrives, not a clock started later (issue 8)', async () => {
    const { projectId, handle } = await h.register();
    await handle.signal(recalculateSlaSignal, { requestId: 'recalc-intake-only', scope: 'calendar', reason: '调休安排更新', actor: { userId: 'u-admin', role: 'admin' } });
    await eventually('the intake clock recalculated', async () =>
      (await auditOf(h.dataSource, projectId)).some((a) => a.action === 'sla.recalculated') ? true : undefined,
    );
    const accepted = await handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    const today = shanghaiDate(accepted.state.intake.decision!.decidedAt);
    const far = addDays(today, 300);
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: sampleContract({ signedOn: today, committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } }) }] });
    await h.env.sleep(HOUR);
    const recalculated = (await auditOf(h.dataSource, projectId)).filter((a) => a.action === 'sla.recalculated').map((a) => (a.payload as { clock: string }).clock);
    expect(recalculated).toEqual(['intake_decision']);
  });

  it('sends each responsible person a weekly list of their nodes due within 7 days', async () => {
    const { projectId, plannedAt, at } = await projectWithPlan(5, (t) => ({ planning_permit: addDays(t, 10) }));
    void plannedAt;
    const weekly = async () => (await notificationsOf(h.dataSource, projectId)).filter((n) => n.kind === 'milestone.weekly');
    await at(7 * DAY - MIN);
    expect(await weekly()).toEqual([]);
    await at(7 * DAY);
    const [reminder] = await eventually('the weekly reminder', async () => ((await weekly()).length ? weekly() : undefined));
    expect(reminder).toMatchObject({ recipient_user_id: 'u-zhang', title: expect.stringContaining('未来7天到期节点 1 个') });
  });

  it('records production only when every other node is done, and hands over to the enterprise service bureau', async () => {
    const { projectId, handle, today } = await projectWithPlan(20, () => ({}));
    const produce = () => handle.executeUpdate(recordProductionUpdate, { args: [{ actor: COMMISSIONER, command: { actualDate: today, evidence: '投产仪式' } }] });
    await expect(produce()).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
    for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) await complete(handle, kind, today);
    const produced = await produce();
    expect(produced.state.stage).toBe('service');
    expect(projectIntervals(produced.state).signingToProductionDays).toBe(20);
    await projectedState(h.dataSource, handle);
    const actions = (await auditOf(h.dataSource, projectId)).map((a) => a.action);
    expect(actions.filter((a) => a === 'construction.milestone_completed')).toHaveLength(8);
    expect(actions.at(-1)).toBe('production.started');
  });
});

import type { WorkflowHandle } from '@temporalio/client';
import {
  assignCommissionerUpdate,
  completeMilestoneUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  logConstructionProgressUpdate,
  pauseProjectClockUpdate,
  projectStateQuery,
  signContractUpdate,
} from '@zs/contracts';
import { addDays, MILESTONE_KINDS, shanghaiDate, type Actor } from '@zs/domain';
import { auditOf } from '../support/read-model';
import { datesFrom } from '../support/relative-dates';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';

const PSB: Actor = { userId: 'u-psb', role: 'project_service_bureau', displayName: '刘洋' };
const COMMISSIONER: Actor = { userId: 'u-zhang', role: 'project_service_bureau', displayName: '张专员' };
const OTHER_PSB: Actor = { userId: 'u-wang', role: 'project_service_bureau', displayName: '王五' };
const OTHER_OFFICER: Actor = { userId: 'u-officer-2', role: 'investment_officer', displayName: '赵专员' };
const ESB: Actor = { userId: 'u-esb', role: 'enterprise_service_bureau', displayName: '赵静' };
const LEADER: Actor = { userId: 'u-leader', role: 'zone_leadership', displayName: '陈刚' };

/**
 * The per-person rules in the workflows' update validators (access/step-rules.ts), on the
 * time-skipping server: a refused step is rejected before it is accepted, so neither the
 * workflow's history nor the audit log nor its state changes; the right person then succeeds.
 */
describe('step rules in the update validators (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const send = (handle: WorkflowHandle, update: unknown, actor: Actor, command: unknown) =>
    (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(update, { args: [{ actor, command }] });
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { cause?: { type?: string; message?: string } }) => ({ type: e.cause?.type, message: e.cause?.message }));
  /** What must not move: the Temporal history (every event but workflow tasks), the audit log and the state. */
  const record = async (handle: WorkflowHandle, projectId: string) => {
    const history = await handle.fetchHistory();
    const events = history.events ?? [];
    // The workflow task that ran the validator may be recorded (the time-skipping server has no
    // speculative tasks); anything else (an accepted update, a command, a marker) would be a change.
    const isWorkflowTask = (e: (typeof events)[number]) =>
      !!(e.workflowTaskScheduledEventAttributes || e.workflowTaskStartedEventAttributes || e.workflowTaskCompletedEventAttributes);
    return {
      events: events.filter((e) => !isWorkflowTask(e)).length,
      updateEvents: events.filter((e) => e.workflowExecutionUpdateAcceptedEventAttributes || e.workflowExecutionUpdateCompletedEventAttributes).length,
      audit: (await auditOf(h.dataSource, projectId)).map((a) => [a.seq, a.action, a.actor_id]),
      state: (await handle.query(projectStateQuery)).state,
    };
  };
  /** The history once the work a previous step scheduled (its projection, clock planning) has landed. */
  async function settled(handle: WorkflowHandle, projectId: string) {
    let last = await record(handle, projectId);
    for (let stable = 0; stable < 3; ) {
      await new Promise((r) => setTimeout(r, 150));
      const now = await record(handle, projectId);
      stable = now.events === last.events ? stable + 1 : 0;
      last = now;
    }
    return last;
  }
  async function expectRefused(handle: WorkflowHandle, projectId: string, update: unknown, actor: Actor, command: unknown, rule: string) {
    const before = await settled(handle, projectId);
    const res = await refusal(send(handle, update, actor, command));
    expect(res).toEqual({ type: 'FORBIDDEN_NOT_OWNER', message: expect.stringContaining(`违反规则「${rule}」`) });
    expect(await record(handle, projectId)).toEqual(before);
  }

  it("refuses another officer's negotiation step, a stranger's construction steps and a self-named commissioner, changing nothing", async () => {
    const { projectId, handle } = await h.register();
    const accepted = await send(handle, decideIntakeUpdate, TASK_FORCE, { action: 'accept' });
    const today = shanghaiDate(accepted.state.intake.decision.decidedAt);

    await expectRefused(handle, projectId, concludeNegotiationUpdate, OTHER_OFFICER, { outcome: 'lost', reason: '企业另选他处' }, '洽谈步骤限项目负责人');
    await send(handle, concludeNegotiationUpdate, OFFICER, { outcome: 'proceed' });
    const far = addDays(today, 400);
    // Signed on the registration day (nothing may be dated before it); the steps below follow that day.
    await send(handle, signContractUpdate, OFFICER, sampleContract({ signedOn: datesFrom(accepted.state.registeredAt).day(0), committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } }));

    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'u-zhang', responsibleName: '张专员', dueOn: far }));
    // No commissioner yet: only the bureau head may lay out the plan.
    await expectRefused(handle, projectId, establishMilestonePlanUpdate, PSB, { nodes }, '建设步骤限项目专员');
    await send(handle, assignCommissionerUpdate, PSB, { commissionerUserId: 'u-zhang', commissionerName: '张专员' });
    await expectRefused(handle, projectId, establishMilestonePlanUpdate, OTHER_PSB, { nodes }, '建设步骤限项目专员');
    await expectRefused(handle, projectId, assignCommissionerUpdate, OTHER_PSB, { commissionerUserId: 'u-wang', commissionerName: '王五' }, '更换项目专员限局负责人');

    const planned = await send(handle, establishMilestonePlanUpdate, COMMISSIONER, { nodes });
    expect(planned.state.construction.nodes).toHaveLength(MILESTONE_KINDS.length);
    await expectRefused(handle, projectId, completeMilestoneUpdate, OTHER_PSB, { kind: 'company_registration', completedOn: today, evidence: '营业执照' }, '建设步骤限项目专员');
    await expectRefused(handle, projectId, logConstructionProgressUpdate, OTHER_PSB, { date: today, note: '进场' }, '建设步骤限项目专员');
    // The head overrides: zone leadership records progress and changes the commissioner.
    await send(handle, logConstructionProgressUpdate, LEADER, { date: today, note: '领导现场调度' });
    const reassigned = await send(handle, assignCommissionerUpdate, LEADER, { commissionerUserId: 'u-wang', commissionerName: '王五' });
    expect(reassigned.state.handover.commissioner).toMatchObject({ userId: 'u-wang', assignedBy: { userId: LEADER.userId } });
    await expectRefused(handle, projectId, completeMilestoneUpdate, COMMISSIONER, { kind: 'company_registration', completedOn: today, evidence: '营业执照' }, '建设步骤限项目专员');

    expect((await auditOf(h.dataSource, projectId)).map((a) => [a.action, a.actor_id])).toEqual([
      ['lead.registered', OFFICER.userId],
      ['intake.accepted', TASK_FORCE.userId],
      ['negotiation.proceeded_to_signing', OFFICER.userId],
      ['signing.contract_signed', OFFICER.userId],
      ['handover.commissioner_assigned', PSB.userId],
      ['construction.plan_established', COMMISSIONER.userId],
      ['construction.progress_logged', LEADER.userId],
      ['handover.commissioner_reassigned', LEADER.userId],
    ]);
  });

  it("refuses another bureau on the task force's clock, and the task force without an open information request", async () => {
    const { projectId, handle } = await h.register();
    await expectRefused(handle, projectId, pauseProjectClockUpdate, ESB, { clock: 'intake_decision', reason: '等待' }, '暂停/恢复计时限时限责任方');
    await expectRefused(handle, projectId, pauseProjectClockUpdate, TASK_FORCE, { clock: 'intake_decision', reason: '等待' }, '暂停计时须符合该时限允许的事由');
    expect((await handle.query(projectStateQuery)).state.intake.clock.pausedAt).toBeNull();
  });
});

import { latestPolicyVersions } from '@zs/persistence';
import type { VersionedSlaPolicy } from '@zs/domain';
import {
  assignCommissionerUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  provideIntakeInfoUpdate,
  recordNegotiationContactUpdate,
  completeMilestoneUpdate,
  completeProjectUpdate,
  establishMilestonePlanUpdate,
  recordFulfilmentCheckUpdate,
  terminateContractUpdate,
  raiseServiceRequestUpdate,
  serviceRequestRegisteredUpdate,
  acceptServiceRequestUpdate,
  transferServiceRequestUpdate,
  resolveServiceRequestUpdate,
  rateServiceRequestUpdate,
  rebaselinePlanUpdate,
  logConstructionProgressUpdate,
  recordProductionUpdate,
  signContractUpdate,
  pauseProjectClockUpdate,
  resumeProjectClockUpdate,
  recalculateSlaSignal,
  pauseServiceClockUpdate,
  resumeServiceClockUpdate,
  LIFECYCLE_TASK_QUEUE,
  SLA_RECALCULATION_WORKFLOW_TYPE,
  slaRecalculationWorkflowId,
  type SlaRecalculationInput,
} from '@zs/contracts';
import type { WorkflowHandle } from '@temporalio/client';
import { addDays, MILESTONE_KINDS, shanghaiDate, type MilestoneKind } from '@zs/domain';
import { datesFrom } from '../support/relative-dates';
import { sampleContract } from '../support/sample-contract';
import { driveToService, ESB, PSB, step } from '../support/lifecycle-journey';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { writeHistory } from './history-files';

const HOUR = 3600_000;
/** Days a construction path waits in signing before its contract (dated 30 days back) is signed: nothing may be dated before the registration (issue 10). */
const SIGNED_DAYS_AFTER_REGISTRATION = 30;
const PSB_ACTOR = { userId: 'u-psb', role: 'project_service_bureau' as const };
/** The commissioner 张专员: since issue 10 only a project's commissioner (or the bureau head) takes its construction steps. */
const COMMISSIONER_ACTOR = { userId: 'u-zhang', role: 'project_service_bureau' as const };

/**
 * `npm run histories:record`: runs each main path of the intake slice on the time-skipping
 * server and writes its history to workflows/histories/. Record a new set whenever a path
 * is added; never re-record an existing file to make replay pass — that hides the break
 * that replay exists to catch (use patched() instead).
 */
describe('record workflow histories', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const decide = (command: Record<string, unknown>) => ({ args: [{ actor: TASK_FORCE, command: command as never }] as [never] });

  /**
   * Concludes the negotiation (proceed), then lets SIGNED_DAYS_AFTER_REGISTRATION days pass in
   * signing (no timer runs there): a contract dated 30 days back, and nodes due in the past, then
   * fall on or after the registration, as issue 10 requires. Returns the server's time after it.
   */
  async function proceedAndWaitToSign(handle: WorkflowHandle): Promise<number> {
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    await h.env.sleep(SIGNED_DAYS_AFTER_REGISTRATION * 24 * HOUR);
    return h.env.currentTimeMs();
  }

  /**
   * Accepted, concluded, signed 30 days after the registration (the contract dated 30 days back,
   * the registration day; commitments 300 days away) and planned: every node on the commitment
   * date but those `dueOn` names, all with 张专员 responsible. `startedAt` is the server's time at
   * signing, from which the later steps are dated.
   */
  async function planned(infoGrade: 'A' | 'B', dueOn: Partial<Record<MilestoneKind, (today: string) => string>>, opts: { commissioner: boolean }) {
    const { handle } = await h.register({ infoGrade });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    const startedAt = await proceedAndWaitToSign(handle);
    const today = shanghaiDate(startedAt);
    const far = addDays(today, 300);
    const contract = sampleContract({ signedOn: addDays(today, -SIGNED_DAYS_AFTER_REGISTRATION), committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: contract }] });
    if (opts.commissioner) {
      await handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: PSB_ACTOR, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
    }
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'u-zhang', responsibleName: '张专员', dueOn: dueOn[kind]?.(today) ?? far }));
    await handle.executeUpdate(establishMilestonePlanUpdate, { args: [{ actor: opts.commissioner ? COMMISSIONER_ACTOR : PSB_ACTOR, command: { nodes } }] });
    return { handle, startedAt, today };
  }

  /** Every node completed on the day `daysAfter` the signing, then production. */
  async function completeAndProduce(handle: WorkflowHandle, startedAt: number, daysAfter: number) {
    const on = shanghaiDate(startedAt + daysAfter * 24 * HOUR);
    for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) {
      await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: PSB_ACTOR, command: { kind, completedOn: on, evidence: '验收单' } }] });
    }
    await handle.executeUpdate(recordProductionUpdate, { args: [{ actor: PSB_ACTOR, command: { actualDate: on, evidence: '投产仪式' } }] });
  }

  it('intake-accept', async () => {
    const { handle } = await h.register();
    await h.env.sleep(2 * HOUR);
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept', reason: '符合园区产业链布局' }));
    writeHistory('intake-accept', await handle.fetchHistory());
  });

  it('intake-reject', async () => {
    const { handle } = await h.register({ infoGrade: 'C' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'reject', reason: '不符合园区产业定位' }));
    await handle.result();
    writeHistory('intake-reject', await handle.fetchHistory());
  });

  it('intake-escalate', async () => {
    const { handle } = await h.register({ infoGrade: 'B' });
    await h.env.sleep(73 * HOUR);
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    writeHistory('intake-escalate', await handle.fetchHistory());
  });

  it('intake-request-info', async () => {
    const { handle } = await h.register();
    await h.env.sleep(1 * HOUR);
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'request_info', missing: '请补充用地需求' }));
    await h.env.sleep(10 * HOUR);
    await handle.executeUpdate(provideIntakeInfoUpdate, { args: [{ actor: OFFICER, command: { response: '已补充' } }] });
    await h.env.sleep(40 * HOUR);
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    writeHistory('intake-request-info', await handle.fetchHistory());
  });

  it('negotiation-follow-up', async () => {
    const { handle, snapshot } = await h.register({ infoGrade: 'A' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    await h.env.sleep(3 * 24 * HOUR + HOUR);
    const visit = { kind: 'site_inspection', date: datesFrom(snapshot.state.registeredAt).day(3), participants: '李明', location: '园区标准厂房', outcome: '意向选址确定' };
    await handle.executeUpdate(recordNegotiationContactUpdate, { args: [{ actor: OFFICER, command: visit as never }] });
    await h.env.sleep(2 * HOUR);
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    writeHistory('negotiation-follow-up', await handle.fetchHistory());
  });

  it('negotiation-lost', async () => {
    const { handle } = await h.register({ infoGrade: 'C' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'lost', reason: '企业选择外地落户' } }] });
    await handle.result();
    writeHistory('negotiation-lost', await handle.fetchHistory());
  });

  it('signing-commissioner', async () => {
    const { handle, snapshot } = await h.register({ infoGrade: 'B' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: sampleContract({}, snapshot.state.registeredAt) }] });
    await h.env.sleep(25 * HOUR);
    const psb = { userId: 'u-psb', role: 'project_service_bureau' as const };
    await handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: psb, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
    writeHistory('signing-commissioner', await handle.fetchHistory());
  });

  it('construction-production', async () => {
    const { handle, startedAt, today } = await planned('A', { company_registration: (t) => addDays(t, 1) }, { commissioner: false });
    await h.env.sleep(9 * 24 * HOUR);
    await handle.executeUpdate(rebaselinePlanUpdate, { args: [{ actor: PSB_ACTOR, command: { reason: '月度调整', changes: [{ kind: 'company_registration', dueOn: addDays(today, 20) }] } }] });
    await completeAndProduce(handle, startedAt, 9);
    writeHistory('construction-production', await handle.fetchHistory());
  });

  it('lifecycle-completed', async () => {
    const { handle } = await h.register({ infoGrade: 'A' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    const today = shanghaiDate(await proceedAndWaitToSign(handle));
    const contract = sampleContract({ signedOn: addDays(today, -SIGNED_DAYS_AFTER_REGISTRATION), committed: { constructionStart: today, equipmentEntry: today, production: addDays(today, 10), firstTax: addDays(today, 90) } });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: contract }] });
    const psb = { userId: 'u-psb', role: 'project_service_bureau' as const };
    await handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: psb, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'u-zhang', responsibleName: '张专员', dueOn: addDays(today, 20) }));
    await handle.executeUpdate(establishMilestonePlanUpdate, { args: [{ actor: psb, command: { nodes } }] });
    for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) {
      await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: psb, command: { kind, completedOn: today, evidence: '验收单' } }] });
    }
    await handle.executeUpdate(recordProductionUpdate, { args: [{ actor: psb, command: { actualDate: today, evidence: '投产仪式' } }] });
    await h.env.sleep(92 * 24 * HOUR);
    const esb = { userId: 'u-esb', role: 'enterprise_service_bureau' as const };
    await handle.executeUpdate(recordFulfilmentCheckUpdate, { args: [{ actor: esb, command: { investmentInPlaceYi: 6.8, taxPaidWanYuan: 300, fulfilled: true, note: '全部到位' } }] });
    const leader = { userId: 'u-leader', role: 'zone_leadership' as const };
    await handle.executeUpdate(completeProjectUpdate, { args: [{ actor: leader, command: { reason: '履约完成' } }] });
    await handle.result();
    writeHistory('lifecycle-completed', await handle.fetchHistory());
  });

  it('contract-terminated', async () => {
    const { handle } = await h.register({ infoGrade: 'B' });
    const accepted = await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    const today = shanghaiDate(accepted.state.intake.decision!.decidedAt);
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: sampleContract({ signedOn: today, committed: { constructionStart: addDays(today, 10), equipmentEntry: addDays(today, 20), production: addDays(today, 90), firstTax: addDays(today, 180) } }) }] });
    await h.env.sleep(3 * 24 * HOUR);
    const leader = { userId: 'u-leader', role: 'zone_leadership' as const };
    await handle.executeUpdate(terminateContractUpdate, { args: [{ actor: leader, command: { reason: '企业经营困难无法履约', approver: '管委会主任' } }] });
    await handle.result();
    writeHistory('contract-terminated', await handle.fetchHistory());
  });

  it('service-phase and service-request-reopened', async () => {
    const { handle } = await driveToService(h);
    const { workflowId } = await step(handle, raiseServiceRequestUpdate, ESB, { category: 'urgent', title: '厂区道路积水', description: '请协调', department: '城管局' });
    const request = h.env.client.workflow.getHandle(workflowId);
    await request.executeUpdate(serviceRequestRegisteredUpdate);
    await step(request, transferServiceRequestUpdate, PSB, { toDepartment: '住建局', reason: '排水管网归住建局' });
    await h.env.sleep(30 * HOUR);
    await step(request, acceptServiceRequestUpdate, ESB, {});
    await step(request, resolveServiceRequestUpdate, ESB, { resolution: '已疏通' });
    await step(request, rateServiceRequestUpdate, ESB, { rating: 'unsatisfied', comment: '仍积水' });
    await h.env.sleep(50 * HOUR);
    await step(request, resolveServiceRequestUpdate, ESB, { resolution: '新建管网' });
    await step(request, rateServiceRequestUpdate, ESB, { rating: 'satisfied' });
    await request.result();
    writeHistory('service-request-reopened', await request.fetchHistory());
    writeHistory('service-phase', await handle.fetchHistory());
  });

  // Issue 4: clocks planned from policies, paused and resumed, recalculated; the fixed construction watch.
  it('sla-intake-paused-recalculated', async () => {
    const { handle } = await h.register({ infoGrade: 'B' });
    await h.env.sleep(2 * HOUR);
    await handle.executeUpdate(pauseProjectClockUpdate, { args: [{ actor: TASK_FORCE, command: { clock: 'intake_decision', reason: '等待企业补充材料' } }] });
    await h.env.sleep(5 * HOUR);
    await handle.executeUpdate(resumeProjectClockUpdate, { args: [{ actor: TASK_FORCE, command: { clock: 'intake_decision', reason: '材料已补齐' } }] });
    await handle.signal(recalculateSlaSignal, { requestId: 'record-recalc-1', scope: 'calendar', reason: '日历更新', actor: { userId: 'u-admin', role: 'admin' } });
    await h.env.sleep(50 * HOUR);
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    writeHistory('sla-intake-paused-recalculated', await handle.fetchHistory());
  });

  it('sla-construction-production', async () => {
    const { handle } = await h.register({ infoGrade: 'A' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    const startedAt = await proceedAndWaitToSign(handle);
    const today = shanghaiDate(startedAt);
    const far = addDays(today, 300);
    const contract = sampleContract({ signedOn: addDays(today, -SIGNED_DAYS_AFTER_REGISTRATION), committed: { constructionStart: far, equipmentEntry: far, production: far, firstTax: far } });
    await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: contract }] });
    const psb = { userId: 'u-psb', role: 'project_service_bureau' as const };
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: 'u-zhang', responsibleName: '张专员', dueOn: kind === 'company_registration' ? addDays(today, 1) : far }));
    await handle.executeUpdate(establishMilestonePlanUpdate, { args: [{ actor: psb, command: { nodes } }] });
    await h.env.sleep(9 * 24 * HOUR);
    await handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: psb, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
    const now = shanghaiDate(startedAt + 9 * 24 * HOUR);
    for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) {
      await handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor: psb, command: { kind, completedOn: now, evidence: '验收单' } }] });
    }
    await handle.executeUpdate(recordProductionUpdate, { args: [{ actor: psb, command: { actualDate: now, evidence: '投产仪式' } }] });
    writeHistory('sla-construction-production', await handle.fetchHistory());
  });

  it('sla-service-request-paused', async () => {
    const { handle } = await driveToService(h);
    const { workflowId } = await step(handle, raiseServiceRequestUpdate, ESB, { category: 'normal', title: '用电增容', description: '请协调', department: '供电公司' });
    const request = h.env.client.workflow.getHandle(workflowId);
    await request.executeUpdate(serviceRequestRegisteredUpdate);
    await step(request, pauseServiceClockUpdate, ESB, { clock: 'service_accept', reason: '等待企业提交用电申请表' });
    await h.env.sleep(30 * HOUR);
    await step(request, resumeServiceClockUpdate, ESB, { clock: 'service_accept', reason: '申请表已提交' });
    await h.env.sleep(40 * HOUR);
    await step(request, acceptServiceRequestUpdate, ESB, {});
    await step(request, resolveServiceRequestUpdate, ESB, { resolution: '已完成增容' });
    await step(request, rateServiceRequestUpdate, ESB, { rating: 'satisfied' });
    await request.result();
    writeHistory('sla-service-request-paused', await request.fetchHistory());
  });

  // Issue 4: cadences from policies (follow-up at acceptance, milestone ladders with the plan, fulfilment checks at production).
  it('cadence-follow-up', async () => {
    const { handle, snapshot } = await h.register({ infoGrade: 'B' });
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    // Three 2-day follow-ups missed: the owner at each, the bureau head at the third.
    await h.env.sleep(6 * 24 * HOUR + HOUR);
    const visit = { kind: 'visit', date: datesFrom(snapshot.state.registeredAt).day(6), participants: '李明', location: '企业总部', outcome: '确认意向' };
    await handle.executeUpdate(recordNegotiationContactUpdate, { args: [{ actor: OFFICER, command: visit as never }] });
    await h.env.sleep(2 * HOUR);
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    writeHistory('cadence-follow-up', await handle.fetchHistory());
  });

  it('cadence-construction', async () => {
    const { handle, startedAt, today } = await planned('A', { company_registration: (t) => addDays(t, 1) }, { commissioner: true });
    // Company registration climbs its whole ladder: responsible person, bureau, leadership.
    await h.env.sleep(9 * 24 * HOUR);
    await handle.executeUpdate(rebaselinePlanUpdate, { args: [{ actor: PSB_ACTOR, command: { reason: '月度调整', changes: [{ kind: 'company_registration', dueOn: addDays(today, 20) }] } }] });
    await completeAndProduce(handle, startedAt, 9);
    writeHistory('cadence-construction', await handle.fetchHistory());
  });

  it('weekly-list-construction', async () => {
    // The plan keeps the milestone_weekly policy: the first list (day 7) names the node due on day 10.
    const { handle, startedAt, today } = await planned('B', { project_filing: (t) => addDays(t, 10) }, { commissioner: true });
    await h.env.sleep(8 * 24 * HOUR);
    await handle.executeUpdate(rebaselinePlanUpdate, { args: [{ actor: PSB_ACTOR, command: { reason: '备案材料补正', changes: [{ kind: 'project_filing', dueOn: addDays(today, 16) }] } }] });
    await h.env.sleep(7 * 24 * HOUR);
    await completeAndProduce(handle, startedAt, 15);
    writeHistory('weekly-list-construction', await handle.fetchHistory());
  });

  it('sla-recalculation-job', async () => {
    // Three projects with an open intake clock (the recorder's database holds nothing else).
    for (let i = 0; i < 3; i++) await h.register();
    const requestId = '00000000-0000-4000-8000-000000000001';
    // Two workflows a page, one page a run: the first run signals two and continues as new.
    const input: SlaRecalculationInput = { request: { requestId, scope: 'calendar', reason: '区内临时调整放假', actor: { userId: 'u-admin', role: 'admin' } }, policyKey: 'intake_decision', pageSize: 2, pagesPerRun: 1 };
    const job = await h.env.client.workflow.start(SLA_RECALCULATION_WORKFLOW_TYPE, { workflowId: slaRecalculationWorkflowId(requestId), taskQueue: LIFECYCLE_TASK_QUEUE, args: [input] });
    await job.result();
    writeHistory('sla-recalculation-job', await h.env.client.workflow.getHandle(job.workflowId, job.firstExecutionRunId).fetchHistory());
  });

  // Issue 8: the trusted record. Events projected by a regular activity from the committed
  // workflow task; a step applied only to the state it was computed from; update ids carried.
  /** Information asked for and given (each step under an update id), then the decision; `repeat` sends the answer twice. */
  async function intakeInfoPath(opts: { repeat: boolean }): Promise<WorkflowHandle> {
    const { handle } = await h.register({ infoGrade: 'B' });
    await handle.executeUpdate(decideIntakeUpdate, { ...decide({ action: 'request_info', missing: '请补充用地需求' }), updateId: 'u-taskforce:ask-1' });
    await h.env.sleep(5 * HOUR);
    const answer = { args: [{ actor: OFFICER, command: { response: '已补充' } }] as [never], updateId: 'u-officer:answer-1' };
    await handle.executeUpdate(provideIntakeInfoUpdate, answer);
    // The same update id again: answered from the first result, not applied twice.
    if (opts.repeat) await handle.executeUpdate(provideIntakeInfoUpdate, answer);
    await h.env.sleep(40 * HOUR);
    await handle.executeUpdate(decideIntakeUpdate, decide({ action: 'accept' }));
    return handle;
  }

  /**
   * A running project's real plan entered late (two nodes already overdue, one due today), then
   * steps sent together while the escalation ladder fires.
   */
  async function constructionRacePath(): Promise<WorkflowHandle> {
    const actor = COMMISSIONER_ACTOR;
    const { handle, startedAt } = await planned(
      'A',
      { company_registration: (t) => addDays(t, -20), land_handover: (t) => addDays(t, -9), project_filing: (t) => t },
      { commissioner: true },
    );
    const on = shanghaiDate(startedAt);
    await Promise.all([
      handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor, command: { kind: 'company_registration', completedOn: on, evidence: '营业执照' } }] }),
      handle.executeUpdate(logConstructionProgressUpdate, { args: [{ actor, command: { date: on, note: '场平施工' } }] }),
      h.env.sleep(2 * 24 * HOUR),
      handle.executeUpdate(completeMilestoneUpdate, { args: [{ actor, command: { kind: 'land_handover', completedOn: on, evidence: '交地确认书' } }] }),
    ]);
    await h.env.sleep(8 * 24 * HOUR);
    await handle.executeUpdate(logConstructionProgressUpdate, { args: [{ actor, command: { date: shanghaiDate(startedAt + 10 * 24 * HOUR), note: '主体施工' } }] });
    return handle;
  }

  it('trusted-intake-info', async () => {
    writeHistory('trusted-intake-info', await (await intakeInfoPath({ repeat: false })).fetchHistory());
  });

  it('trusted-construction-race', async () => {
    writeHistory('trusted-construction-race', await (await constructionRacePath()).fetchHistory());
  });

  /**
   * A service request raised on a project in service: accepted (after `acceptAfterHours`), its
   * resolve clock paused for `pausedDays`, resumed, resolved and rated satisfied.
   */
  async function serviceRequestPath(opts: { raiseId: string; title: string; department: string; resolution: string; acceptAfterHours: number; pausedDays: number }) {
    const { handle } = await driveToService(h);
    const raised = await (handle.executeUpdate as (u: unknown, o: unknown) => Promise<any>)(raiseServiceRequestUpdate, {
      args: [{ actor: ESB, command: { category: 'normal', title: opts.title, description: '请协调', department: opts.department } }],
      updateId: opts.raiseId,
    });
    const request = h.env.client.workflow.getHandle(raised.workflowId);
    await request.executeUpdate(serviceRequestRegisteredUpdate);
    if (opts.acceptAfterHours > 0) await h.env.sleep(opts.acceptAfterHours * HOUR);
    await step(request, acceptServiceRequestUpdate, ESB, {});
    await step(request, pauseServiceClockUpdate, ESB, { clock: 'service_resolve', reason: '等待企业提供材料' });
    await h.env.sleep(opts.pausedDays * 24 * HOUR);
    await step(request, resumeServiceClockUpdate, ESB, { clock: 'service_resolve', reason: '材料已提供' });
    await step(request, resolveServiceRequestUpdate, ESB, { resolution: opts.resolution });
    await step(request, rateServiceRequestUpdate, ESB, { rating: 'satisfied' });
    await request.result();
    return { handle, request };
  }

  it('trusted-service-request', async () => {
    const { handle, request } = await serviceRequestPath({ raiseId: 'u-esb:raise-1', title: '用电增容', department: '供电公司', resolution: '已增容', acceptAfterHours: 30, pausedDays: 3 });
    writeHistory('trusted-service-request', await request.fetchHistory());
    writeHistory('trusted-service-phase', await handle.fetchHistory());
  });

  it('cadence-fulfilment', async () => {
    const { handle } = await driveToService(h);
    // The quarterly check falls due (the bureau is reminded), is recorded, and the project completes.
    await h.env.sleep(92 * 24 * HOUR);
    await step(handle, recordFulfilmentCheckUpdate, ESB, { investmentInPlaceYi: 6.8, taxPaidWanYuan: 300, fulfilled: true, note: '全部到位' });
    await step(handle, completeProjectUpdate, { userId: 'u-leader', role: 'zone_leadership' }, { reason: '履约完成' });
    await handle.result();
    writeHistory('cadence-fulfilment', await handle.fetchHistory());
  });

  // Issue 12, answer-on-commit: a step answers from the workflow task that applies it, with its
  // events (patch answer-on-commit-v1); the projection activity still writes them after.
  it('answer-on-commit-intake', async () => {
    writeHistory('answer-on-commit-intake', await (await intakeInfoPath({ repeat: true })).fetchHistory());
  });

  it('answer-on-commit-construction-race', async () => {
    writeHistory('answer-on-commit-construction-race', await (await constructionRacePath()).fetchHistory());
  });

  // Issue 12, a step's cadence policies carried by the step (patch step-policies-v1): the API reads
  // them as it sends the acceptance, and its task starts the follow-up cadence without a local activity.
  it('step-policies-follow-up', async () => {
    const { handle, snapshot } = await h.register({ infoGrade: 'A' });
    const policies = (await latestPolicyVersions(h.dataSource, ['follow_up:A'])) as VersionedSlaPolicy[];
    await handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' }, policies }] });
    await h.env.sleep(3 * 24 * HOUR + HOUR);
    const visit = { kind: 'site_inspection', date: datesFrom(snapshot.state.registeredAt).day(3), participants: '李明', location: '园区标准厂房', outcome: '意向选址确定' };
    await handle.executeUpdate(recordNegotiationContactUpdate, { args: [{ actor: OFFICER, command: visit as never }] });
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    writeHistory('step-policies-follow-up', await handle.fetchHistory());
  });

  it('answer-on-commit-service-request', async () => {
    const { request } = await serviceRequestPath({ raiseId: 'u-esb:raise-2', title: '用水报装', department: '水务集团', resolution: '已通水', acceptAfterHours: 0, pausedDays: 2 });
    writeHistory('answer-on-commit-service-request', await request.fetchHistory());
  });
});

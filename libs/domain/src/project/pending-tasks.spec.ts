import type { Actor, Role } from '../roles';
import { STAGES, TERMINAL_STAGES, type Stage } from '../stages';
import { addDays, endOfShanghaiDay, shanghaiDate } from './calendar-dates';
import { MILESTONE_KINDS, type MilestoneKind } from './construction-state';
import { completeMilestone, establishMilestonePlan } from './construction-transitions';
import { decideIntake, provideIntakeInfo, registerLead } from './intake-transitions';
import { concludeNegotiation, missFollowUp, recordNegotiationContact } from './negotiation-transitions';
import { comparePendingTasks, isTaskFor, pendingTaskAt, pendingTaskRecords, pendingTasks, type PendingTask } from './pending-tasks';
import { pauseProjectClock, resumeProjectClock } from './project-clocks';
import { deadlineAt as clockDeadlineAt, remainingMs as clockRemainingMs } from '../sla/sla-clock';
import type { ProjectState } from './project-state';
import { assignCommissioner, signContract } from './signing-transitions';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;
/** 2026-07-01 10:00 in Asia/Shanghai. */
const T0 = Date.parse('2026-07-01T02:00:00Z');
const TODAY = shanghaiDate(T0);

const officer: Actor = { userId: 'officer-1', role: 'investment_officer' };
const taskForce: Actor = { userId: 'tf-1', role: 'intake_task_force' };
const psb: Actor = { userId: 'psb-1', role: 'project_service_bureau' };
const lead = {
  companyName: '株洲智造动力科技有限公司', contactName: '王经理', industryChain: '先进轨道交通装备', estimatedInvestmentYi: 5.5,
  sourceChannel: 'small_team' as const, infoGrade: 'A' as const, fortune500: false, specializedSme: true, kind: 'new' as const,
};

const registered = (by: Actor = officer): ProjectState => registerLead('p1', lead, by, T0).state;
const inNegotiation = (by: Actor = officer): ProjectState => decideIntake(registered(by), { action: 'accept' }, taskForce, T0 + HOUR_MS).state;
const inSigning = (by: Actor = officer): ProjectState => concludeNegotiation(inNegotiation(by), { outcome: 'proceed' }, officer, T0 + 2 * HOUR_MS).state;
/** Signed at T0 + 3h (today), construction starting in 10 days: the commissioner clock runs 24 hours. */
const inConstruction = (): ProjectState =>
  signContract(
    inSigning(),
    {
      contractInvestmentYi: 6.8,
      signedOn: TODAY,
      committed: { constructionStart: addDays(TODAY, 10), equipmentEntry: addDays(TODAY, 40), production: addDays(TODAY, 120), firstTax: addDays(TODAY, 200) },
      factoryAreaM2: 12_000,
    },
    officer,
    T0 + 3 * HOUR_MS,
  ).state;
const withCommissioner = (s: ProjectState): ProjectState =>
  assignCommissioner(s, { commissionerUserId: psb.userId, commissionerName: '刘洋' }, psb, T0 + 4 * HOUR_MS).state;
/** Every node for psb-2 except company registration (psb-3), with its template due date. */
const planned = (s: ProjectState): ProjectState =>
  establishMilestonePlan(
    s,
    { nodes: MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: kind === 'company_registration' ? 'psb-3' : 'psb-2', responsibleName: '张三' })) },
    psb,
    T0 + 5 * HOUR_MS,
  ).state;

const brief = (tasks: PendingTask[]) => tasks.map((t) => [t.step, t.assignee, t.deadlineAt, t.remainingMs, t.overdue]);

describe('pendingTasks', () => {
  it('intake: the task force decides against the 48-hour clock', () => {
    const now = T0 + 10 * HOUR_MS;
    expect(pendingTasks(registered(), now)).toEqual([
      {
        projectId: 'p1',
        companyName: lead.companyName,
        stage: 'intake',
        step: 'intake.decide',
        stepLabel: '48小时承接研判',
        assignee: { role: 'intake_task_force' },
        deadlineAt: T0 + 48 * HOUR_MS,
        remainingMs: 38 * HOUR_MS,
        overdue: false,
      },
    ]);
  });

  it('intake: overdue once the clock has run out, and exactly at the deadline', () => {
    expect(brief(pendingTasks(registered(), T0 + 48 * HOUR_MS))).toEqual([['intake.decide', { role: 'intake_task_force' }, T0 + 48 * HOUR_MS, 0, true]]);
    expect(brief(pendingTasks(registered(), T0 + 50 * HOUR_MS))).toEqual([
      ['intake.decide', { role: 'intake_task_force' }, T0 + 48 * HOUR_MS, -2 * HOUR_MS, true],
    ]);
  });

  it('intake: an open information request waits on the owner, without a deadline (the clock is paused)', () => {
    const asked = decideIntake(registered(), { action: 'request_info', missing: '近三年财务报表' }, taskForce, T0 + HOUR_MS).state;
    const [task] = pendingTasks(asked, T0 + 100 * HOUR_MS);
    expect(task).toMatchObject({
      stage: 'intake',
      step: 'intake.provide_info',
      stepLabel: '补充研判所需信息',
      assignee: { role: 'investment_officer', userId: officer.userId },
      deadlineAt: null,
      remainingMs: null,
      overdue: false,
    });
    expect(pendingTasks(asked, T0).length).toBe(1);

    // Answered 5 hours later: back to the task force, the deadline moved by the pause.
    const answered = provideIntakeInfo(asked, { response: '已上传' }, officer, T0 + 6 * HOUR_MS).state;
    expect(brief(pendingTasks(answered, T0 + 7 * HOUR_MS))).toEqual([
      ['intake.decide', { role: 'intake_task_force' }, T0 + 53 * HOUR_MS, 46 * HOUR_MS, false],
    ]);
  });

  it('owner steps go to the economic cooperation bureau head when the owner may not take them', () => {
    // 全民招商: a bureau member reported the lead but cannot answer the task force or record a contract.
    const reporter: Actor = { userId: 'psb-9', role: 'project_service_bureau' };
    const asked = decideIntake(registered(reporter), { action: 'request_info', missing: 'm' }, taskForce, T0 + HOUR_MS).state;
    expect(pendingTasks(asked, T0)[0].assignee).toEqual({ role: 'economic_cooperation_bureau_head' });
    expect(pendingTasks(inNegotiation(reporter), T0)[0].assignee).toEqual({ role: 'economic_cooperation_bureau_head' });
    expect(pendingTasks(inSigning(reporter), T0)[0].assignee).toEqual({ role: 'economic_cooperation_bureau_head' });
    // A bureau head who reported it keeps it, under their own role.
    const head: Actor = { userId: 'head-1', role: 'economic_cooperation_bureau_head' };
    expect(pendingTasks(inSigning(head), T0)[0].assignee).toEqual({ role: 'economic_cooperation_bureau_head', userId: 'head-1' });
  });

  it('negotiation: the owner follows up one cadence (grade A: a day) after the last contact', () => {
    const accepted = inNegotiation();
    const startedAt = T0 + HOUR_MS;
    expect(brief(pendingTasks(accepted, T0 + 2 * HOUR_MS))).toEqual([
      ['negotiation.follow_up', { role: 'investment_officer', userId: officer.userId }, startedAt + DAY_MS, DAY_MS - HOUR_MS, false],
    ]);
    expect(pendingTasks(accepted, T0)[0]).toMatchObject({ stage: 'negotiation', stepLabel: '洽谈跟进' });
    expect(pendingTasks(accepted, startedAt + DAY_MS)[0].overdue).toBe(true);

    // A missed follow-up moves the next one a cadence on, and the owner stays behind (overdue)
    // until a contact, which restarts the cadence from itself.
    const missed = missFollowUp(accepted, { userId: 'system', role: 'system' }, startedAt + DAY_MS).state;
    expect(pendingTasks(missed, startedAt + DAY_MS + HOUR_MS)[0]).toMatchObject({ deadlineAt: startedAt + 2 * DAY_MS, overdue: true });
    const contactAt = T0 + 30 * HOUR_MS;
    const met = recordNegotiationContact(
      missed,
      { kind: 'visit', date: TODAY, participants: 'p', location: 'l', outcome: 'o' },
      officer,
      contactAt,
    ).state;
    expect(pendingTasks(met, contactAt)[0]).toMatchObject({ deadlineAt: contactAt + DAY_MS, remainingMs: DAY_MS, overdue: false });
  });

  it('service: the enterprise service bureau owes the periodic fulfilment check', () => {
    const s = planned(withCommissioner(inConstruction()));
    const due = T0 + 91 * DAY_MS;
    const tasks = pendingTasks({ ...s, stage: 'service', fulfilment: { nextCheckDueAt: due, checks: [] } }, due);
    expect(brief(tasks)).toEqual([['fulfilment.check', { role: 'enterprise_service_bureau' }, due, 0, true]]);
  });

  it('negotiation: none for a state recorded before negotiation existed', () => {
    expect(pendingTasks({ ...inNegotiation(), negotiation: undefined }, T0)).toEqual([]);
    expect(pendingTasks({ ...inNegotiation(), negotiation: null }, T0)).toEqual([]);
  });

  it('signing: one task, the owner records the contract, no deadline', () => {
    expect(pendingTasks(inSigning(), T0 + 1000 * DAY_MS)).toEqual([
      {
        projectId: 'p1',
        companyName: lead.companyName,
        stage: 'signing',
        step: 'signing.record_contract',
        stepLabel: '录入签约合同',
        assignee: { role: 'investment_officer', userId: officer.userId },
        deadlineAt: null,
        remainingMs: null,
        overdue: false,
      },
    ]);
  });

  it('construction before the commissioner and the plan: both, the commissioner against its 24-hour clock', () => {
    const signed = inConstruction();
    const signedAt = T0 + 3 * HOUR_MS;
    expect(brief(pendingTasks(signed, signedAt + HOUR_MS))).toEqual([
      ['handover.assign_commissioner', { role: 'project_service_bureau' }, signedAt + DAY_MS, DAY_MS - HOUR_MS, false],
      ['construction.plan', { role: 'project_service_bureau' }, null, null, false],
    ]);
    expect(pendingTasks(signed, signedAt + 25 * HOUR_MS).map((t) => [t.stepLabel, t.overdue])).toEqual([
      ['指派项目专员', true],
      ['制定节点计划', false],
    ]);
    // The commissioner named: only the plan is left.
    expect(pendingTasks(withCommissioner(signed), signedAt + 2 * HOUR_MS).map((t) => t.step)).toEqual(['construction.plan']);
  });

  it('construction with a plan: one task per open node but production, for its responsible person, due at the end of its day', () => {
    const s = planned(withCommissioner(inConstruction()));
    const nodes = s.construction!.nodes;
    const now = T0 + 6 * HOUR_MS;
    const tasks = pendingTasks(s, now);
    const open = MILESTONE_KINDS.filter((k) => k !== 'production');
    expect(tasks.map((t) => t.step)).toEqual(open.map((k) => `construction.milestone:${k}`));
    expect(tasks[0]).toEqual({
      projectId: 'p1',
      companyName: lead.companyName,
      stage: 'construction',
      step: 'construction.milestone:company_registration',
      stepLabel: '完成节点：公司注册',
      assignee: { role: 'project_service_bureau', userId: 'psb-3' },
      deadlineAt: endOfShanghaiDay(nodes[0].dueOn),
      remainingMs: endOfShanghaiDay(nodes[0].dueOn) - now,
      overdue: false,
    });
    // Template: registration a week after signing; due at 00:00 +08:00 the day after.
    expect(nodes[0].dueOn).toBe(addDays(TODAY, 7));
    expect(new Date(tasks[0].deadlineAt!).toISOString()).toBe(`${addDays(TODAY, 7)}T16:00:00.000Z`);
    expect(tasks.slice(1).every((t) => t.assignee.userId === 'psb-2')).toBe(true);

    // Land handover is due first (a week before construction starts): overdue from the end of its day.
    const landDue = endOfShanghaiDay(addDays(TODAY, 3));
    expect(nodes[1]).toMatchObject({ kind: 'land_handover', dueOn: addDays(TODAY, 3) });
    expect(pendingTasks(s, landDue - 1).some((t) => t.overdue)).toBe(false);
    expect(pendingTasks(s, landDue).filter((t) => t.overdue).map((t) => t.step)).toEqual(['construction.milestone:land_handover']);

    // Completed nodes drop out.
    const done = completeMilestone(s, { kind: 'company_registration', completedOn: TODAY, evidence: '营业执照' }, psb, now).state;
    expect(pendingTasks(done, now).map((t) => t.step)).toEqual(open.slice(1).map((k) => `construction.milestone:${k}`));
  });

  it('construction with every node but production done: production is recorded, by its person against its due day', () => {
    const s = planned(withCommissioner(inConstruction()));
    const now = T0 + 6 * HOUR_MS;
    const allButProduction = MILESTONE_KINDS.filter((k) => k !== 'production').reduce(
      (acc, kind: MilestoneKind) => completeMilestone(acc, { kind, completedOn: TODAY, evidence: 'e' }, psb, now).state,
      s,
    );
    const production = allButProduction.construction!.nodes.find((n) => n.kind === 'production')!;
    expect(pendingTasks(allButProduction, now)).toEqual([
      {
        projectId: 'p1',
        companyName: lead.companyName,
        stage: 'construction',
        step: 'construction.record_production',
        stepLabel: '录入投产',
        assignee: { role: 'project_service_bureau', userId: 'psb-2' },
        deadlineAt: endOfShanghaiDay(production.dueOn),
        remainingMs: endOfShanghaiDay(production.dueOn) - now,
        overdue: false,
      },
    ]);
  });

  it('the commissioner still missing alongside a plan: both kinds of task', () => {
    const s = planned(inConstruction());
    expect(pendingTasks(s, T0 + 6 * HOUR_MS).map((t) => t.step).slice(0, 2)).toEqual([
      'handover.assign_commissioner',
      'construction.milestone:company_registration',
    ]);
  });

  it('production, service without a fulfilment schedule and the terminal stages wait on nobody', () => {
    const quiet: Stage[] = ['production', 'service', ...TERMINAL_STAGES];
    expect(STAGES.filter((s) => !quiet.includes(s))).toEqual(['intake', 'negotiation', 'signing', 'construction']);
    const s = planned(withCommissioner(inConstruction()));
    for (const stage of quiet) expect(pendingTasks({ ...s, stage }, T0)).toEqual([]);
    expect(pendingTasks(decideIntake(registered(), { action: 'reject', reason: '不符合产业定位' }, taskForce, T0 + HOUR_MS).state, T0)).toEqual([]);
    expect(pendingTasks(concludeNegotiation(inNegotiation(), { outcome: 'lost', reason: '投资方另选他地' }, officer, T0 + 2 * HOUR_MS).state, T0)).toEqual([]);
  });
});

describe('pendingTaskRecords: tasks independent of the time they are read at', () => {
  const leader: Actor = { userId: 'leader-1', role: 'zone_leadership' };
  const every = [T0, T0 + HOUR_MS, T0 + 47 * HOUR_MS, T0 + 60 * HOUR_MS, T0 + 400 * DAY_MS];

  it('a running, stopped or absent clock: a fixed deadline, whatever the instant', () => {
    const signed = inConstruction();
    for (const state of [registered(), inNegotiation(), signed, planned(withCommissioner(signed))]) {
      const records = pendingTaskRecords(state);
      expect(records.every((r) => r.pausedRemainingMs === null)).toBe(true);
      for (const now of every) expect(records.map((r) => pendingTaskAt(r, now))).toEqual(pendingTasks(state, now));
    }
  });

  it('a paused clock: its deadline moves with now (deadlineAt(clock, now)), so the time it has left is stored', () => {
    const paused = pauseProjectClock(registered(), { clock: 'intake_decision', reason: '等待企业材料' }, leader, T0 + 2 * HOUR_MS).state;
    const [record] = pendingTaskRecords(paused);
    expect(record).toMatchObject({ step: 'intake.decide', deadlineAt: null, pausedRemainingMs: 46 * HOUR_MS, late: false });
    for (const now of every) {
      // What the queue showed before the read model: the clock's deadline and remaining time at `now`.
      const [task] = pendingTasks(paused, now);
      expect(task).toMatchObject({
        deadlineAt: clockDeadlineAt(paused.intake.clock, now),
        remainingMs: clockRemainingMs(paused.intake.clock, now),
        overdue: false,
      });
      expect(task.deadlineAt).toBe(now + 46 * HOUR_MS);
    }
    // Resumed 10 hours later: fixed again, ten hours further on.
    const resumed = resumeProjectClock(paused, { clock: 'intake_decision', reason: '材料已到' }, leader, T0 + 12 * HOUR_MS).state;
    expect(pendingTaskRecords(resumed)).toEqual([expect.objectContaining({ deadlineAt: T0 + 58 * HOUR_MS, pausedRemainingMs: null })]);
  });

  it('a paused clock already out of time stays overdue', () => {
    const paused = pauseProjectClock(registered(), { clock: 'intake_decision', reason: '等待企业材料' }, leader, T0 + 50 * HOUR_MS).state;
    expect(pendingTaskRecords(paused)[0].pausedRemainingMs).toBe(-2 * HOUR_MS);
    expect(brief(pendingTasks(paused, T0 + 100 * HOUR_MS))).toEqual([['intake.decide', { role: 'intake_task_force' }, T0 + 98 * HOUR_MS, -2 * HOUR_MS, true]]);
  });

  it('a missed follow-up is stored as late: overdue before its (moved) deadline', () => {
    const startedAt = T0 + HOUR_MS;
    const missed = missFollowUp(inNegotiation(), { userId: 'system', role: 'system' }, startedAt + DAY_MS).state;
    expect(pendingTaskRecords(missed)).toEqual([expect.objectContaining({ deadlineAt: startedAt + 2 * DAY_MS, pausedRemainingMs: null, late: true })]);
  });
});

describe('isTaskFor', () => {
  const task = (role: Role, userId?: string): PendingTask => ({
    projectId: 'p',
    companyName: 'c',
    stage: 'construction',
    step: 'construction.plan',
    stepLabel: 'x',
    assignee: userId === undefined ? { role } : { role, userId },
    deadlineAt: null,
    remainingMs: null,
    overdue: false,
  });

  it('named tasks go to their person; role tasks to everyone in the role', () => {
    expect(isTaskFor(task('investment_officer', 'o1'), { userId: 'o1', role: 'investment_officer' })).toBe(true);
    expect(isTaskFor(task('investment_officer', 'o1'), { userId: 'o2', role: 'investment_officer' })).toBe(false);
    expect(isTaskFor(task('intake_task_force'), { userId: 't1', role: 'intake_task_force' })).toBe(true);
    expect(isTaskFor(task('intake_task_force'), { userId: 'o1', role: 'investment_officer' })).toBe(false);
    // A node's responsible person sees it whatever their role.
    expect(isTaskFor(task('project_service_bureau', 'x1'), { userId: 'x1', role: 'enterprise_service_bureau' })).toBe(true);
  });

  it("the Project Service Bureau sees its people's tasks too", () => {
    expect(isTaskFor(task('project_service_bureau', 'psb-2'), { userId: 'psb-1', role: 'project_service_bureau' })).toBe(true);
    expect(isTaskFor(task('project_service_bureau'), { userId: 'psb-1', role: 'project_service_bureau' })).toBe(true);
    expect(isTaskFor(task('project_service_bureau', 'psb-2'), { userId: 'a', role: 'auditor' })).toBe(false);
  });

  it('auditors and admins have none', () => {
    for (const role of ['auditor', 'admin'] as const) {
      for (const t of [task('intake_task_force'), task('project_service_bureau', 'p'), task('investment_officer', 'o')]) {
        expect(isTaskFor(t, { userId: 'u', role })).toBe(false);
      }
    }
  });
});

describe('comparePendingTasks', () => {
  const t = (projectId: string, deadlineAt: number | null, overdue = false): PendingTask => ({
    projectId,
    companyName: 'c',
    stage: 'intake',
    step: 'intake.decide',
    stepLabel: 'x',
    assignee: { role: 'intake_task_force' },
    deadlineAt,
    remainingMs: deadlineAt === null ? null : deadlineAt - T0,
    overdue,
  });

  it('puts overdue first, then the nearest deadline, no deadline last, then the project id', () => {
    const tasks = [t('a', null), t('b', T0 + 5), t('c', T0 - 10, true), t('d', T0 + 1), t('e', T0 - 20, true), t('a2', T0 + 5), t('0', null)];
    expect([...tasks].sort(comparePendingTasks).map((x) => x.projectId)).toEqual(['e', 'c', 'd', 'a2', 'b', '0', 'a']);
  });
});

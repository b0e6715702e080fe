import { addDays, MILESTONE_KINDS, shanghaiDate, type Lead, type MilestoneKind } from '@zs/domain';
import { eventually } from '../support/eventually';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleContract } from '../support/sample-contract';
import { importedInNegotiation } from '../support/past-registration';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';

const HOUR_MS = 60 * 60 * 1000;

/** Today in Asia/Shanghai (the workflow's calendar), fixed once so every date of the file agrees. */
const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);

interface Task {
  projectId: string;
  companyName: string;
  stage: string;
  stageLabel: string;
  step: string;
  stepLabel: string;
  assignee: { role: string; userId: string | null };
  deadlineAt: string | null;
  remainingMs: number | null;
  overdue: boolean;
}

/**
 * The staff work queue over HTTP. Other files create projects in the same database, so every
 * assertion is about this file's own projects (by id), never about totals.
 */
describe('GET /tasks (the staff work queue)', () => {
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let ecbHead: Staff;
  let psb: Staff;
  let esb: Staff;
  let auditor: Staff;

  const post = (path: string, who: Staff, body: unknown) => h.http('POST', path, { token: who.token, body });
  const read = async (id: string) => (await h.http('GET', `/projects/${id}`, { token: auditor.token })).body;

  async function registered(lead: Partial<Lead> = {}): Promise<string> {
    const res = await post('/leads', officer, sampleLead(lead));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function step(path: string, who: Staff, body: unknown, stage: string): Promise<void> {
    const res = await post(path, who, body);
    expect({ status: res.status, stage: res.body.stage }).toEqual({ status: 200, stage });
  }

  /** Every page of the caller's queue (pages of 100), checking the page envelope and the order as it goes. */
  async function queue(who: Staff, filter = ''): Promise<Task[]> {
    const items: Task[] = [];
    for (let page = 1; ; page++) {
      const res = await h.http('GET', `/tasks?page=${page}&pageSize=100${filter}`, { token: who.token });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ page, pageSize: 100, total: expect.any(Number) });
      items.push(...res.body.items);
      if (res.body.items.length < 100 || page * 100 >= res.body.total) {
        expect(items.length).toBe(res.body.total);
        break;
      }
    }
    expectQueueOrder(items);
    return items;
  }

  const mine = (tasks: Task[], ids: string[]) => tasks.filter((t) => ids.includes(t.projectId));
  const brief = (tasks: Task[]) => tasks.map((t) => [t.projectId, t.step]);

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, ecbHead, psb, esb, auditor] = await Promise.all(
      ['officer', 'taskforce', 'ecb-head', 'psb', 'esb', 'auditor'].map((u) => loginStaff(h, u)),
    );
  });
  afterAll(async () => {
    await h?.teardown();
  });

  describe('intake and negotiation', () => {
    let first: string;
    let second: string;
    // Names of their own: since issue 10 a suspected duplicate company is refused, and files share the database.
    const firstCompany = uniqueCompanyName('醴陵陶瓷新材料');
    const secondCompany = uniqueCompanyName('株洲硬质合金刀具');

    beforeAll(async () => {
      first = await registered({ companyName: firstCompany });
      second = await registered({ companyName: secondCompany });
    });

    it('gives the task force both intake decisions, the nearest deadline first; the officer neither', async () => {
      const tasks = mine(await queue(taskForce, '&stage=intake'), [first, second]);
      expect(brief(tasks)).toEqual([
        [first, 'intake.decide'],
        [second, 'intake.decide'],
      ]);
      for (const [task, id, company] of [
        [tasks[0], first, firstCompany],
        [tasks[1], second, secondCompany],
      ] as const) {
        const view = await read(id);
        expect(task).toEqual({
          projectId: id,
          companyName: company,
          stage: 'intake',
          stageLabel: '48小时研判',
          step: 'intake.decide',
          stepLabel: '48小时承接研判',
          assignee: { role: 'intake_task_force', userId: null },
          deadlineAt: view.clocks[0].deadlineAt,
          remainingMs: expect.any(Number),
          overdue: false,
        });
        expect(Date.parse(task.deadlineAt!) - Date.parse(view.registeredAt)).toBe(48 * HOUR_MS);
        expect(task.remainingMs).toBeGreaterThan(47 * HOUR_MS);
        expect(task.remainingMs).toBeLessThanOrEqual(48 * HOUR_MS);
      }
      expect(Date.parse(tasks[0].deadlineAt!)).toBeLessThan(Date.parse(tasks[1].deadlineAt!));

      // The same without the stage filter, and with overdue=false; none with overdue=true.
      expect(brief(mine(await queue(taskForce), [first, second]))).toEqual(brief(tasks));
      expect(brief(mine(await queue(taskForce, '&overdue=false'), [first, second]))).toEqual(brief(tasks));
      expect(mine(await queue(taskForce, '&overdue=true'), [first, second])).toEqual([]);
      expect(mine(await queue(taskForce, '&stage=negotiation'), [first, second])).toEqual([]);

      expect(mine(await queue(officer), [first, second])).toEqual([]);
      expect(mine(await queue(ecbHead), [first, second])).toEqual([]);
    });

    it('moves the step to the owner while information is requested, without a deadline', async () => {
      await step(`/projects/${first}/intake-decision`, taskForce, { action: 'request_info', missing: '请补充近三年财务报表' }, 'intake');

      const officerTasks = mine(await queue(officer), [first, second]);
      expect(officerTasks).toEqual([
        {
          projectId: first,
          companyName: firstCompany,
          stage: 'intake',
          stageLabel: '48小时研判',
          step: 'intake.provide_info',
          stepLabel: '补充研判所需信息',
          assignee: { role: 'investment_officer', userId: officer.id },
          deadlineAt: null,
          remainingMs: null,
          overdue: false,
        },
      ]);
      expect(brief(mine(await queue(taskForce), [first, second]))).toEqual([[second, 'intake.decide']]);
    });

    it('gives the owner the follow-up once the project is accepted, due a cadence after acceptance', async () => {
      await step(`/projects/${second}/intake-decision`, taskForce, { action: 'accept' }, 'negotiation');

      const officerTasks = mine(await queue(officer), [first, second]);
      const followUp = officerTasks.find((t) => t.projectId === second);
      const view = await read(second);
      expect(followUp).toEqual({
        projectId: second,
        companyName: secondCompany,
        stage: 'negotiation',
        stageLabel: '洽谈',
        step: 'negotiation.follow_up',
        stepLabel: '洽谈跟进',
        assignee: { role: 'investment_officer', userId: officer.id },
        deadlineAt: view.negotiation.followUp.nextDueAt,
        remainingMs: expect.any(Number),
        overdue: false,
      });
      // Grade A: followed up daily.
      expect(Date.parse(followUp!.deadlineAt!) - Date.parse(view.negotiation.followUp.lastContactAt)).toBe(24 * HOUR_MS);
      // The deadline sorts the follow-up ahead of the request without one.
      expect(brief(officerTasks)).toEqual([
        [second, 'negotiation.follow_up'],
        [first, 'intake.provide_info'],
      ]);
      expect(brief(mine(await queue(officer, '&stage=negotiation'), [first, second]))).toEqual([[second, 'negotiation.follow_up']]);
      expect(mine(await queue(taskForce), [first, second])).toEqual([]);
    });

    it('gives an auditor (and an admin) an empty list', async () => {
      const res = await h.http('GET', '/tasks', { token: auditor.token });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ items: [], total: 0, page: 1, pageSize: 20 });
      const admin = await loginStaff(h, 'admin');
      expect((await h.http('GET', '/tasks?pageSize=5', { token: admin.token })).body).toEqual({ items: [], total: 0, page: 1, pageSize: 5 });
    });
  });

  describe('refusals', () => {
    const refused = async (path: string, token: string | undefined, status: number, code: string, field?: string): Promise<HttpResult> => {
      const res = await h.http('GET', path, { token });
      expect({ status: res.status, body: res.body }).toMatchObject({
        status,
        body: { statusCode: status, code, message: expect.any(String), correlationId: expect.any(String) },
      });
      if (field) expect((res.body.details ?? []).map((d: { field: string }) => d.field)).toContain(field);
      return res;
    };

    it.each([
      ['/tasks?pageSize=0', 'pageSize'],
      ['/tasks?pageSize=101', 'pageSize'],
      ['/tasks?page=0', 'page'],
      ['/tasks?stage=nonsense', 'stage'],
      ['/tasks?overdue=yes', 'overdue'],
      ['/tasks?assignee=me', 'assignee'],
    ])('refuses %s with 400, naming %s', async (path, field) => {
      await refused(path, officer.token, 400, 'VALIDATION_FAILED', field);
    });

    it('refuses a caller without a token, or with a bad one', async () => {
      await refused('/tasks', undefined, 401, 'UNAUTHENTICATED');
      await refused('/tasks', 'not-a-token', 401, 'UNAUTHENTICATED');
    });
  });

  it('documents the queue in OpenAPI', async () => {
    const res = await h.http('GET', '/docs-json');
    expect(res.status).toBe(200);
    const op = res.body.paths['/tasks'].get;
    expect(op.parameters.map((p: any) => p.name).sort()).toEqual(['overdue', 'page', 'pageSize', 'stage']);
    const schemas = res.body.components.schemas;
    expect(Object.keys(schemas.TaskViewDto.properties)).toEqual([
      'projectId',
      'companyName',
      'stage',
      'stageLabel',
      'step',
      'stepLabel',
      'assignee',
      'deadlineAt',
      'remainingMs',
      'overdue',
    ]);
    expect(schemas.TaskPageDto.properties.items.items.$ref).toBe('#/components/schemas/TaskViewDto');
  });

  // Last: its past-due node escalates in the background; the test waits until that has settled.
  it('signing and construction: the owner records the contract; the bureau sees the handover, the plan and its people\'s nodes', async () => {
    // Registered (and accepted) 60 days ago: since issue 10 no date of the project may precede its
    // registration, and this one signs 20 days ago with a node due yesterday (past-registration.ts).
    const admin = await loginStaff(h, 'admin');
    const id = await importedInNegotiation(h, admin.token, { registeredDaysAgo: 60, lead: { companyName: uniqueCompanyName('攸县新型建材') } });
    await step(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' }, 'signing');

    // 签约: the owner's, with no deadline.
    expect(mine(await queue(officer), [id])).toEqual([
      expect.objectContaining({ step: 'signing.record_contract', stepLabel: '录入签约合同', assignee: { role: 'investment_officer', userId: officer.id }, deadlineAt: null }),
    ]);
    expect(mine(await queue(ecbHead), [id])).toEqual([]);

    // Signed 20 days ago; construction starts in 10 days.
    const contract = sampleContract({
      signedOn: day(-20),
      committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) },
    });
    await step(`/projects/${id}/contract`, officer, contract, 'construction');
    expect(mine(await queue(officer), [id])).toEqual([]);
    const signed = await read(id);
    const bureauTasks = mine(await queue(psb), [id]);
    expect(bureauTasks.map((t) => [t.step, t.stepLabel, t.assignee, t.deadlineAt, t.overdue])).toEqual([
      ['handover.assign_commissioner', '指派项目专员', { role: 'project_service_bureau', userId: null }, signed.clocks[1].deadlineAt, false],
      ['construction.plan', '制定节点计划', { role: 'project_service_bureau', userId: null }, null, false],
    ]);

    // The commissioner named and the plan laid out: company registration (psb's own) already a day late,
    // land handover named to an Enterprise Service Bureau colleague, the rest psb's.
    await step(`/projects/${id}/commissioner`, psb, { commissionerUserId: psb.id, commissionerName: psb.displayName }, 'construction');
    const responsible = (kind: MilestoneKind): Staff => (kind === 'land_handover' ? esb : psb);
    await step(
      `/projects/${id}/milestone-plan`,
      psb,
      {
        nodes: MILESTONE_KINDS.map((kind) => ({
          kind,
          responsibleUserId: responsible(kind).id,
          responsibleName: responsible(kind).displayName,
          ...(kind === 'company_registration' ? { dueOn: day(-1) } : {}),
        })),
      },
      'construction',
    );

    const open = MILESTONE_KINDS.filter((k) => k !== 'production');
    const planned = mine(await queue(psb), [id]);
    // Overdue first, then by due date (land handover a week before construction starts, and so on).
    expect(planned.map((t) => [t.step, t.assignee.userId, t.overdue])).toEqual([
      ['construction.milestone:company_registration', psb.id, true],
      ['construction.milestone:land_handover', esb.id, false],
      ['construction.milestone:project_filing', psb.id, false],
      ['construction.milestone:planning_permit', psb.id, false],
      ['construction.milestone:construction_permit', psb.id, false],
      ['construction.milestone:construction_start', psb.id, false],
      ['construction.milestone:equipment_entry', psb.id, false],
      ['construction.milestone:trial_production', psb.id, false],
    ]);
    expect(planned.length).toBe(open.length);
    expect(planned[0]).toMatchObject({ stage: 'construction', stageLabel: '建设', stepLabel: '完成节点：公司注册' });
    // The end of yesterday in Asia/Shanghai is today's midnight, +08:00.
    expect(Date.parse(planned[0].deadlineAt!)).toBe(Date.parse(`${TODAY}T00:00:00+08:00`));
    expect(planned[0].remainingMs).toBeLessThanOrEqual(0);
    expect(brief(mine(await queue(psb, '&overdue=true'), [id]))).toEqual([[id, 'construction.milestone:company_registration']]);
    // The colleague sees only the node named to them.
    expect(brief(mine(await queue(esb), [id]))).toEqual([[id, 'construction.milestone:land_handover']]);
    expect(mine(await queue(officer), [id])).toEqual([]);

    // Let the overdue node's first escalation land before the harness shuts down.
    await eventually('the overdue node escalated', async () => {
      const view = await read(id);
      return view.construction.nodes[0].escalatedLevels.includes(1) ? view : undefined;
    });
  });
});

/** Overdue first, then by deadline ascending (none last), then by project id. */
function expectQueueOrder(tasks: Task[]): void {
  const key = (t: Task) => [t.overdue ? 0 : 1, t.deadlineAt === null ? Number.POSITIVE_INFINITY : Date.parse(t.deadlineAt), t.projectId] as const;
  for (let i = 1; i < tasks.length; i++) {
    const [a, b] = [key(tasks[i - 1]), key(tasks[i])];
    const inOrder = a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])));
    if (!inOrder) throw new Error(`queue out of order at ${i}: ${JSON.stringify(tasks[i - 1])} before ${JSON.stringify(tasks[i])}`);
  }
}

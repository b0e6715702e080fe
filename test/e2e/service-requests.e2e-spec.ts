import { workingDeadline } from '../support/working-deadline';
import { randomUUID } from 'node:crypto';
import { addDays, MILESTONE_KINDS, MILESTONE_LABELS, shanghaiDate, type Lead, type MilestoneKind } from '@zs/domain';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { expectRefused, loginStaff, type Staff } from '../support/e2e-staff';
import { sampleContract } from '../support/sample-contract';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** Today in Asia/Shanghai (the workflow's calendar), fixed once so every date of the file agrees. */
const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);

/** A request's content as the bureau records it; the department is the one it is dispatched to. */
const request = (overrides: Record<string, unknown> = {}) => ({
  category: 'normal',
  title: '用电增容',
  description: '二期产线投产需增容至2000kVA，请协调解决',
  department: '自然资源局',
  ...overrides,
});

/** 企业点单 → 部门接单 → 问题销单 → 评价 over HTTP, each request its own workflow, in its project's history. */
describe('service requests over HTTP', () => {
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let psb: Staff;
  let esb: Staff;
  let auditor: Staff;
  let leader: Staff;

  // Since issue 10 the recorded actor also carries its department (actor-of.ts).
  const actor = (s: Staff) => expect.objectContaining({ userId: s.id, role: s.role, displayName: s.displayName });
  const post = (path: string, who: Staff, body?: unknown, headers?: Record<string, string>) =>
    h.http('POST', path, { token: who.token, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
  const get = (path: string, who: Staff = auditor) => h.http('GET', path, { token: who.token });

  const raise = (projectId: string, body: unknown = request(), who: Staff = esb, headers?: Record<string, string>) =>
    post(`/projects/${projectId}/service-requests`, who, body, headers);
  const accept = (requestId: string, who: Staff = esb, body?: unknown) => post(`/service-requests/${requestId}/accept`, who, body);
  const transfer = (requestId: string, body: unknown, who: Staff = psb, headers?: Record<string, string>) =>
    post(`/service-requests/${requestId}/transfer`, who, body, headers);
  const resolve = (requestId: string, body: unknown, who: Staff = esb) => post(`/service-requests/${requestId}/resolve`, who, body);
  const rate = (requestId: string, body: unknown, who: Staff = esb) => post(`/service-requests/${requestId}/rating`, who, body);

  /** A step answered 200 with the request view. */
  async function ok(res: Promise<HttpResult>, status = 200): Promise<any> {
    const r = await res;
    expect({ status: r.status, code: r.body?.code, message: r.body?.message }).toEqual({ status, code: undefined, message: undefined });
    return r.body;
  }

  /**
   * A refusal that changed nothing: the shared check (tables, the project's audit history) plus
   * the service_requests read model, which the shared check does not count.
   */
  async function refused(projectId: string, send: () => Promise<HttpResult>, status: number, code: string, field?: string): Promise<HttpResult> {
    const snapshot = () => h.dataSource.query(`SELECT id, status, department, last_seq FROM service_requests ORDER BY id`);
    const before = await snapshot();
    const res = await expectRefused(h, projectId, send, status, code, field);
    expect(await snapshot()).toEqual(before);
    return res;
  }

  /** The clock view without its time-dependent part, to compare a step's answer with a later read. */
  const settled = (view: any) => ({ ...view, updatedAt: undefined, clocks: view.clocks.map((c: any) => ({ ...c, remainingMs: undefined })) });

  async function registered(lead: Partial<Lead>): Promise<string> {
    const res = await post('/leads', officer, sampleLead(lead));
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function step(path: string, who: Staff, body: unknown, stage: string): Promise<void> {
    const res = await post(path, who, body);
    expect({ path, status: res.status, stage: res.body.stage }).toEqual({ path, status: 200, stage });
  }

  /**
   * Lead → accepted → proceed → signed today: in construction. Since issue 10 nothing that happened may be
   * dated before the lead's registration (today, on the wall clock) nor after today: every recorded date
   * of this setup is the registration day.
   */
  async function inConstruction(lead: Partial<Lead>): Promise<string> {
    const id = await registered(lead);
    await step(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' }, 'negotiation');
    await step(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' }, 'signing');
    const contract = sampleContract({
      signedOn: day(0),
      committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) },
    });
    await step(`/projects/${id}/contract`, officer, contract, 'construction');
    return id;
  }

  /** …then the commissioner, the plan, every node but production, and production: in stage service (投产后服务). */
  async function inService(lead: Partial<Lead> = {}): Promise<string> {
    const id = await inConstruction(lead);
    await step(`/projects/${id}/commissioner`, psb, { commissionerUserId: psb.id, commissionerName: psb.displayName }, 'construction');
    const nodes = MILESTONE_KINDS.map((kind) => ({
      kind,
      responsibleUserId: psb.id,
      responsibleName: psb.displayName,
      ...(kind === 'company_registration' ? { dueOn: day(3) } : {}),
    }));
    await step(`/projects/${id}/milestone-plan`, psb, { nodes }, 'construction');
    for (const kind of MILESTONE_KINDS.filter((k): k is Exclude<MilestoneKind, 'production'> => k !== 'production')) {
      await step(`/projects/${id}/milestones/${kind}/complete`, psb, { completedOn: day(0), evidence: `${MILESTONE_LABELS[kind]}完成凭证` }, 'construction');
    }
    await step(`/projects/${id}/production`, psb, { actualDate: day(0), evidence: '首批产品下线，投产仪式纪要' }, 'service');
    return id;
  }

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, psb, esb, auditor, leader] = await Promise.all(
      ['officer', 'taskforce', 'psb', 'esb', 'auditor', 'leader'].map((u) => loginStaff(h, u)),
    );
  });
  afterAll(async () => {
    await h?.teardown();
  });

  describe('one project in service', () => {
    const company = uniqueCompanyName('株洲新能源电池材料');
    let projectId: string;
    let first: any;

    beforeAll(async () => {
      projectId = await inService({ companyName: company });
    });

    it('raises a request: dispatched to the department, its one-day acceptance clock running, readable at once', async () => {
      const raised = await ok(raise(projectId), 201);
      expect(raised).toEqual({
        id: expect.any(String),
        projectId,
        workflowId: `service-request-${raised.id}`,
        companyName: company,
        category: 'normal',
        categoryLabel: '一般',
        title: '用电增容',
        description: '二期产线投产需增容至2000kVA，请协调解决',
        department: '自然资源局',
        status: 'dispatched',
        statusLabel: '待接单',
        raisedBy: actor(esb),
        raisedAt: expect.any(String),
        acceptedBy: null,
        transfers: [],
        resolutions: [],
        ratings: [],
        reopenCount: 0,
        clocks: [
          {
            clock: 'service_accept',
            label: '部门接单',
            status: 'running',
            startedAt: raised.raisedAt,
            // 部门接单: by 17:30 on the next working day (seeded policy, the zone's calendar).
            deadlineAt: await workingDeadline(h.dataSource, raised.raisedAt, 1),
            remainingMs: expect.any(Number),
            pausedMs: 0,
            paused: false,
            stoppedAt: null,
            fired: [],
            policyKey: 'service_accept',
            policyVersion: expect.any(Number),
          },
        ],
      });
      expect(raised.clocks[0].remainingMs).toBeGreaterThan(0);
      first = raised;

      // The read model has it as soon as the raise answers.
      const read = await get(`/service-requests/${raised.id}`);
      expect(read.status).toBe(200);
      expect(read.body.updatedAt).toBe(raised.raisedAt);
      expect(settled(read.body)).toEqual(settled(raised));
    });

    it('transfers it to the department that owns it; acceptance starts again there', async () => {
      const reason = '电力增容不属本局职责';
      const moved = await ok(transfer(first.id, { toDepartment: '供电公司', reason }));
      expect(moved).toMatchObject({ id: first.id, department: '供电公司', status: 'dispatched', statusLabel: '待接单', acceptedBy: null });
      expect(moved.transfers).toEqual([{ from: '自然资源局', to: '供电公司', reason, by: actor(psb), at: expect.any(String) }]);
      expect(moved.clocks).toEqual([expect.objectContaining({ clock: 'service_accept', status: 'running', startedAt: moved.transfers[0].at })]);
      expect(moved.clocks[0].deadlineAt).toBe(await workingDeadline(h.dataSource, moved.transfers[0].at, 1));
      expect((await get(`/service-requests/${first.id}`)).body.department).toBe('供电公司');
    });

    it('accepts it with no body: the acceptance clock is met and the resolve clock of its category starts', async () => {
      const accepted = await ok(accept(first.id));
      expect(accepted).toMatchObject({ status: 'accepted', statusLabel: '办理中', acceptedBy: actor(esb), department: '供电公司' });
      const [acceptClock, resolveClock] = accepted.clocks;
      expect(acceptClock).toMatchObject({ clock: 'service_accept', status: 'met', stoppedAt: expect.any(String) });
      expect(resolveClock).toMatchObject({ clock: 'service_resolve', label: '问题销单', status: 'running', startedAt: acceptClock.stoppedAt, stoppedAt: null });
      // 一般: five working days to resolve.
      expect(resolveClock.deadlineAt).toBe(await workingDeadline(h.dataSource, resolveClock.startedAt, 5));
      expect(resolveClock).toMatchObject({ policyKey: 'service_resolve:normal', policyVersion: expect.any(Number) });
    });

    it('resolves it, reopens it on an unsatisfied rating, resolves it again and closes it on a satisfied one', async () => {
      const resolved = await ok(resolve(first.id, { resolution: '已完成增容至2000kVA' }));
      expect(resolved).toMatchObject({ status: 'resolved', statusLabel: '待评价', reopenCount: 0 });
      expect(resolved.resolutions).toEqual([{ resolution: '已完成增容至2000kVA', by: actor(esb), at: expect.any(String) }]);
      expect(resolved.clocks[1]).toMatchObject({ status: 'met', stoppedAt: resolved.resolutions[0].at });

      const reopened = await ok(rate(first.id, { rating: 'unsatisfied', comment: '二号厂房仍未通电' }));
      expect(reopened).toMatchObject({ status: 'accepted', statusLabel: '办理中', reopenCount: 1 });
      expect(reopened.ratings).toEqual([{ rating: 'unsatisfied', ratingLabel: '不满意', comment: '二号厂房仍未通电', by: actor(esb), at: expect.any(String) }]);
      // A fresh resolve clock from the rating.
      expect(reopened.clocks[1]).toMatchObject({ clock: 'service_resolve', status: 'running', startedAt: reopened.ratings[0].at, stoppedAt: null });

      const again = await ok(resolve(first.id, { resolution: '二号厂房线路改造完成并送电' }, psb));
      expect(again.status).toBe('resolved');
      expect(again.resolutions.map((r: any) => [r.resolution, r.by.role])).toEqual([
        ['已完成增容至2000kVA', 'enterprise_service_bureau'],
        ['二号厂房线路改造完成并送电', 'project_service_bureau'],
      ]);

      const closed = await ok(rate(first.id, { rating: 'satisfied' }));
      expect(closed).toMatchObject({ status: 'closed', statusLabel: '已销单', reopenCount: 1 });
      expect(closed.ratings.map((r: any) => [r.rating, r.ratingLabel, r.comment])).toEqual([
        ['unsatisfied', '不满意', '二号厂房仍未通电'],
        ['satisfied', '满意', null],
      ]);
      expect(settled((await get(`/service-requests/${first.id}`)).body)).toEqual(settled(closed));
      first = closed;

      // Closed is final, whether its workflow is still draining or has finished.
      await refused(projectId, () => rate(first.id, { rating: 'satisfied' }), 409, 'WRONG_STAGE');
      await refused(projectId, () => resolve(first.id, { resolution: '再次办结' }), 409, 'WRONG_STAGE');
    });

    it("puts every step in the project's history, in order, with the request's own workflow and sequence", async () => {
      const res = await get(`/projects/${projectId}/history`);
      expect(res.status).toBe(200);
      const items: any[] = res.body.items;
      const times = items.map((e) => Date.parse(e.occurredAt));
      expect(times).toEqual([...times].sort((a, b) => a - b));
      const service = items.filter((e) => e.action.startsWith('service.'));
      expect(service.map((e) => [e.seq, e.action, e.actorId, e.actorRole])).toEqual([
        [1, 'service.request_raised', esb.id, 'enterprise_service_bureau'],
        [2, 'service.request_transferred', psb.id, 'project_service_bureau'],
        [3, 'service.request_accepted', esb.id, 'enterprise_service_bureau'],
        [4, 'service.request_resolved', esb.id, 'enterprise_service_bureau'],
        [5, 'service.request_reopened', esb.id, 'enterprise_service_bureau'],
        [6, 'service.request_resolved', psb.id, 'project_service_bureau'],
        [7, 'service.request_closed', esb.id, 'enterprise_service_bureau'],
      ]);
      for (const e of service) {
        expect(e).toMatchObject({ workflowId: first.workflowId, stageBefore: 'service', stageAfter: 'service', payload: expect.objectContaining({ requestId: first.id }) });
      }
      expect(service[1].payload).toMatchObject({ from: '自然资源局', to: '供电公司', reason: '电力增容不属本局职责' });
      expect(service[4].payload).toMatchObject({ rating: 'unsatisfied', comment: '二号厂房仍未通电', statusBefore: 'resolved', statusAfter: 'accepted' });
      // The project's own steps are there too, under the project's workflow.
      expect(items.filter((e) => !e.action.startsWith('service.')).every((e) => e.workflowId !== first.workflowId)).toBe(true);
    });

    it('lists the project\'s requests newest first, by status; and every project\'s by status, department and category', async () => {
      const second = await ok(raise(projectId, request({ category: 'urgent', title: '厂区道路积水', description: '雨后厂区道路积水严重', department: '住建局' })), 201);
      // 紧急: two days to resolve once accepted.
      expect(second).toMatchObject({ category: 'urgent', categoryLabel: '紧急', status: 'dispatched' });

      const all = await get(`/projects/${projectId}/service-requests`);
      expect(all.status).toBe(200);
      expect(all.body).toMatchObject({ total: 2, page: 1, pageSize: 20 });
      expect(all.body.items.map((r: any) => [r.id, r.status])).toEqual([
        [second.id, 'dispatched'],
        [first.id, 'closed'],
      ]);
      expect(settled(all.body.items[1])).toEqual(settled(first));
      const closedOnly = await get(`/projects/${projectId}/service-requests?status=closed`);
      expect(closedOnly.body.items.map((r: any) => r.id)).toEqual([first.id]);
      expect(closedOnly.body.total).toBe(1);
      const paged = await get(`/projects/${projectId}/service-requests?pageSize=1&page=2`);
      expect(paged.body).toMatchObject({ total: 2, page: 2, pageSize: 1 });
      expect(paged.body.items.map((r: any) => r.id)).toEqual([first.id]);

      // The bureau's desk, across projects: every item matches the filter, this file's requests among them.
      const desk = async (filter: string) => {
        const res = await get(`/service-requests?pageSize=100${filter}`, esb);
        expect(res.status).toBe(200);
        return res.body.items as any[];
      };
      const urgentAtHousing = await desk('&status=dispatched&department=住建局&category=urgent');
      expect(urgentAtHousing.map((r) => r.id)).toContain(second.id);
      expect(urgentAtHousing.every((r) => r.status === 'dispatched' && r.department === '住建局' && r.category === 'urgent')).toBe(true);
      const closedAtPower = await desk('&status=closed&department=供电公司');
      expect(closedAtPower.map((r) => r.id)).toContain(first.id);
      expect(closedAtPower.map((r) => r.id)).not.toContain(second.id);
      expect((await desk('&department=自然资源局')).map((r) => r.id)).not.toContain(first.id);
      const everything = await desk('');
      const raisedAt = everything.map((r) => Date.parse(r.raisedAt));
      expect(raisedAt).toEqual([...raisedAt].sort((a, b) => b - a));
    });

    it("puts an open request's next step in the Enterprise Service Bureau's work queue, and takes it out once done", async () => {
      const { body: open } = await get(`/projects/${projectId}/service-requests?status=dispatched`);
      const [second] = open.items;
      const queue = async (who: Staff) => {
        const res = await get(`/tasks?pageSize=100&stage=service`, who);
        expect(res.status).toBe(200);
        return (res.body.items as any[]).filter((t) => t.step.endsWith(`:${second.id}`) || t.step.endsWith(`:${first.id}`));
      };
      expect(await queue(esb)).toEqual([
        {
          projectId,
          companyName: company,
          stage: 'service',
          stageLabel: '投产后服务',
          step: `service.accept:${second.id}`,
          stepLabel: '部门接单：厂区道路积水',
          assignee: { role: 'enterprise_service_bureau', userId: null },
          deadlineAt: second.clocks[0].deadlineAt,
          remainingMs: expect.any(Number),
          overdue: false,
        },
      ]);
      expect(await queue(psb)).toEqual([]);

      await ok(accept(second.id, esb, {}));
      const [resolveTask] = await queue(esb);
      const accepted = (await get(`/service-requests/${second.id}`)).body;
      expect(resolveTask).toMatchObject({ step: `service.resolve:${second.id}`, stepLabel: '问题销单：厂区道路积水', deadlineAt: accepted.clocks[1].deadlineAt });
      expect(Date.parse(resolveTask.deadlineAt) - Date.parse(accepted.clocks[1].startedAt)).toBe(2 * DAY_MS);

      await ok(resolve(second.id, { resolution: '已疏通排水管网' }));
      expect((await queue(esb)).map((t) => [t.step, t.deadlineAt])).toEqual([[`service.rate:${second.id}`, null]]);
      await ok(rate(second.id, { rating: 'basically_satisfied', comment: '基本解决' }));
      expect(await queue(esb)).toEqual([]);
    });

    it('answers a repeated Idempotency-Key with the first result, and refuses the key with another body', async () => {
      const key = { 'Idempotency-Key': `raise-${randomUUID()}` };
      const body = request({ title: '员工宿舍配套', description: '申请人才公寓50套', department: '人社局' });
      const once = await ok(raise(projectId, body, esb, key), 201);
      const twice = await ok(raise(projectId, body, esb, key), 201);
      expect(twice.id).toBe(once.id);
      const titles = (await get(`/projects/${projectId}/service-requests?pageSize=100`)).body.items.map((r: any) => r.title);
      expect(titles.filter((t: string) => t === '员工宿舍配套')).toHaveLength(1);
      await refused(projectId, () => raise(projectId, { ...body, title: '另一件事' }, esb, key), 422, 'IDEMPOTENCY_CONFLICT');

      const stepKey = { 'Idempotency-Key': 'transfer-1' };
      const moved = await ok(transfer(once.id, { toDepartment: '教育局', reason: '子女入学属教育局' }, psb, stepKey));
      const repeated = await ok(transfer(once.id, { toDepartment: '教育局', reason: '子女入学属教育局' }, psb, stepKey));
      expect(repeated.transfers).toEqual(moved.transfers);
      expect(repeated.transfers).toHaveLength(1);
      await refused(projectId, () => transfer(once.id, { toDepartment: '住建局', reason: '另一理由' }, psb, stepKey), 422, 'IDEMPOTENCY_CONFLICT');
    });
  });

  describe('refusals, each changing nothing', () => {
    let serviceProject: string;
    let dispatched: any;

    beforeAll(async () => {
      serviceProject = await inService({ companyName: uniqueCompanyName('醴陵电瓷电器') });
      dispatched = await ok(raise(serviceProject, request({ title: '天然气接入', department: '城管局' })), 201);
    });

    it('refuses a raise before production (409), by the wrong role (403), on an unknown project (404), with bad content (400)', async () => {
      const building = await inConstruction({ companyName: uniqueCompanyName('株洲陶瓷窑炉') });
      const res = await refused(building, () => raise(building), 409, 'WRONG_STAGE');
      expect(res.body.message).toContain('「建设」');
      await refused(serviceProject, () => raise(serviceProject, request(), officer), 403, 'FORBIDDEN_ROLE');
      await refused(serviceProject, () => raise(serviceProject, request(), psb), 403, 'FORBIDDEN_ROLE');
      await refused(serviceProject, () => raise(serviceProject, request(), leader), 403, 'FORBIDDEN_ROLE');
      await refused(serviceProject, () => raise(randomUUID()), 404, 'NOT_FOUND');
      await refused(serviceProject, () => raise('not-a-uuid'), 400, 'VALIDATION_FAILED', 'id');
      await refused(serviceProject, () => raise(serviceProject, request({ category: 'very_urgent' })), 400, 'VALIDATION_FAILED', 'category');
      await refused(serviceProject, () => raise(serviceProject, request({ title: '   ' })), 400, 'VALIDATION_FAILED', 'title');
      await refused(serviceProject, () => raise(serviceProject, { ...request(), department: undefined }), 400, 'VALIDATION_FAILED', 'department');
      await refused(serviceProject, () => raise(serviceProject, { ...request(), raisedBy: 'x' }), 400, 'VALIDATION_FAILED', 'raisedBy');
    });

    it('refuses steps out of order (409), by the wrong role (403), and with bad content (400)', async () => {
      const id = dispatched.id;
      await refused(serviceProject, () => resolve(id, { resolution: '已办结' }), 409, 'WRONG_STAGE');
      await refused(serviceProject, () => rate(id, { rating: 'satisfied' }), 409, 'WRONG_STAGE');
      await refused(serviceProject, () => accept(id, officer), 403, 'FORBIDDEN_ROLE');
      await refused(serviceProject, () => transfer(id, { toDepartment: '供电公司', reason: '不属本局' }, auditor), 403, 'FORBIDDEN_ROLE');
      // The workflow's rule: a transfer must go somewhere else.
      await refused(serviceProject, () => transfer(id, { toDepartment: '城管局', reason: '重复' }), 400, 'VALIDATION_FAILED', 'toDepartment');
      await refused(serviceProject, () => transfer(id, { toDepartment: '供电公司' }), 400, 'VALIDATION_FAILED', 'reason');
      await refused(serviceProject, () => accept(id, esb, { note: '收到' }), 400, 'VALIDATION_FAILED', 'note');
      await refused(serviceProject, () => accept(id, esb, ['x']), 400, 'VALIDATION_FAILED', 'body');

      await ok(accept(id));
      await refused(serviceProject, () => accept(id), 409, 'WRONG_STAGE');
      await refused(serviceProject, () => transfer(id, { toDepartment: '供电公司', reason: '不属本局' }), 409, 'WRONG_STAGE');
      await refused(serviceProject, () => resolve(id, { resolution: '' }), 400, 'VALIDATION_FAILED', 'resolution');
      await ok(resolve(id, { resolution: '燃气管道已接通' }));

      await refused(serviceProject, () => rate(id, { rating: 'satisfied' }, psb), 403, 'FORBIDDEN_ROLE');
      await refused(serviceProject, () => rate(id, { rating: 'excellent' }), 400, 'VALIDATION_FAILED', 'rating');
      await refused(serviceProject, () => rate(id, { rating: 'satisfied', comment: 5 }), 400, 'VALIDATION_FAILED', 'comment');
      expect((await get(`/service-requests/${id}`)).body).toMatchObject({ status: 'resolved', ratings: [] });
    });

    it('refuses an unknown request id (404) and a malformed one (400), on reads and steps alike', async () => {
      const unknown = randomUUID();
      await refused(serviceProject, () => get(`/service-requests/${unknown}`), 404, 'NOT_FOUND');
      await refused(serviceProject, () => accept(unknown), 404, 'NOT_FOUND');
      await refused(serviceProject, () => rate(unknown, { rating: 'satisfied' }), 404, 'NOT_FOUND');
      await refused(serviceProject, () => get(`/projects/${unknown}/service-requests`), 404, 'NOT_FOUND');
      await refused(serviceProject, () => get('/service-requests/not-a-uuid'), 400, 'VALIDATION_FAILED', 'requestId');
      await refused(serviceProject, () => resolve('12345', { resolution: '已办结' }), 400, 'VALIDATION_FAILED', 'requestId');
      await refused(serviceProject, () => get('/service-requests?status=open'), 400, 'VALIDATION_FAILED', 'status');
      await refused(serviceProject, () => get('/service-requests?category=minor'), 400, 'VALIDATION_FAILED', 'category');
      await refused(serviceProject, () => get(`/projects/${serviceProject}/service-requests?department=x`), 400, 'VALIDATION_FAILED', 'department');
      await refused(serviceProject, () => h.http('GET', '/service-requests'), 401, 'UNAUTHENTICATED');
    });
  });

  it('lists the service categories, ratings and statuses with their Chinese labels in the reference data', async () => {
    const res = await get('/reference-data');
    expect(res.status).toBe(200);
    expect(res.body.serviceCategories).toEqual([
      { code: 'urgent', label: '紧急' },
      { code: 'normal', label: '一般' },
      { code: 'complex', label: '复杂' },
    ]);
    expect(res.body.satisfactionRatings).toEqual([
      { code: 'satisfied', label: '满意' },
      { code: 'basically_satisfied', label: '基本满意' },
      { code: 'unsatisfied', label: '不满意' },
    ]);
    expect(res.body.serviceStatuses).toEqual([
      { code: 'dispatched', label: '待接单' },
      { code: 'accepted', label: '办理中' },
      { code: 'resolved', label: '待评价' },
      { code: 'closed', label: '已销单' },
    ]);
    expect(res.body.clocks).toEqual(expect.arrayContaining([
      { code: 'service_accept', label: '部门接单' },
      { code: 'service_resolve', label: '问题销单' },
    ]));
  });

  it('documents the endpoints and the request view in the OpenAPI document', async () => {
    const res = await h.http('GET', '/docs-json');
    expect(res.status).toBe(200);
    const { paths, components } = res.body;
    expect(Object.keys(paths['/projects/{id}/service-requests'].post.responses)).toEqual(expect.arrayContaining(['201', '400', '403', '404', '409', '422', '503']));
    expect(paths['/projects/{id}/service-requests'].get.parameters.map((p: any) => p.name).sort()).toEqual(['id', 'page', 'pageSize', 'status']);
    expect(paths['/service-requests'].get.parameters.map((p: any) => p.name).sort()).toEqual(['category', 'department', 'page', 'pageSize', 'status']);
    expect(paths['/service-requests/{requestId}'].get).toBeDefined();
    for (const step of ['accept', 'transfer', 'resolve', 'rating']) {
      const op = paths[`/service-requests/{requestId}/${step}`]?.post;
      expect(op).toBeDefined();
      expect(Object.keys(op.responses)).toEqual(expect.arrayContaining(['200', '400', '403', '404', '409', '422', '503']));
      expect(op.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['requestId', 'Idempotency-Key']));
    }
    const schemas = components.schemas;
    expect(Object.keys(schemas.ServiceRequestViewDto.properties)).toEqual([
      'id',
      'projectId',
      'workflowId',
      'companyName',
      'category',
      'categoryLabel',
      'title',
      'description',
      'department',
      'status',
      'statusLabel',
      'raisedBy',
      'raisedAt',
      'updatedAt',
      'acceptedBy',
      'transfers',
      'resolutions',
      'ratings',
      'reopenCount',
      'clocks',
    ]);
    expect(schemas.RaiseServiceRequestDto.properties.category.enum).toEqual(['urgent', 'normal', 'complex']);
    expect(schemas.RateServiceRequestDto.properties.rating.enum).toEqual(['satisfied', 'basically_satisfied', 'unsatisfied']);
    expect(schemas.ServiceRequestPageDto.properties.items.items.$ref).toBe('#/components/schemas/ServiceRequestViewDto');
  });
});

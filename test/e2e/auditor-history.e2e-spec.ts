import { randomUUID } from 'node:crypto';
import { AUDIT_ACTION_LABELS, MILESTONE_KINDS, ROLE_LABELS, shanghaiDate, STAGE_LABELS, type Role, type Stage } from '@zs/domain';
import { DEFAULT_DEMO_PASSWORD, seedDemoZone } from '@zs/api';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleLead } from '../support/sample-lead';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const TODAY = shanghaiDate(Date.now());
const future = (days: number): string => new Date(Date.parse(`${TODAY}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/**
 * Issue 10, items 10 and 11, on a database of its own (the demo zone must stay out of the other
 * suites' way). Item 10: the history an auditor can read. Names beside ids, Chinese labels beside
 * codes, the project's and its service requests' events in one order (time, then chain
 * position), each saying which subject it belongs to; the raw fields kept; a page at a time.
 */
describe('the auditor-readable history and the demo zone', () => {
  let db: TestDatabase;
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let psb: Staff;
  let esb: Staff;
  let leader: Staff;
  let auditor: Staff;
  let projectId: string;
  let requestId: string;
  let items: any[];

  const post = (path: string, who: Staff, body: unknown) => h.http('POST', path, { token: who.token, body });
  const get = (path: string, who: Staff = auditor) => h.http('GET', path, { token: who.token });

  async function ok(res: Promise<HttpResult>, status = 200): Promise<any> {
    const r = await res;
    expect({ status: r.status, body: r.status === status ? undefined : r.body }).toEqual({ status, body: undefined });
    return r.body;
  }

  beforeAll(async () => {
    db = await createTestDatabase('auditor_history');
    h = await startE2eHarness({ databaseUrl: db.url });
    [officer, taskForce, psb, esb, leader, auditor] = await Promise.all(['officer', 'taskforce', 'psb', 'esb', 'leader', 'auditor'].map((u) => loginStaff(h, u)));

    // Lead → accepted → proceed → signed today → commissioner → plan → every node → production: in service.
    const lead = await ok(post('/leads', officer, sampleLead({ companyName: `审计可读历史测试有限公司-${randomUUID().slice(0, 8)}` })), 201);
    projectId = lead.id;
    await ok(post(`/projects/${projectId}/intake-decision`, taskForce, { action: 'accept' }));
    await ok(post(`/projects/${projectId}/negotiation-outcome`, officer, { outcome: 'proceed' }));
    await ok(
      post(`/projects/${projectId}/contract`, officer, {
        contractNo: 'AUD-2026-001',
        contractInvestmentYi: 6.8,
        signedOn: TODAY,
        committed: { constructionStart: future(10), equipmentEntry: future(40), production: future(120), firstTax: future(200) },
        factoryAreaM2: 12_000,
      }),
    );
    await ok(post(`/projects/${projectId}/commissioner`, psb, { commissionerUserId: psb.id, commissionerName: psb.displayName }));
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: psb.id, responsibleName: psb.displayName, dueOn: future(30) }));
    await ok(post(`/projects/${projectId}/milestone-plan`, psb, { nodes }));
    for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) {
      await ok(post(`/projects/${projectId}/milestones/${kind}/complete`, psb, { completedOn: TODAY, evidence: '验收单' }));
    }
    await ok(post(`/projects/${projectId}/production`, psb, { actualDate: TODAY, evidence: '投产仪式纪要' }));

    // A service request (its own workflow) with steps interleaved with the project's own.
    const raised = await ok(
      post(`/projects/${projectId}/service-requests`, esb, { category: 'normal', title: '用电增容', description: '二期产线需增容至2000kVA', department: '供电公司' }),
      201,
    );
    requestId = raised.id;
    await ok(post(`/projects/${projectId}/fulfilment-checks`, esb, { investmentInPlaceYi: 2.1, taxPaidWanYuan: 0, fulfilled: true, note: '按期推进' }));
    await ok(post(`/service-requests/${requestId}/clocks/service_accept/pause`, leader, { reason: '等待企业提供用电负荷清单' }));

    // The request's events are projected by its own workflow: wait until all three subjects' steps are in.
    for (let i = 0; i < 100; i++) {
      const res = await get(`/projects/${projectId}/history?pageSize=500`);
      items = res.body.items ?? [];
      if (items.some((e) => e.action === 'sla.paused') && items.some((e) => e.action === 'fulfilment.checked')) break;
      await new Promise((r) => setTimeout(r, 100));
    }
  });
  afterAll(async () => {
    await h?.teardown();
    await db?.drop();
  });

  it('names the actor next to the id, and labels the role, the action and the stages in Chinese', () => {
    const byAction = (action: string) => items.find((e) => e.action === action);
    expect(byAction('lead.registered')).toMatchObject({
      actorId: officer.id,
      actorName: officer.displayName,
      actorRole: 'investment_officer',
      actorRoleLabel: '招商专员',
      actionLabel: '登记线索',
      stageBefore: null,
      stageBeforeLabel: null,
      stageAfter: 'intake',
      stageAfterLabel: '48小时研判',
    });
    expect(byAction('intake.accepted')).toMatchObject({ actorName: taskForce.displayName, actionLabel: '研判通过，予以承接', stageBeforeLabel: '48小时研判', stageAfterLabel: '洽谈' });
    for (const e of items) {
      expect(e.actionLabel).toBe(AUDIT_ACTION_LABELS[e.action]);
      expect(e.actorRoleLabel).toBe(e.actorId === 'system' ? '系统' : ROLE_LABELS[e.actorRole as Role]);
      expect(e.actorName).toEqual(e.actorId === 'system' ? '系统' : expect.any(String));
      expect(e.stageAfterLabel).toBe(STAGE_LABELS[e.stageAfter as Stage]);
    }
  });

  it('names the people the payload names (the commissioner …), keeping the raw payload', () => {
    const assigned = items.find((e) => e.action === 'handover.commissioner_assigned');
    expect(assigned.payload).toMatchObject({ commissionerUserId: psb.id });
    expect(assigned.references).toContainEqual({ field: 'commissionerUserId', kind: 'user', kindLabel: '人员', id: psb.id, name: psb.displayName });
    // Every id any payload names here is a real person (or the system): each has its name beside it.
    for (const ref of items.flatMap((e) => e.references)) {
      expect(ref.name).toEqual(ref.kind === 'user' && ref.id === 'system' ? '系统' : expect.any(String));
    }
  });

  it("merges the project's and its service request's events into one ordering, each saying which subject it belongs to", () => {
    expect(items.map((e) => e.position)).toEqual(items.map((_, i) => i + 1));
    // By time, then position in the project's chain.
    const keys = items.map((e) => [Date.parse(e.occurredAt), e.chainPos]);
    expect(keys).toEqual([...keys].sort((a, b) => a[0] - b[0] || a[1] - b[1]));

    const subjectOf = (action: string) => items.find((e) => e.action === action).subject;
    expect(subjectOf('lead.registered')).toEqual({ kind: 'project', kindLabel: '项目', id: projectId, title: null });
    expect(subjectOf('service.request_raised')).toEqual({ kind: 'service_request', kindLabel: '服务请求', id: requestId, title: '用电增容' });
    const paused = items.find((e) => e.action === 'sla.paused');
    expect(paused).toMatchObject({ subject: { kind: 'service_request', id: requestId }, actorName: leader.displayName, actionLabel: '暂停计时', seq: 2 });
    expect(paused.payload).toMatchObject({ reason: '等待企业提供用电负荷清单' });

    // The subjects interleave in the one ordering: request raised, then the project's check, then the request's pause.
    const at = (action: string) => items.findIndex((e) => e.action === action);
    expect(at('service.request_raised')).toBeLessThan(at('fulfilment.checked'));
    expect(at('fulfilment.checked')).toBeLessThan(at('sla.paused'));
    expect(items[at('fulfilment.checked')].subject).toMatchObject({ kind: 'project', id: projectId });
    // Each workflow keeps its own sequence (the request counts from 1).
    expect(items.filter((e) => e.subject.kind === 'service_request').map((e) => e.seq)).toEqual([1, 2]);
    expect(new Set(items.filter((e) => e.subject.kind === 'project').map((e) => e.workflowId))).toEqual(new Set([`project-${projectId}`]));
  });

  it('pages through the history: the pages put together are the whole history, in the same order', async () => {
    const total = items.length;
    const all = await ok(get(`/projects/${projectId}/history`));
    expect(all).toMatchObject({ total, page: 1, pageSize: 200 });
    const pages: any[] = [];
    for (let page = 1; page <= Math.ceil(total / 4); page++) {
      const res = await ok(get(`/projects/${projectId}/history?page=${page}&pageSize=4`));
      expect(res).toMatchObject({ total, page, pageSize: 4 });
      expect(res.items.length).toBe(Math.min(4, total - (page - 1) * 4));
      pages.push(...res.items);
    }
    expect(pages).toEqual(all.items);
    const beyond = await ok(get(`/projects/${projectId}/history?page=${Math.ceil(total / 4) + 1}&pageSize=4`));
    expect(beyond).toMatchObject({ items: [], total });
  });

  it('refuses a bad page or page size with a 400 naming the field, and an unknown project with a 404', async () => {
    for (const [query, field] of [
      ['pageSize=0', 'pageSize'],
      ['pageSize=501', 'pageSize'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
    ]) {
      const res = await get(`/projects/${projectId}/history?${query}`);
      expect({ query, status: res.status, code: res.body.code }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED' });
      expect(res.body.details.map((d: any) => d.field)).toContain(field);
    }
    expect((await get(`/projects/${randomUUID()}/history`)).status).toBe(404);
  });

  it("labels administrators' actions and names the administrator in /audit/admin-events", async () => {
    const admin = await loginStaff(h, 'admin');
    const code = `aud-${randomUUID().slice(0, 8)}`;
    const created = await ok(post('/admin/departments', admin, { code, name: `审计测试部门-${code}`, kind: 'direct', reason: '审计可读历史测试' }), 201);
    const res = await ok(get(`/audit/admin-events?action=department.created&subject=department:${created.id}`));
    expect(res.items).toEqual([expect.objectContaining({ action: 'department.created', actionLabel: '新建部门', actorUserId: admin.id, actorName: admin.displayName })]);
  });

  /** Item 11: `npm run demo:seed`'s driver, run here through the harness's HTTP API. */
  describe('the demo zone seed', () => {
    const counts = async () => {
      const [row] = await h.dataSource.query(
        `SELECT (SELECT count(*) FROM projects)::int AS projects, (SELECT count(*) FROM audit_events)::int AS events, (SELECT count(*) FROM users)::int AS users,
                (SELECT count(*) FROM departments)::int AS departments, (SELECT count(*) FROM teams)::int AS teams, (SELECT count(*) FROM campaigns)::int AS campaigns,
                (SELECT count(*) FROM admin_audit_events)::int AS admin_events`,
      );
      return row;
    };
    let seeded: Awaited<ReturnType<typeof seedDemoZone>>;

    it('refuses an API that does not run on the embedded database of npm start, adding nothing', async () => {
      const before = await counts();
      await expect(seedDemoZone({ baseUrl: h.baseUrl, password: DEFAULT_DEMO_PASSWORD })).rejects.toThrow(/refused: .*embedded PostgreSQL/);
      expect(await counts()).toEqual(before);
    });

    it('fills the zone through the API: departments, teams, chains with 链长, a two-month campaign of 40 projects (30 imported with their past, 10 live), targets, funds', async () => {
      const lines: string[] = [];
      seeded = await seedDemoZone({ baseUrl: h.baseUrl, password: DEFAULT_DEMO_PASSWORD, force: true, log: (l) => lines.push(l), concurrency: 6 });
      expect(seeded).toMatchObject({ seeded: true, campaignName: expect.stringMatching(/^\d{4}年.季招商攻势$/) });
      expect(new Set(seeded.projectIds).size).toBe(40);

      const leader = await loginStaff(h, 'leader');
      const departments = await ok(get('/departments', leader));
      expect(departments.map((d: any) => d.name)).toEqual(expect.arrayContaining(['招商一局', '招商二局', '招商三局', '驻外招商联络处']));
      const teams = await ok(get('/teams', leader));
      expect(teams.map((t: any) => t.name)).toEqual(expect.arrayContaining(['长三角招商小分队', '驻深圳招商小分队']));
      const chains = await ok(get('/industry-chains', leader));
      expect(chains.filter((c: any) => c.chiefUserId).length).toBeGreaterThanOrEqual(6);

      // The two months ending on the day of seeding.
      const campaign = await ok(get(`/campaigns/${seeded.campaignId}`, leader));
      expect(campaign.teams).toHaveLength(5);
      expect(campaign.officers.length).toBeGreaterThanOrEqual(12);
      expect(campaign.endsOn).toBe(TODAY);
      expect(campaign.startsOn > future(-63) && campaign.startsOn < future(-57)).toBe(true);

      const projects = await ok(get(`/campaigns/${seeded.campaignId}/projects?pageSize=100`, leader));
      expect(projects.total).toBe(40);
      const items: any[] = projects.items;
      const stages = items.reduce((acc: Record<string, number>, p: any) => ({ ...acc, [p.stage]: (acc[p.stage] ?? 0) + 1 }), {});
      expect(stages).toEqual({ intake: 5, rejected: 1, negotiation: 12, lost: 1, signing: 1, construction: 14, service: 6 });

      // 10 registered live today; 30 imported with their past: negotiations on different days across the campaign,
      // signings weeks after registration during it, construction and production projects from the months before.
      expect(items.filter((p) => p.registeredOn === TODAY)).toHaveLength(10);
      const past = items.filter((p) => p.registeredOn < TODAY);
      expect(past).toHaveLength(30);
      const inPeriod = past.filter((p) => p.registeredOn >= campaign.startsOn);
      expect(new Set(inPeriod.map((p) => p.registeredOn)).size).toBeGreaterThanOrEqual(12);
      expect(inPeriod.some((p) => p.registeredOn < future(-45)) && inPeriod.some((p) => p.registeredOn > future(-15))).toBe(true);
      expect(past.filter((p) => p.registeredOn < campaign.startsOn).length).toBeGreaterThanOrEqual(10);
      const signed = items.filter((p) => p.signedOn);
      expect(signed).toHaveLength(20);
      for (const p of signed) expect(p.signedOn >= p.registeredOn).toBe(true);
      expect(signed.filter((p) => p.signedOn < TODAY && p.signedWithinPeriod).length).toBeGreaterThanOrEqual(6);
      expect(signed.filter((p) => p.signedOn < TODAY).every((p) => p.signedOn > p.registeredOn)).toBe(true);
      expect(items.reduce((sum, p) => sum + p.fundsInPlaceWithinPeriodYi, 0)).toBeGreaterThan(5);

      // The figures a newcomer looks at: KPIs by department answer non-empty figures; lead → signing takes days, not 0.
      const kpis = await ok(get('/kpis?groupBy=department', leader));
      const credited = kpis.rows.filter((r: any) => r.projectCount > 0);
      expect(credited.length).toBeGreaterThanOrEqual(4);
      const values = credited.flatMap((r: any) => Object.values(r.kpis).map((k: any) => k.value)).filter((v: unknown) => typeof v === 'number' && v > 0);
      expect(values.length).toBeGreaterThan(0);
      const byCampaign = await ok(get(`/kpis?groupBy=campaign&campaign=${seeded.campaignId}`, leader));
      const row = byCampaign.rows.find((r: any) => r.group === seeded.campaignId);
      expect(row.kpis.lead_to_signing_days_mean.value).toBeGreaterThan(14);
      expect(row.kpis.lead_to_signing_days_median.value).toBeGreaterThan(14);

      // Every project went through its workflow and the audit chain: an imported one from its import mark on,
      // its past-dated first tax after it; a live one from its registration today.
      const producing = await ok(get(`/projects/${seeded.projectIds[39]}/history`));
      expect(producing.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(['project.imported', 'tax.first_recorded']));
      const liveSigned = await ok(get(`/projects/${seeded.projectIds[9]}/history`));
      expect(liveSigned.items.map((e: any) => e.action)).toEqual(expect.arrayContaining(['lead.registered', 'signing.contract_signed', 'funds.recorded']));
      const building = await ok(get(`/projects/${seeded.projectIds[27]}`, leader));
      expect(building.registeredAt < `${TODAY}`).toBe(true);
    });

    it('adds nothing when run again', async () => {
      const before = await counts();
      const again = await seedDemoZone({ baseUrl: h.baseUrl, password: DEFAULT_DEMO_PASSWORD, force: true });
      expect(again).toMatchObject({ seeded: false, campaignId: seeded.campaignId });
      expect(new Set(again.projectIds)).toEqual(new Set(seeded.projectIds));
      expect(await counts()).toEqual(before);
    });
  });
});

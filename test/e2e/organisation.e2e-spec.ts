import { randomBytes } from 'node:crypto';
import { addDays, MILESTONE_KINDS, shanghaiDate, type MilestoneKind } from '@zs/domain';
import { departmentExists, industryChainByName, orgRefOf } from '@zs/persistence';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);
/** Other suites share the database: every name this file creates carries this suffix. */
const SUFFIX = randomBytes(4).toString('hex');

/**
 * The organisation over HTTP (issue 10): departments, teams, industry chains and accounts kept by
 * administrators (each change audited once, with before and after), read by all staff; accounts
 * created with a temporary password; service requests only to registered departments and, for a
 * 部门经办人, only those with their own department.
 */
describe('organisation', () => {
  let h: E2eHarness;
  let admin: Staff;
  let officer: Staff;
  let psb: Staff;
  let esb: Staff;
  let taskForce: Staff;
  let auditor: Staff;

  const call = (method: string, path: string, who: Staff | string, body?: unknown) =>
    h.http(method, path, { token: typeof who === 'string' ? who : who.token, ...(body === undefined ? {} : { body }) });

  async function ok(res: Promise<HttpResult>, status = 200): Promise<any> {
    const r = await res;
    expect({ status: r.status, body: r.status === status ? undefined : r.body }).toEqual({ status, body: undefined });
    return r.body;
  }

  async function refused(res: Promise<HttpResult>, status: number, code: string, field?: string): Promise<any> {
    const r = await res;
    expect({ status: r.status, code: r.body?.code }).toEqual({ status, code });
    if (field) {
      expect(r.body.details.map((d: { field: string }) => d.field)).toContain(field);
      // The message says what is wrong in Chinese.
      expect(r.body.message).toMatch(/[\u4e00-\u9fff]/);
    }
    return r.body;
  }

  /** The admin audit records of one subject, oldest first: each change exactly once. */
  async function auditTrail(subject: string): Promise<Array<{ action: string; payload: any; actorUserId: string; reason: string | null }>> {
    const res = await ok(call('GET', `/audit/admin-events?subject=${encodeURIComponent(subject)}&pageSize=100`, auditor));
    return [...res.items].reverse();
  }

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, officer, psb, esb, taskForce, auditor] = await Promise.all(['admin', 'officer', 'psb', 'esb', 'taskforce', 'auditor'].map((u) => loginStaff(h, u)));
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('lets every member of staff read the registry, seeded with the zone’s departments and 八链两组一室', async () => {
    const departments = await ok(call('GET', '/departments', officer));
    expect(departments).toEqual(expect.arrayContaining([expect.objectContaining({ name: '供电公司', kind: 'external', kindLabel: '承办单位（外部门）', active: true })]));
    expect(departments.map((d: any) => d.name)).toEqual(expect.arrayContaining(['经济合作局', '项目服务局', '企业服务局', '自然资源局']));
    const external = await ok(call('GET', '/departments?kind=external', auditor));
    expect(external.every((d: any) => d.kind === 'external')).toBe(true);
    const chains = await ok(call('GET', '/industry-chains', esb));
    expect(chains.map((c: any) => c.name)).toEqual(expect.arrayContaining(['先进轨道交通装备', '新能源汽车']));
    expect(chains.filter((c: any) => c.kind === 'chain').length).toBeGreaterThanOrEqual(8);
    expect((await call('GET', '/teams', taskForce)).status).toBe(200);
    await refused(call('GET', '/departments?kind=nonsense', officer), 400, 'VALIDATION_FAILED', 'kind');
  });

  it('refuses the admin routes to anyone but an administrator', async () => {
    for (const [method, path, body] of [
      ['GET', '/admin/users', undefined],
      ['POST', '/admin/users', { username: `x-${SUFFIX}`, displayName: 'x', role: 'auditor' }],
      ['POST', '/admin/departments', { code: `x-${SUFFIX}`, name: `x-${SUFFIX}`, kind: 'direct' }],
      ['GET', '/admin/teams', undefined],
      ['POST', '/admin/industry-chains', { name: `x-${SUFFIX}`, kind: 'chain' }],
    ] as const) {
      for (const who of [officer, auditor]) await refused(call(method, path, who, body), 403, 'FORBIDDEN_ROLE');
    }
  });

  it('keeps departments: create, edit, deactivate, list; refusals name the field; each change audited once', async () => {
    const parent = (await ok(call('GET', '/departments', admin))).find((d: any) => d.name === '经济合作局');
    const code = `zs-${SUFFIX}`;
    const created = await ok(call('POST', '/admin/departments', admin, { code, name: `招商三局-${SUFFIX}`, kind: 'direct', parentId: parent.id, reason: '机构设置' }), 201);
    expect(created).toMatchObject({ code, name: `招商三局-${SUFFIX}`, kind: 'direct', kindLabel: '直属部门', parentId: parent.id, active: true });

    await refused(call('POST', '/admin/departments', admin, { code, name: `另一个-${SUFFIX}`, kind: 'direct' }), 409, 'ALREADY_EXISTS', 'code');
    await refused(call('POST', '/admin/departments', admin, { code: `y-${SUFFIX}`, name: '供电公司', kind: 'external' }), 409, 'ALREADY_EXISTS', 'name');
    await refused(call('POST', '/admin/departments', admin, { code: `y-${SUFFIX}`, name: `y-${SUFFIX}`, kind: 'bureau', parentId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', 'parentId');
    await refused(call('POST', '/admin/departments', admin, { code: 'Bad Code', name: `y-${SUFFIX}`, kind: 'bureau' }), 400, 'VALIDATION_FAILED', 'code');
    await refused(call('POST', '/admin/departments', admin, { code: `y-${SUFFIX}`, name: `y-${SUFFIX}`, kind: 'ministry' }), 400, 'VALIDATION_FAILED', 'kind');
    await refused(call('PATCH', `/admin/departments/${created.id}`, admin, { parentId: created.id }), 400, 'VALIDATION_FAILED', 'parentId');
    await refused(call('PATCH', '/admin/departments/00000000-0000-4000-8000-000000000000', admin, { name: 'z' }), 404, 'NOT_FOUND');

    const renamed = await ok(call('PATCH', `/admin/departments/${created.id}`, admin, { name: `招商三局（更名）-${SUFFIX}`, reason: '更名' }));
    expect(renamed).toMatchObject({ id: created.id, code, name: `招商三局（更名）-${SUFFIX}`, parentId: parent.id });
    expect(await ok(call('GET', `/admin/departments/${created.id}`, admin))).toEqual(renamed);

    const deactivated = await ok(call('POST', `/admin/departments/${created.id}/deactivate`, admin, { reason: '撤并' }));
    expect(deactivated.active).toBe(false);
    expect((await ok(call('GET', '/departments?active=false', officer))).map((d: any) => d.id)).toContain(created.id);
    expect((await ok(call('GET', '/departments?active=true', officer))).map((d: any) => d.id)).not.toContain(created.id);

    const trail = await auditTrail(`department:${created.id}`);
    expect(trail.map((e) => e.action)).toEqual(['department.created', 'department.updated', 'department.deactivated']);
    expect(trail.every((e) => e.actorUserId === admin.id)).toBe(true);
    expect(trail[0].payload).toEqual({ before: null, after: expect.objectContaining({ code, name: `招商三局-${SUFFIX}` }) });
    expect(trail[1]).toMatchObject({ reason: '更名', payload: { before: { name: `招商三局-${SUFFIX}` }, after: { name: `招商三局（更名）-${SUFFIX}` } } });
    expect(trail[2].payload).toMatchObject({ before: { active: true }, after: { active: false } });

    // A deactivated department takes no new members.
    await refused(
      call('POST', '/admin/users', admin, { username: `dd-${SUFFIX}`, displayName: '某人', role: 'investment_officer', departmentId: created.id }),
      400,
      'VALIDATION_FAILED',
      'departmentId',
    );
  });

  it('keeps teams with a leader who is a member, and industry chains with 链长 and 分链长; each change audited once', async () => {
    const ecb = (await ok(call('GET', '/departments', admin))).find((d: any) => d.name === '经济合作局');
    await refused(call('POST', '/admin/teams', admin, { name: `一队-${SUFFIX}`, memberUserIds: [officer.id], leaderUserId: psb.id }), 400, 'VALIDATION_FAILED', 'leaderUserId');
    await refused(call('POST', '/admin/teams', admin, { name: `一队-${SUFFIX}`, departmentId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', 'departmentId');
    await refused(call('POST', '/admin/teams', admin, { name: `一队-${SUFFIX}`, memberUserIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'VALIDATION_FAILED', 'memberUserIds');

    const team = await ok(call('POST', '/admin/teams', admin, { name: `一队-${SUFFIX}`, departmentId: ecb.id, memberUserIds: [officer.id, taskForce.id], leaderUserId: officer.id }), 201);
    expect(team).toMatchObject({ name: `一队-${SUFFIX}`, departmentId: ecb.id, campaignId: null, leaderUserId: officer.id, memberUserIds: [officer.id, taskForce.id], active: true });
    // The leader cannot leave the team while leading it.
    await refused(call('PATCH', `/admin/teams/${team.id}`, admin, { memberUserIds: [taskForce.id] }), 400, 'VALIDATION_FAILED', 'leaderUserId');
    const edited = await ok(call('PATCH', `/admin/teams/${team.id}`, admin, { memberUserIds: [taskForce.id, psb.id], leaderUserId: psb.id }));
    expect(edited).toMatchObject({ leaderUserId: psb.id, memberUserIds: [taskForce.id, psb.id] });
    expect((await ok(call('GET', `/teams?departmentId=${ecb.id}`, officer))).map((t: any) => t.id)).toContain(team.id);
    expect((await ok(call('POST', `/admin/teams/${team.id}/deactivate`, admin, {}))).active).toBe(false);
    expect((await auditTrail(`team:${team.id}`)).map((e) => e.action)).toEqual(['team.created', 'team.updated', 'team.deactivated']);

    await refused(call('POST', '/admin/industry-chains', admin, { name: '新能源汽车', kind: 'chain' }), 409, 'ALREADY_EXISTS', 'name');
    await refused(call('POST', '/admin/industry-chains', admin, { name: `氢能-${SUFFIX}`, kind: 'chain', chiefUserId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', 'chiefUserId');
    const chain = await ok(call('POST', '/admin/industry-chains', admin, { name: `氢能-${SUFFIX}`, kind: 'chain', chiefUserId: taskForce.id, deputyUserIds: [officer.id] }), 201);
    expect(chain).toMatchObject({ name: `氢能-${SUFFIX}`, kind: 'chain', kindLabel: '产业链', chiefUserId: taskForce.id, deputyUserIds: [officer.id], active: true });
    const rechief = await ok(call('PATCH', `/admin/industry-chains/${chain.id}`, admin, { chiefUserId: psb.id, deputyUserIds: [officer.id, esb.id] }));
    expect(rechief).toMatchObject({ chiefUserId: psb.id, deputyUserIds: [officer.id, esb.id] });
    expect(await ok(call('GET', `/admin/industry-chains/${chain.id}`, admin))).toEqual(rechief);
    expect((await ok(call('POST', `/admin/industry-chains/${chain.id}/deactivate`, admin))).active).toBe(false);
    expect((await ok(call('GET', '/industry-chains?active=true', officer))).map((c: any) => c.id)).not.toContain(chain.id);
    const trail = await auditTrail(`industry_chain:${chain.id}`);
    expect(trail.map((e) => e.action)).toEqual(['industry_chain.created', 'industry_chain.updated', 'industry_chain.deactivated']);
    expect(trail[1].payload).toMatchObject({ before: { chiefUserId: taskForce.id }, after: { chiefUserId: psb.id } });
  });

  describe('accounts and the department scope of service requests', () => {
    let power: any;
    let staff: { id: string; username: string; token: string };
    let projectId: string;

    const raise = (department: string) =>
      call('POST', `/projects/${projectId}/service-requests`, esb, { category: 'normal', title: '用电增容', description: '二期产线投产需增容至2000kVA', department });

    beforeAll(async () => {
      power = (await ok(call('GET', '/departments', admin))).find((d: any) => d.name === '供电公司');
      projectId = await inService();
    });

    /** Lead → accepted → signed → commissioner, plan, every node, production: in stage service. */
    async function inService(): Promise<string> {
      const step = async (path: string, who: Staff, body: unknown, stage: string) => {
        const res = await call('POST', path, who, body);
        expect({ path, status: res.status, stage: res.body.stage, error: res.status === 200 ? undefined : res.body }).toEqual({ path, status: 200, stage, error: undefined });
      };
      const lead = await ok(call('POST', '/leads', officer, sampleLead({ companyName: `株洲组织测试电气有限公司-${SUFFIX}` })), 201);
      const id = lead.id as string;
      await step(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' }, 'negotiation');
      await step(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' }, 'signing');
      const contract = sampleContract({ signedOn: day(0), committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) } });
      await step(`/projects/${id}/contract`, officer, contract, 'construction');
      await step(`/projects/${id}/commissioner`, psb, { commissionerUserId: psb.id, commissionerName: psb.displayName }, 'construction');
      const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: psb.id, responsibleName: psb.displayName, ...(kind === 'company_registration' ? { dueOn: day(3) } : {}) }));
      await step(`/projects/${id}/milestone-plan`, psb, { nodes }, 'construction');
      // Dates may not precede the lead's registration (today): everything happens today.
      for (const kind of MILESTONE_KINDS.filter((k): k is Exclude<MilestoneKind, 'production'> => k !== 'production')) {
        await step(`/projects/${id}/milestones/${kind}/complete`, psb, { completedOn: day(0), evidence: `${kind}凭证` }, 'construction');
      }
      await step(`/projects/${id}/production`, psb, { actualDate: day(0), evidence: '首批产品下线' }, 'service');
      return id;
    }

    it('creates an account with a temporary password that must be changed before anything else', async () => {
      const username = `gd-${SUFFIX}`;
      await refused(call('POST', '/admin/users', admin, { username, displayName: '钱工', role: 'department_staff', departmentId: '00000000-0000-4000-8000-000000000000' }), 400, 'VALIDATION_FAILED', 'departmentId');
      await refused(call('POST', '/admin/users', admin, { username, displayName: '钱工', role: 'chief' }), 400, 'VALIDATION_FAILED', 'role');
      await refused(call('POST', '/admin/users', admin, { username, displayName: '钱工', role: 'department_staff', teamIds: ['00000000-0000-4000-8000-000000000000'] }), 400, 'VALIDATION_FAILED', 'teamIds');
      await refused(call('POST', '/admin/users', admin, { username: 'esb', displayName: '重名', role: 'department_staff' }), 409, 'ALREADY_EXISTS', 'username');

      const crew = await ok(call('POST', '/admin/teams', admin, { name: `供电服务队-${SUFFIX}`, departmentId: power.id }), 201);
      const created = await ok(
        call('POST', '/admin/users', admin, {
          username,
          displayName: '钱工',
          role: 'department_staff',
          departmentId: power.id,
          teamIds: [crew.id],
          email: `${username}@example.test`,
          reason: '供电公司经办人',
        }),
        201,
      );
      expect(created.user.teamIds).toEqual([crew.id]);
      // What other modules credit a person with (persistence's organisation look-ups).
      expect(await orgRefOf(h.dataSource, created.user.id)).toEqual({ userId: created.user.id, displayName: '钱工', departmentId: power.id, teamId: crew.id });
      expect(await orgRefOf(h.dataSource, '00000000-0000-4000-8000-000000000000')).toBeNull();
      expect(await departmentExists(h.dataSource, power.id)).toBe(true);
      expect(await departmentExists(h.dataSource, 'not-a-uuid')).toBe(false);
      expect(await industryChainByName(h.dataSource, '先进轨道交通装备')).toMatchObject({ name: '先进轨道交通装备', kind: 'chain', active: true });
      expect(await industryChainByName(h.dataSource, '不存在的链')).toBeNull();
      expect(created).toEqual({
        user: expect.objectContaining({ id: expect.any(String), username, role: 'department_staff', roleLabel: '部门经办人', departmentId: power.id, departmentName: '供电公司', active: true, mustChangePassword: true }),
        temporaryPassword: expect.any(String),
        mustChangePassword: true,
      });

      const login = await ok(h.http('POST', '/auth/login', { body: { username, password: created.temporaryPassword } }));
      expect(login.mustChangePassword).toBe(true);
      await refused(call('GET', '/departments', login.accessToken), 403, 'PASSWORD_CHANGE_REQUIRED');
      const newPassword = `Pw-${SUFFIX}-Strong!9x`;
      const changed = await ok(call('POST', '/auth/password', login.accessToken, { currentPassword: created.temporaryPassword, newPassword }));
      staff = { id: created.user.id, username, token: changed.accessToken };
      expect((await ok(call('GET', '/auth/me', staff.token))).id).toBe(staff.id);

      const listed = await ok(call('GET', `/admin/users?role=department_staff&departmentId=${power.id}&q=${encodeURIComponent(username)}`, admin));
      expect(listed).toMatchObject({ total: 1, page: 1, items: [{ id: staff.id, username, mustChangePassword: false }] });
      await refused(call('GET', '/admin/users?pageSize=1000', admin), 400, 'VALIDATION_FAILED', 'pageSize');
    });

    it('dispatches service requests only to registered departments, stored under their registered name', async () => {
      await refused(raise('不存在的局'), 400, 'VALIDATION_FAILED', 'department');
      const byCode = await ok(raise('zrzyj'), 201);
      expect(byCode.department).toBe('自然资源局');
      await refused(call('POST', `/service-requests/${byCode.id}/transfer`, psb, { toDepartment: '火星办', reason: '不属本局' }), 400, 'VALIDATION_FAILED', 'toDepartment');
    });

    it('lets a 部门经办人 accept only requests with their own department (403 FORBIDDEN_NOT_OWNER otherwise)', async () => {
      const elsewhere = await ok(raise('自然资源局'), 201);
      const refusal = await refused(call('POST', `/service-requests/${elsewhere.id}/accept`, staff.token), 403, 'FORBIDDEN_NOT_OWNER');
      expect(refusal.message).toContain('服务请求限承办部门办理');
      expect((await ok(call('GET', `/service-requests/${elsewhere.id}`, auditor))).status).toBe('dispatched');

      const own = await ok(raise('供电公司'), 201);
      const accepted = await ok(call('POST', `/service-requests/${own.id}/accept`, staff.token));
      expect(accepted).toMatchObject({ status: 'accepted', acceptedBy: { userId: staff.id, role: 'department_staff' } });
      // The bureau still acts on any department's request.
      expect((await ok(call('POST', `/service-requests/${elsewhere.id}/accept`, esb))).status).toBe('accepted');
    });

    it('edits (a new department applies at once), deactivates (revoking tokens) and reactivates the account, each audited once', async () => {
      await refused(call('PATCH', `/admin/users/${staff.id}`, admin, { departmentId: 'not-a-uuid' }), 400, 'VALIDATION_FAILED', 'departmentId');
      await refused(call('PATCH', `/admin/users/${staff.id}`, admin, { email: 'not-an-email' }), 400, 'VALIDATION_FAILED', 'email');
      const edited = await ok(call('PATCH', `/admin/users/${staff.id}`, admin, { displayName: '钱工程师', reason: '更正姓名' }));
      expect(edited).toMatchObject({ displayName: '钱工程师', departmentId: power.id });
      // A name change keeps the tokens.
      expect((await call('GET', '/auth/me', staff.token)).status).toBe(200);

      // A transfer to another department applies from the next request, with the same token.
      const land = (await ok(call('GET', '/departments', admin))).find((d: any) => d.name === '自然资源局');
      expect(await ok(call('PATCH', `/admin/users/${staff.id}`, admin, { departmentId: land.id }))).toMatchObject({ departmentId: land.id, departmentName: '自然资源局' });
      const landRequest = await ok(raise('自然资源局'), 201);
      expect((await ok(call('POST', `/service-requests/${landRequest.id}/accept`, staff.token))).acceptedBy).toMatchObject({ userId: staff.id, departmentName: '自然资源局' });
      const powerRequest = await ok(raise('供电公司'), 201);
      await refused(call('POST', `/service-requests/${powerRequest.id}/accept`, staff.token), 403, 'FORBIDDEN_NOT_OWNER');

      const deactivated = await ok(call('POST', `/admin/users/${staff.id}/deactivate`, admin, { reason: '调离' }));
      expect(deactivated.active).toBe(false);
      expect((await call('GET', '/auth/me', staff.token)).status).toBe(401);
      expect((await h.http('POST', '/auth/login', { body: { username: staff.username, password: `Pw-${SUFFIX}-Strong!9x` } })).status).toBe(401);
      await refused(call('POST', `/admin/users/${admin.id}/deactivate`, admin), 400, 'VALIDATION_FAILED', 'id');

      expect((await ok(call('POST', `/admin/users/${staff.id}/activate`, admin))).active).toBe(true);
      expect((await h.http('POST', '/auth/login', { body: { username: staff.username, password: `Pw-${SUFFIX}-Strong!9x` } })).status).toBe(200);
      await refused(call('POST', '/admin/users/00000000-0000-4000-8000-000000000000/activate', admin), 404, 'NOT_FOUND');

      const trail = await auditTrail(`user:${staff.id}`);
      expect(trail.map((e) => e.action)).toEqual(['user.created', 'user.updated', 'user.updated', 'user.deactivated', 'user.activated']);
      expect(trail[1].payload).toMatchObject({ before: { displayName: '钱工' }, after: { displayName: '钱工程师' } });
      expect(JSON.stringify(trail)).not.toMatch(/argon2|temporaryPassword/);
    });
  });
});

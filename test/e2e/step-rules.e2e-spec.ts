import { randomBytes } from 'node:crypto';
import { addDays, MILESTONE_KINDS, shanghaiDate, type Role } from '@zs/domain';
import { insertUserIfAbsent } from '@zs/persistence';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { expectRefused, loginStaff, type Staff } from '../support/e2e-staff';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);
const FAR = day(200);

/**
 * Authorisation beyond the role (issue 9, item 6) over HTTP: each finding of the outside testers,
 * refused (403 FORBIDDEN_NOT_OWNER naming the rule, or 400 naming the field) with nothing changed:
 * not the project view, not its history, not a row of the database; then the right person succeeds.
 */
describe('per-person step rules over HTTP', () => {
  let h: E2eHarness;
  let officer: Staff;
  let otherOfficer: Staff;
  let taskForce: Staff;
  let psb: Staff;
  let otherPsb: Staff;
  let esb: Staff;
  let leader: Staff;
  let auditor: Staff;

  const post = (path: string, who: Staff, body: unknown) => h.http('POST', path, { token: who.token, body });
  const get = (path: string) => h.http('GET', path, { token: auditor.token });

  /** The project as staff see it (without the fields that move with the wall clock) and its history. */
  async function seen(id: string) {
    const strip = (v: unknown): unknown =>
      Array.isArray(v)
        ? v.map(strip)
        : v && typeof v === 'object'
          ? Object.fromEntries(Object.entries(v).filter(([k]) => !['remainingMs', 'pausedMs', 'deadlineAt', 'status', 'overdue'].includes(k)).map(([k, x]) => [k, strip(x)]))
          : v;
    const [view, history] = await Promise.all([get(`/projects/${id}`), get(`/projects/${id}/history`)]);
    expect(view.status).toBe(200);
    expect(history.status).toBe(200);
    return { view: strip(view.body), history: history.body };
  }

  /** Refused as expected, with the project view and its history exactly as before. */
  async function refusedUnchanged(id: string, send: () => Promise<HttpResult>, status: number, code: string, expected: { rule?: string; field?: string }) {
    const before = await seen(id);
    const res = await expectRefused(h, id, send, status, code, expected.field);
    if (expected.rule) expect(res.body.message).toContain(`违反规则「${expected.rule}」`);
    if (expected.field) expect(res.body.details.find((d: { field: string }) => d.field === expected.field).message).toMatch(/[\u4e00-\u9fff]/);
    expect(await seen(id)).toEqual(before);
    return res;
  }

  async function newStaff(role: Role, department: string): Promise<Staff> {
    const username = `rules-${randomBytes(4).toString('hex')}`;
    // The demo password's hash, as seeded for the demo officer, so the harness can log the new colleague in.
    const [{ password_hash: passwordHash }] = await h.dataSource.query(`SELECT password_hash FROM users WHERE username = 'officer'`);
    await insertUserIfAbsent(h.dataSource, { username, displayName: `测试${role}`, role, department, passwordHash, email: `${username}@example.test` });
    return loginStaff(h, username);
  }

  async function ok(res: Promise<HttpResult>, status = 200): Promise<HttpResult> {
    const r = await res;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r;
  }

  async function registered(): Promise<string> {
    const res = await ok(post('/leads', officer, sampleLead({ companyName: `株洲规则测试${randomBytes(3).toString('hex')}有限公司` })), 201);
    return res.body.id as string;
  }

  async function inNegotiation(): Promise<string> {
    const id = await registered();
    await ok(post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' }));
    return id;
  }

  async function inConstruction(): Promise<string> {
    const id = await inNegotiation();
    await ok(post(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' }));
    await ok(post(`/projects/${id}/contract`, officer, sampleContract({ signedOn: TODAY, committed: { constructionStart: FAR, equipmentEntry: FAR, production: FAR, firstTax: FAR } })));
    return id;
  }

  const planBody = () => ({ nodes: MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: psb.id, responsibleName: psb.displayName, dueOn: FAR })) });

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, psb, esb, leader, auditor] = await Promise.all(['officer', 'taskforce', 'psb', 'esb', 'leader', 'auditor'].map((u) => loginStaff(h, u)));
    otherOfficer = await newStaff('investment_officer', '招商二局');
    otherPsb = await newStaff('project_service_bureau', '项目服务局');
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it("refuses one officer marking another officer's lead lost (403); the owner and the bureau head may", async () => {
    const id = await inNegotiation();
    const lost = { outcome: 'lost', reason: '企业另选他处' };
    await refusedUnchanged(id, () => post(`/projects/${id}/negotiation-outcome`, otherOfficer, lost), 403, 'FORBIDDEN_NOT_OWNER', { rule: '洽谈步骤限项目负责人' });
    await refusedUnchanged(id, () => post(`/projects/${id}/negotiation-contacts`, otherOfficer, { kind: 'visit', date: TODAY, participants: '王经理', location: '园区', outcome: '代为跟进' }), 403, 'FORBIDDEN_NOT_OWNER', {
      rule: '洽谈步骤限项目负责人',
    });
    const concluded = await ok(post(`/projects/${id}/negotiation-outcome`, officer, lost));
    expect(concluded.body.stage).toBe('lost');
  });

  it('refuses a bureau member other than the named commissioner: laying out the plan, completing a milestone, naming himself (403)', async () => {
    const id = await inConstruction();
    // Before anyone is named, no member may lay out the plan.
    await refusedUnchanged(id, () => post(`/projects/${id}/milestone-plan`, otherPsb, planBody()), 403, 'FORBIDDEN_NOT_OWNER', { rule: '建设步骤限项目专员' });
    await ok(post(`/projects/${id}/commissioner`, psb, { commissionerUserId: psb.id, commissionerName: psb.displayName }));

    await refusedUnchanged(id, () => post(`/projects/${id}/milestone-plan`, otherPsb, planBody()), 403, 'FORBIDDEN_NOT_OWNER', { rule: '建设步骤限项目专员' });
    await ok(post(`/projects/${id}/milestone-plan`, psb, planBody()));
    const completion = { completedOn: TODAY, evidence: '营业执照' };
    await refusedUnchanged(id, () => post(`/projects/${id}/milestones/company_registration/complete`, otherPsb, completion), 403, 'FORBIDDEN_NOT_OWNER', { rule: '建设步骤限项目专员' });
    await refusedUnchanged(id, () => post(`/projects/${id}/progress`, otherPsb, { date: TODAY, note: '进场' }), 403, 'FORBIDDEN_NOT_OWNER', { rule: '建设步骤限项目专员' });
    await refusedUnchanged(id, () => post(`/projects/${id}/commissioner`, otherPsb, { commissionerUserId: otherPsb.id, commissionerName: otherPsb.displayName }), 403, 'FORBIDDEN_NOT_OWNER', {
      rule: '更换项目专员限局负责人',
    });

    // The commissioner completes the node; the head (zone leadership) changes the commissioner.
    await ok(post(`/projects/${id}/milestones/company_registration/complete`, psb, completion));
    const reassigned = await ok(post(`/projects/${id}/commissioner`, leader, { commissionerUserId: otherPsb.id, commissionerName: otherPsb.displayName }));
    expect(reassigned.body.handover.commissioner).toMatchObject({ userId: otherPsb.id });
  });

  it('refuses a commissioner or responsible person who is not an active user of the right role (400 naming the field)', async () => {
    const id = await inConstruction();
    const name = (commissionerUserId: string) => post(`/projects/${id}/commissioner`, psb, { commissionerUserId, commissionerName: '某人' });
    await refusedUnchanged(id, () => name('no-such-user-!!'), 400, 'VALIDATION_FAILED', { field: 'commissionerUserId' });
    await refusedUnchanged(id, () => name(auditor.id), 400, 'VALIDATION_FAILED', { field: 'commissionerUserId' });
    await refusedUnchanged(id, () => name(esb.id), 400, 'VALIDATION_FAILED', { field: 'commissionerUserId' });
    await ok(name(psb.id));
    const body = planBody();
    body.nodes[2] = { ...body.nodes[2], responsibleUserId: 'no-such-user-!!' };
    await refusedUnchanged(id, () => post(`/projects/${id}/milestone-plan`, psb, body), 400, 'VALIDATION_FAILED', { field: 'nodes[2].responsibleUserId' });
    // A colleague of another bureau may be responsible for a node.
    const withColleague = planBody();
    withColleague.nodes[1] = { ...withColleague.nodes[1], responsibleUserId: esb.id, responsibleName: esb.displayName };
    await ok(post(`/projects/${id}/milestone-plan`, psb, withColleague));
  });

  it("refuses the Enterprise Service Bureau pausing the task force's 48-hour clock, and the task force without an open information request (403)", async () => {
    const id = await registered();
    const pause = (who: Staff) => post(`/projects/${id}/clocks/intake_decision/pause`, who, { reason: '等待企业补充材料' });
    await refusedUnchanged(id, () => pause(esb), 403, 'FORBIDDEN_NOT_OWNER', { rule: '暂停/恢复计时限时限责任方' });
    await refusedUnchanged(id, () => pause(taskForce), 403, 'FORBIDDEN_NOT_OWNER', { rule: '暂停计时须符合该时限允许的事由' });
    // The clock stops the way the domain has it: the task force asks for information.
    const asked = await ok(post(`/projects/${id}/intake-decision`, taskForce, { action: 'request_info', missing: '近三年财务报表' }));
    expect(asked.body.clocks[0]).toMatchObject({ clock: 'intake_decision', paused: true });
    await refusedUnchanged(id, () => post(`/projects/${id}/clocks/intake_decision/resume`, esb, { reason: '材料已补齐' }), 409, 'WRONG_STAGE', {});
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import { addDays, shanghaiDate, type Role } from '@zs/domain';
import { insertUserIfAbsent } from '@zs/persistence';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { expectRefused, loginStaff, type Staff } from '../support/e2e-staff';
import { auditOf } from '../support/read-model';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);

/**
 * The four steps issue 10 added through the step catalogue, over HTTP: 调整归属, 到位资金, 走访, 首次纳税.
 * Each: 400 naming the field in Chinese, 403 for the wrong role or person, 409 in the wrong stage
 * (or a repeat), the happy path, and its audit event recorded once.
 */
describe('steps added through the step catalogue, over HTTP', () => {
  let h: E2eHarness;
  let reporter: Staff; // an officer of department A who reports the leads
  let colleague: Staff; // a Project Service Bureau member of the same department A (全民招商 follow-up)
  let stranger: Staff; // a Project Service Bureau member of department B
  let newOwner: Staff; // an officer of department B
  let taskForce: Staff;
  let ecbHead: Staff;
  let esb: Staff;
  let leader: Staff;
  let departmentB: string;

  const post = (path: string, who: Staff, body: unknown) => h.http('POST', path, { token: who.token, body });

  async function ok(res: Promise<HttpResult>, status = 200): Promise<HttpResult> {
    const r = await res;
    expect({ status: r.status, body: r.body }).toMatchObject({ status });
    return r;
  }

  /** 400 VALIDATION_FAILED naming `field`, its message in Chinese, nothing changed. */
  async function badField(id: string, send: () => Promise<HttpResult>, field: string) {
    const res = await expectRefused(h, id, send, 400, 'VALIDATION_FAILED', field);
    expect(res.body.details.find((d: { field: string }) => d.field === field).message).toMatch(/[\u4e00-\u9fff]/);
  }

  async function department(name: string): Promise<string> {
    const [{ id }] = await h.dataSource.query(`INSERT INTO departments (code, name, kind) VALUES ($1, $2, 'bureau') RETURNING id::text AS id`, [
      `d-${randomBytes(4).toString('hex')}`,
      `${name}${randomBytes(3).toString('hex')}`,
    ]);
    return id as string;
  }

  async function newStaff(role: Role, departmentId: string | null): Promise<Staff> {
    const username = `steps-${randomBytes(4).toString('hex')}`;
    const [{ password_hash: passwordHash }] = await h.dataSource.query(`SELECT password_hash FROM users WHERE username = 'officer'`);
    await insertUserIfAbsent(h.dataSource, { username, displayName: `测试${role}`, role, department: '招商局', passwordHash, email: `${username}@example.test` });
    if (departmentId) await h.dataSource.query(`UPDATE users SET department_id = $1 WHERE username = $2`, [departmentId, username]);
    return loginStaff(h, username);
  }

  async function inNegotiation(): Promise<string> {
    const res = await ok(post('/leads', reporter, sampleLead()), 201);
    const id = res.body.id as string;
    await ok(post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' }));
    return id;
  }

  async function inConstruction(): Promise<string> {
    const id = await inNegotiation();
    await ok(post(`/projects/${id}/negotiation-outcome`, reporter, { outcome: 'proceed' }));
    await ok(post(`/projects/${id}/contract`, reporter, sampleContract({ signedOn: TODAY, committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) } })));
    return id;
  }

  const actionsOf = async (id: string, action: string) => (await auditOf(h.dataSource, id)).filter((a) => a.action === action);

  beforeAll(async () => {
    h = await startE2eHarness();
    [taskForce, ecbHead, esb, leader] = await Promise.all(['taskforce', 'ecb-head', 'esb', 'leader'].map((u) => loginStaff(h, u)));
    const departmentA = await department('招商一局');
    departmentB = await department('招商二局');
    [reporter, colleague, stranger, newOwner] = await Promise.all([
      newStaff('investment_officer', departmentA),
      newStaff('project_service_bureau', departmentA),
      newStaff('project_service_bureau', departmentB),
      newStaff('investment_officer', departmentB),
    ]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('POST /projects/:id/visits: any open stage, the owner, the reporting department or a head; the negotiation cadence is not restarted', async () => {
    const id = await inNegotiation();
    const visit = { kind: 'trip', date: TODAY, participants: '李明、企业王经理', summary: '赴深圳拜访企业总部，了解扩产计划' };
    await badField(id, () => post(`/projects/${id}/visits`, reporter, { ...visit, kind: 'party' }), 'kind');
    await badField(id, () => post(`/projects/${id}/visits`, reporter, { ...visit, date: '2026-02-30' }), 'date');
    await badField(id, () => post(`/projects/${id}/visits`, reporter, { ...visit, date: day(1) }), 'date');
    await badField(id, () => post(`/projects/${id}/visits`, reporter, { ...visit, summary: ' ' }), 'summary');
    await expectRefused(h, id, () => post(`/projects/${id}/visits`, taskForce, visit), 403, 'FORBIDDEN_ROLE');
    await expectRefused(h, id, () => post(`/projects/${id}/visits`, stranger, visit), 403, 'FORBIDDEN_NOT_OWNER');

    const before = (await h.http('GET', `/projects/${id}`, { token: leader.token })).body;
    const first = await ok(post(`/projects/${id}/visits`, reporter, visit));
    expect(first.body.stage).toBe('negotiation');
    const after = (await h.http('GET', `/projects/${id}`, { token: leader.token })).body;
    expect(after.negotiation?.followUp ?? null).toEqual(before.negotiation?.followUp ?? null);
    await ok(post(`/projects/${id}/visits`, colleague, { ...visit, kind: 'visit' }));
    await ok(post(`/projects/${id}/visits`, ecbHead, { ...visit, kind: 'meeting' }));
    expect(await actionsOf(id, 'project.visit_recorded')).toHaveLength(3);
    expect(await actionsOf(id, 'negotiation.contact_recorded')).toHaveLength(0);
    expect(after.visits).toEqual([expect.objectContaining({ kind: 'trip', kindLabel: '外出招商', date: TODAY, stage: 'negotiation' })]);

    // After signing too (before: contacts only in negotiation); a lost project takes none.
    const signed = await inConstruction();
    await ok(post(`/projects/${signed}/visits`, colleague, { ...visit, kind: 'site_inspection' }));
    const lost = await inNegotiation();
    await ok(post(`/projects/${lost}/negotiation-outcome`, reporter, { outcome: 'lost', reason: '企业另选他处' }));
    await expectRefused(h, lost, () => post(`/projects/${lost}/visits`, reporter, visit), 409, 'WRONG_STAGE');
  });

  it('POST /projects/:id/ownership: the bureau head or leadership reassigns the owner (with department and team) and the campaign, audited with before/after', async () => {
    const id = await inNegotiation();
    const body = { ownerUserId: newOwner.id, reason: '原负责人调岗，移交招商二局' };
    await badField(id, () => post(`/projects/${id}/ownership`, ecbHead, { ...body, reason: '' }), 'reason');
    await badField(id, () => post(`/projects/${id}/ownership`, ecbHead, { ...body, ownerUserId: randomUUID() }), 'ownerUserId');
    await badField(id, () => post(`/projects/${id}/ownership`, ecbHead, { ...body, campaignId: randomUUID() }), 'campaignId');
    await badField(id, () => post(`/projects/${id}/ownership`, ecbHead, { reason: '无变化' }), 'ownerUserId');
    await expectRefused(h, id, () => post(`/projects/${id}/ownership`, reporter, body), 403, 'FORBIDDEN_ROLE');

    const [{ id: campaignId }] = await h.dataSource.query(
      `INSERT INTO campaigns (name, starts_on, ends_on, created_by) VALUES ('夏季招商攻势', $1, $2, $3) RETURNING id::text AS id`,
      [day(-30), day(30), ecbHead.id],
    );
    const res = await ok(post(`/projects/${id}/ownership`, leader, { ...body, campaignId }));
    expect(res.body.stage).toBe('negotiation');
    const events = await actionsOf(id, 'project.ownership_reassigned');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toMatchObject({
      before: { campaignId: null },
      after: { owner: { userId: newOwner.id, departmentId: departmentB }, campaignId },
      reason: body.reason,
    });
    // The new owner may now record visits on it.
    await ok(post(`/projects/${id}/visits`, newOwner, { kind: 'call', date: TODAY, participants: '王经理', summary: '电话跟进' }));
    const lost = await inNegotiation();
    await ok(post(`/projects/${lost}/negotiation-outcome`, reporter, { outcome: 'lost', reason: '企业另选他处' }));
    await expectRefused(h, lost, () => post(`/projects/${lost}/ownership`, ecbHead, body), 409, 'WRONG_STAGE');
  });

  it('POST /projects/:id/funds: from signing on (also during construction), dated, once per request', async () => {
    const early = await inNegotiation();
    const funds = { amountYi: 1.2345, date: TODAY, source: 'equity', evidence: '银行进账单 No.0031' };
    await expectRefused(h, early, () => post(`/projects/${early}/funds`, esb, funds), 409, 'WRONG_STAGE');

    const id = await inConstruction();
    await badField(id, () => post(`/projects/${id}/funds`, esb, { ...funds, amountYi: '1.2' }), 'amountYi');
    await badField(id, () => post(`/projects/${id}/funds`, esb, { ...funds, amountYi: 0 }), 'amountYi');
    await badField(id, () => post(`/projects/${id}/funds`, esb, { ...funds, amountYi: 1.23456 }), 'amountYi');
    await badField(id, () => post(`/projects/${id}/funds`, esb, { ...funds, date: day(-1) }), 'date');
    await badField(id, () => post(`/projects/${id}/funds`, esb, { ...funds, date: '9999-01-01' }), 'date');
    await badField(id, () => post(`/projects/${id}/funds`, esb, { ...funds, source: 'gift' }), 'source');
    await expectRefused(h, id, () => post(`/projects/${id}/funds`, leader, funds), 403, 'FORBIDDEN_ROLE');

    const headers = { 'idempotency-key': `funds-${randomUUID()}` };
    const first = await h.http('POST', `/projects/${id}/funds`, { token: esb.token, body: funds, headers });
    expect(first.status).toBe(200);
    expect(first.body.stage).toBe('construction');
    const again = await h.http('POST', `/projects/${id}/funds`, { token: esb.token, body: funds, headers });
    expect(again.status).toBe(200);
    await ok(post(`/projects/${id}/funds`, reporter, { ...funds, amountYi: 0.5, source: 'loan' }));
    const recorded = await actionsOf(id, 'funds.recorded');
    expect(recorded.map((a) => a.payload.amountYi)).toEqual([1.2345, 0.5]);
    expect(new Set(recorded.map((a) => a.payload.entryId)).size).toBe(2);
    const view = (await h.http('GET', `/projects/${id}`, { token: leader.token })).body;
    expect(view.funds.map((f: { amountYi: number; sourceLabel: string }) => [f.amountYi, f.sourceLabel])).toEqual([
      [1.2345, '股权投资'],
      [0.5, '银行贷款'],
    ]);
    expect(view.fundsInPlaceYi).toBe(1.7345);
  });

  it('POST /projects/:id/first-tax: construction or service, once (a second time 409 ALREADY_EXISTS)', async () => {
    const early = await inNegotiation();
    await expectRefused(h, early, () => post(`/projects/${early}/first-tax`, esb, { date: TODAY }), 409, 'WRONG_STAGE');
    const id = await inConstruction();
    await badField(id, () => post(`/projects/${id}/first-tax`, esb, { date: '2026-13-01' }), 'date');
    await badField(id, () => post(`/projects/${id}/first-tax`, esb, { date: TODAY, amountWanYuan: 'many' }), 'amountWanYuan');
    await expectRefused(h, id, () => post(`/projects/${id}/first-tax`, reporter, { date: TODAY }), 403, 'FORBIDDEN_ROLE');
    await ok(post(`/projects/${id}/first-tax`, esb, { date: TODAY, amountWanYuan: 86.5 }));
    await expectRefused(h, id, () => post(`/projects/${id}/first-tax`, ecbHead, { date: TODAY }), 409, 'ALREADY_EXISTS');
    const events = await actionsOf(id, 'tax.first_recorded');
    expect(events).toHaveLength(1);
    expect(events[0]!.payload).toEqual({ date: TODAY, amountWanYuan: 86.5 });
    expect((await h.http('GET', `/projects/${id}`, { token: leader.token })).body.firstTax).toMatchObject({ date: TODAY, amountWanYuan: 86.5 });
  });
});

import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { auditOf, tableCounts } from '../support/read-model';
import { sampleLead } from '../support/sample-lead';

type Body = Record<string, unknown>;

/** A fresh key per test, so tests never see each other's projects. */
const newKey = (label: string) => `${label}-${randomUUID()}`;

/** A project view without the fields that move with the wall clock between two answers. */
function stable(view: Body): Body {
  const clocks = (view.clocks as Body[] | undefined)?.map(({ remainingMs: _remainingMs, ...rest }) => rest);
  return { ...view, clocks };
}

/** The error envelope: exact status and code, a correlation id, and a message matching `names`. */
function expectRefusal(res: HttpResult, status: number, code: string, names: RegExp): void {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { statusCode: status, code, message: expect.stringMatching(names), correlationId: expect.any(String) },
  });
}

/** Rejects when `work` has not settled in `ms`: a hung request fails the test instead of timing it out. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

async function terminateWorkflow(workflowId: string): Promise<void> {
  const connection = await Connection.connect({ address: stackEnv('temporalAddress') });
  try {
    await new Client({ connection, namespace: stackEnv('temporalNamespace') }).workflow.getHandle(workflowId).terminate('e2e clean-up').catch(() => undefined);
  } finally {
    await connection.close();
  }
}

/** Retries are safe: a repeated Idempotency-Key lands on the first result and records nothing new. */
describe('Idempotency-Key', () => {
  let h: E2eHarness;
  let officer: string;
  let ecbHead: string;
  let taskForce: string;

  // One company per key: a retry sends the same body, and leads of different keys are not duplicates of each other.
  const leadFor = (key: string) => sampleLead({ companyName: `幂等测试${key}有限公司` });
  const registerLead = (token: string, key: string, lead: Body = leadFor(key) as unknown as Body) =>
    h.http('POST', '/leads', { token, body: lead, headers: { 'idempotency-key': key } });
  const decide = (projectId: string, body: Body, key: string) =>
    h.http('POST', `/projects/${projectId}/intake-decision`, { token: taskForce, body, headers: { 'idempotency-key': key } });

  async function register(): Promise<string> {
    const res = await h.http('POST', '/leads', { token: officer, body: sampleLead() });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, ecbHead, taskForce] = await Promise.all([h.login('officer'), h.login('ecb-head'), h.login('taskforce')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('registers one project for the same key sent twice, and answers both with the same project', async () => {
    const key = newKey('lead');
    const before = await tableCounts(h.dataSource);

    const first = await registerLead(officer, key);
    const second = await registerLead(officer, key);

    expect([first.status, second.status]).toEqual([201, 201]);
    expect(second.body.id).toBe(first.body.id);
    expect(stable(second.body)).toEqual(stable(first.body));
    expect(await tableCounts(h.dataSource)).toEqual({ ...before, projects: before.projects + 1, audit_events: before.audit_events + 1 });
    expect((await auditOf(h.dataSource, first.body.id)).map((e) => e.action)).toEqual(['lead.registered']);
  });

  it('refuses the same key with a different body with 422 IDEMPOTENCY_CONFLICT and changes nothing', async () => {
    const key = newKey('lead');
    const first = await registerLead(officer, key);
    expect(first.status).toBe(201);
    const before = { counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, first.body.id) };

    const conflicting = await registerLead(officer, key, { ...leadFor(key), companyName: '另一家公司' });

    expectRefusal(conflicting, 422, 'IDEMPOTENCY_CONFLICT', /Idempotency-Key/);
    expect({ counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, first.body.id) }).toEqual(before);
    const read = await h.http('GET', `/projects/${first.body.id}`, { token: officer });
    expect(read.body.lead.companyName).toBe(leadFor(key).companyName);
  });

  it('registers one project for ten concurrent requests with the same key', async () => {
    const key = newKey('burst');
    const before = await tableCounts(h.dataSource);

    const answers = await Promise.all(Array.from({ length: 10 }, () => registerLead(officer, key)));

    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await tableCounts(h.dataSource)).toEqual({ ...before, projects: before.projects + 1, audit_events: before.audit_events + 1 });
    expect((await auditOf(h.dataSource, answers[0].body.id)).map((e) => e.action)).toEqual(['lead.registered']);
  });

  it.each([
    ['an acceptance', { action: 'accept' }, 'intake.accepted'],
    // A rejection ends the workflow run: the retry is answered from a closed run.
    ['a rejection', { action: 'reject', reason: '不符合园区产业定位' }, 'intake.rejected'],
  ])('records %s retried with the same key once, and answers both with 200 and the same project', async (_label, body, action) => {
    const id = await register();
    const key = newKey('decision');
    const before = await tableCounts(h.dataSource);

    const first = await decide(id, body, key);
    const retry = await decide(id, body, key);

    expect([first.status, retry.status]).toEqual([200, 200]);
    expect(stable(retry.body)).toEqual(stable(first.body));
    expect(await tableCounts(h.dataSource)).toEqual({ ...before, audit_events: before.audit_events + 1 });
    expect((await auditOf(h.dataSource, id)).map((e) => e.action)).toEqual(['lead.registered', action]);
  });

  it('gives a different user with the same key a project of their own', async () => {
    const key = newKey('shared');
    const before = await tableCounts(h.dataSource);

    const mine = await registerLead(officer, key);
    // Another company: the same one would be refused as a suspected duplicate of mine (issue 10).
    const theirs = await registerLead(ecbHead, key, sampleLead() as unknown as Body);

    expect([mine.status, theirs.status]).toEqual([201, 201]);
    expect(theirs.body.id).not.toBe(mine.body.id);
    expect(mine.body.registeredBy.role).toBe('investment_officer');
    expect(theirs.body.registeredBy.role).toBe('economic_cooperation_bureau_head');
    expect(await tableCounts(h.dataSource)).toEqual({ ...before, projects: before.projects + 2, audit_events: before.audit_events + 2 });
  });

  // POST /leads refuses a reused key with another body (422); a step should not silently answer
  // 200 with the first, different, decision's result.
  it('refuses a decision key reused for a different decision with 422 IDEMPOTENCY_CONFLICT and records nothing', async () => {
    const id = await register();
    const key = newKey('decision');
    expect((await decide(id, { action: 'accept' }, key)).status).toBe(200);
    const before = { counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, id) };

    const reused = await decide(id, { action: 'reject', reason: '改变主意' }, key);

    expectRefusal(reused, 422, 'IDEMPOTENCY_CONFLICT', /Idempotency-Key/);
    expect({ counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, id) }).toEqual(before);
  });
});

/** Last in the file: its worker stops for good. */
describe('with the worker stopped', () => {
  const UPDATE_TIMEOUT_MS = 2000;
  let h: E2eHarness;
  let projectId: string | undefined;

  beforeAll(async () => {
    h = await startE2eHarness({ updateTimeoutMs: UPDATE_TIMEOUT_MS });
  });
  afterAll(async () => {
    // The unanswered update would otherwise be applied by the next worker on this task queue.
    if (projectId) await terminateWorkflow(`project-${projectId}`);
    await h?.teardown();
  });

  it('answers a decision with 503 ENGINE_UNAVAILABLE within seconds and records nothing', async () => {
    const [officer, taskForce] = await Promise.all([h.login('officer'), h.login('taskforce')]);
    const created = await h.http('POST', '/leads', { token: officer, body: sampleLead() });
    expect(created.status).toBe(201);
    projectId = created.body.id as string;
    await h.stopWorker();
    const before = { counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, projectId) };

    const started = Date.now();
    const res = await within(UPDATE_TIMEOUT_MS + 8000, h.http('POST', `/projects/${projectId}/intake-decision`, { token: taskForce, body: { action: 'accept' } }));
    const elapsedMs = Date.now() - started;

    expectRefusal(res, 503, 'ENGINE_UNAVAILABLE', /工作流引擎未及时响应/);
    expect(elapsedMs).toBeLessThan(UPDATE_TIMEOUT_MS + 3000);
    expect({ counts: await tableCounts(h.dataSource), history: await auditOf(h.dataSource, projectId) }).toEqual(before);
  });
});

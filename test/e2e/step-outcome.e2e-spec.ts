import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { eventually } from '../support/eventually';
import { shanghaiDate } from '@zs/domain';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';
import { killAllWorkerProcesses, startWorkerProcess } from '../support/worker-process';

const newKey = (label: string) => `${label}-${randomUUID()}`;
/**
 * A call on the day the lead was registered (today): since issue 10 a contact may be dated neither
 * before the registration nor in the future. Two different contacts differ by their outcome.
 */
const contact = (outcome = '确认来访时间') => ({ kind: 'call', date: shanghaiDate(Date.now()), participants: '王经理', location: '电话', outcome });

/**
 * Issue 8: a client that got no answer (503) can ask whether its step was applied. A step is
 * answered 2xx only once its audit event is stored; a 503 step waits in Temporal for a worker
 * and is applied when one returns; the outcome route tells which, per caller and key.
 */
describe('outcome of an uncertain step: GET /projects/:id/steps/:idempotencyKey', () => {
  let h: E2eHarness;
  let officer: string;
  let ecbHead: string;
  let taskForce: string;
  const projects: string[] = [];

  const register = async () => {
    const res = await h.http('POST', '/leads', { token: officer, body: sampleLead() });
    expect(res.status).toBe(201);
    projects.push(res.body.id);
    return res.body.id as string;
  };
  const outcome = (projectId: string, key: string, token = officer) => h.http('GET', `/projects/${projectId}/steps/${key}`, { token });
  const updateIdsOf = async (projectId: string): Promise<string[]> =>
    (await h.dataSource.query(`SELECT update_id FROM audit_events WHERE project_id = $1 AND update_id IS NOT NULL ORDER BY seq`, [projectId])).map((r: { update_id: string }) => r.update_id);

  beforeAll(async () => {
    // A short limit, so a step with no worker to take it answers 503 quickly.
    h = await startE2eHarness({ updateTimeoutMs: 2_000 });
    [officer, ecbHead, taskForce] = await Promise.all([h.login('officer'), h.login('ecb-head'), h.login('taskforce')]);
  });
  afterAll(async () => {
    await killAllWorkerProcesses();
    const connection = await Connection.connect({ address: stackEnv('temporalAddress') });
    const client = new Client({ connection, namespace: stackEnv('temporalNamespace') });
    await Promise.all(projects.map((id) => client.workflow.getHandle(`project-${id}`).terminate('e2e clean-up').catch(() => undefined)));
    await connection.close();
    await h?.teardown();
  });

  it('says applied, with the audit event and the project as it is now, for a step that was answered', async () => {
    const id = await register();
    const key = newKey('accept');
    const accepted = await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' }, headers: { 'idempotency-key': key } });
    expect(accepted.status).toBe(200);

    const res = await outcome(id, key, taskForce);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ idempotencyKey: key, status: 'applied', event: { seq: 2, action: 'intake.accepted', stageAfter: 'negotiation' }, refusal: null, project: { id, stage: 'negotiation' } });
  });

  it('says not_applied for a key never used, for a refused step, and for another user asking with the same key', async () => {
    const id = await register();
    expect((await outcome(id, newKey('never'))).body).toMatchObject({ status: 'not_applied', event: null, project: null });

    const refusedKey = newKey('refused');
    const refused = await h.http('POST', `/projects/${id}/negotiation-outcome`, { token: officer, body: { outcome: 'proceed' }, headers: { 'idempotency-key': refusedKey } });
    expect(refused.status).toBe(409);
    expect((await outcome(id, refusedKey)).body).toMatchObject({ status: 'not_applied', event: null });

    const key = newKey('mine');
    expect((await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' }, headers: { 'idempotency-key': key } })).status).toBe(200);
    // Keys are the caller's own: the officer's key space does not hold the task force's step.
    expect((await outcome(id, key, officer)).body.status).toBe('not_applied');
    expect((await outcome(id, key, taskForce)).body.status).toBe('applied');
  });

  it('refuses a malformed key and an unknown project naming what is wrong', async () => {
    const bad = await h.http('GET', `/projects/${randomUUID()}/steps/${encodeURIComponent('a b')}`, { token: officer });
    expect(bad.status).toBe(400);
    expect(bad.body.details[0].field).toBe('Idempotency-Key');
    const unknown = await outcome(randomUUID(), newKey('x'));
    expect(unknown.status).toBe(404);
  });

  it('says pending while no worker runs, then applied once exactly when one returns; a keyless 503 names its key', async () => {
    const id = await register();
    expect((await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' } })).status).toBe(200);
    await h.stopWorker();

    const key = newKey('contact');
    const keyed = await h.http('POST', `/projects/${id}/negotiation-contacts`, { token: ecbHead, body: contact(), headers: { 'idempotency-key': key } });
    expect(keyed.status).toBe(503);
    expect(keyed.body.details).toEqual([{ field: 'Idempotency-Key', label: '幂等键（Idempotency-Key）', message: key }]);

    const keyless = await h.http('POST', `/projects/${id}/negotiation-contacts`, { token: ecbHead, body: contact('确认来访时间及随行人员') });
    expect(keyless.status).toBe(503);
    const autoKey: string = keyless.body.details[0].message;
    expect(autoKey).toMatch(/^auto-/);

    // A lead registered meanwhile: its workflow is started, its registration waits for a worker.
    const waitingCompany = uniqueCompanyName('等待登记的企业');
    const lead = await h.http('POST', '/leads', { token: officer, body: sampleLead({ companyName: waitingCompany }) });
    expect(lead.status).toBe(503);
    const leadId: string = lead.body.details[0].message;
    expect(lead.body.details[0].field).toBe('projectId');
    projects.push(leadId);
    expect((await h.http('GET', `/projects/${leadId}`, { token: officer })).status).toBe(404);

    expect((await outcome(id, key, ecbHead)).body).toMatchObject({ status: 'pending', event: null });
    expect((await outcome(id, autoKey, ecbHead)).body.status).toBe('pending');
    expect(await updateIdsOf(id)).toHaveLength(1);

    await startWorkerProcess({}, { name: 'step-outcome-worker' });
    const applied = await eventually('both steps applied', async () => {
      const [a, b] = await Promise.all([outcome(id, key, ecbHead), outcome(id, autoKey, ecbHead)]);
      return a.body.status === 'applied' && b.body.status === 'applied' ? [a.body, b.body] : undefined;
    }, 60_000);
    expect(applied.map((o) => o.event.action)).toEqual(['negotiation.contact_recorded', 'negotiation.contact_recorded']);
    expect(applied[0].event.seq).not.toBe(applied[1].event.seq);
    const registered = await eventually('the lead registered', async () => {
      const res = await h.http('GET', `/projects/${leadId}`, { token: officer });
      return res.status === 200 ? res.body : undefined;
    });
    expect(registered).toMatchObject({ id: leadId, stage: 'intake', lead: { companyName: waitingCompany } });

    // Each step once in the log, and a retry with the same key is answered without a second event.
    const retried = await h.http('POST', `/projects/${id}/negotiation-contacts`, { token: ecbHead, body: contact(), headers: { 'idempotency-key': key } });
    expect(retried.status).toBe(200);
    const ecbHeadId = (await h.http('GET', '/auth/me', { token: ecbHead })).body.id;
    const updateIds = await updateIdsOf(id);
    expect(updateIds).toHaveLength(3);
    expect(updateIds).toEqual(expect.arrayContaining([`${ecbHeadId}:${key}`, `${ecbHeadId}:${autoKey}`]));
  });
});

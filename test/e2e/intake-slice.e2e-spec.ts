import { Connection, Client } from '@temporalio/client';
import { stackEnv } from '../setup/stack-env';
import { eventually } from '../support/eventually';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { sampleLead } from '../support/sample-lead';

/** The slice over HTTP: login, register, decide, read the project and its history. */
describe('lead → 48-hour decision over HTTP', () => {
  let h: E2eHarness;
  let officer: string;
  let taskForce: string;
  let auditor: string;

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, auditor] = await Promise.all([h.login('officer'), h.login('taskforce'), h.login('auditor')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('registers a lead, accepts it, and shows state, clock and the audit history', async () => {
    const created = await h.http('POST', '/leads', { token: officer, body: sampleLead({ companyName: '湘江储能材料有限公司' }) });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ stage: 'intake', stageLabel: '48小时研判', overdue: false });
    const id = created.body.id as string;

    const read = await h.http('GET', `/projects/${id}`, { token: auditor });
    expect(read.status).toBe(200);
    const [clock] = read.body.clocks;
    expect(clock).toMatchObject({ clock: 'intake_decision', status: 'running', paused: false, pausedMs: 0 });
    expect(Date.parse(clock.deadlineAt) - Date.parse(clock.startedAt)).toBe(48 * 3600_000);
    expect(clock.remainingMs).toBeGreaterThan(47 * 3600_000);

    const decided = await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' } });
    expect(decided.status).toBe(200);
    expect(decided.body).toMatchObject({ id, stage: 'negotiation' });
    expect(decided.body.clocks[0].status).toBe('met');

    const history = await h.http('GET', `/projects/${id}/history`, { token: auditor });
    expect(history.status).toBe(200);
    expect(history.body.items.map((e: any) => [e.seq, e.action, e.actorRole, e.stageBefore, e.stageAfter])).toEqual([
      [1, 'lead.registered', 'investment_officer', null, 'intake'],
      [2, 'intake.accepted', 'intake_task_force', 'intake', 'negotiation'],
    ]);
    for (const e of history.body.items) {
      expect(e.workflowId).toBe(`project-${id}`);
      expect(e.runId).toEqual(expect.any(String));
    }

    const listed = await h.http('GET', '/projects?stage=negotiation&pageSize=100', { token: auditor });
    expect(listed.status).toBe(200);
    expect(listed.body.items.map((p: any) => p.id)).toContain(id);
  });

  it('pauses on request-info and resumes on provide-info, recording who and why', async () => {
    const { body: project } = await h.http('POST', '/leads', { token: officer, body: sampleLead({ infoGrade: 'B' }) });
    const paused = await h.http('POST', `/projects/${project.id}/intake-decision`, {
      token: taskForce,
      body: { action: 'request_info', missing: '请补充近三年财务报表' },
    });
    expect(paused.status).toBe(200);
    expect(paused.body.clocks[0]).toMatchObject({ status: 'paused', paused: true });

    const resumed = await h.http('POST', `/projects/${project.id}/intake-info`, { token: officer, body: { response: '已上传财务报表' } });
    expect(resumed.status).toBe(200);
    expect(resumed.body.clocks[0]).toMatchObject({ status: 'running', paused: false });
    expect(resumed.body.clocks[0].pausedMs).toBeGreaterThan(0);

    const history = await h.http('GET', `/projects/${project.id}/history`, { token: auditor });
    const actions = history.body.items.map((e: any) => [e.action, e.actorId !== undefined, e.payload.clockAction ?? null]);
    expect(actions).toEqual([
      ['lead.registered', true, null],
      ['intake.info_requested', true, 'paused'],
      ['intake.info_provided', true, 'resumed'],
    ]);
  });

  it('makes the project findable by its search attributes in Temporal visibility', async () => {
    const { body: project } = await h.http('POST', '/leads', { token: officer, body: sampleLead({ industryChain: '新能源汽车' }) });
    const connection = await Connection.connect({ address: stackEnv('temporalAddress') });
    try {
      const client = new Client({ connection, namespace: stackEnv('temporalNamespace') });
      const query = `WorkflowId = 'project-${project.id}' AND ProjectStage = 'intake' AND SlaOverdue = false AND IndustryChain = '新能源汽车'`;
      const found = await eventually('visibility to index the project', async () => {
        const ids: string[] = [];
        for await (const wf of client.workflow.list({ query })) ids.push(wf.workflowId);
        return ids.length > 0 ? ids : undefined;
      });
      expect(found).toEqual([`project-${project.id}`]);
    } finally {
      await connection.close();
    }
  });
});

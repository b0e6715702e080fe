import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { DISCREPANCY_KINDS, MILESTONE_KINDS, addDays, shanghaiDate, type Lead, type MilestoneKind } from '@zs/domain';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleContract } from '../support/sample-contract';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';
import { withDatabase } from '@zs/persistence';
import { stackEnv } from '../setup/stack-env';

const ROOT = resolve(__dirname, '../..');
const RUN_TS = join(ROOT, 'test/support/run-ts.cjs');
const RECONCILE_MAIN = join(ROOT, 'apps/api/src/reconcile/reconcile-main.ts');

const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);

/** `npm run audit:reconcile` from its sources (run-ts.cjs compiles them as jest does), against the test stack. */
function runReconcileCli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [RUN_TS, RECONCILE_MAIN, ...args],
      {
        cwd: ROOT,
        env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', AUDITOR_DATABASE_URL: stackEnv('auditorDatabaseUrl'), TEMPORAL_ADDRESS: stackEnv('temporalAddress'), TEMPORAL_NAMESPACE: stackEnv('temporalNamespace'), TEMPORAL_PAYLOAD_KEY: stackEnv('payloadKey') },
        timeout: 90_000,
      },
      (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
    );
  });
}

/**
 * The reconciler (issue 8) over real projects: the audit log and read models in PostgreSQL
 * against each workflow's own Temporal history. Clean projects reconcile with no discrepancy;
 * then each kind of tampering is injected into the database (as its superuser owner, with the
 * append-only trigger disabled inside the tampering transaction) and must be found.
 */
describe('reconciliation: two independent records', () => {
  let h: E2eHarness;
  let officer: Staff;
  let taskForce: Staff;
  let psb: Staff;
  let esb: Staff;
  let auditor: Staff;
  let leader: Staff;
  let admin: Staff;

  const post = (path: string, who: Staff, body?: unknown) => h.http('POST', path, { token: who.token, ...(body === undefined ? {} : { body }) });
  const reconcile = (query: string, who: Staff = auditor): Promise<HttpResult> => h.http('GET', `/audit/reconciliation${query}`, { token: who.token });

  async function ok(res: Promise<HttpResult>): Promise<any> {
    const r = await res;
    expect({ status: r.status, code: r.body?.code, message: r.body?.message }).toEqual({ status: r.status === 201 ? 201 : 200, code: undefined, message: undefined });
    return r.body;
  }

  /**
   * Registered, accepted, one site inspection: audit events 1 (lead), 2 (accepted), 3 (contact).
   * The company's name is `stem` made unique (issue 10 refuses a suspected duplicate company), and
   * every recorded date is today, the registration day: since issue 10 nothing that happened may be
   * dated before the lead's registration nor in the future.
   */
  async function projectInNegotiation(stem: string): Promise<string> {
    const { id } = await ok(post('/leads', officer, sampleLead({ companyName: uniqueCompanyName(stem) } as Partial<Lead>)));
    await ok(post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' }));
    await ok(
      post(`/projects/${id}/negotiation-contacts`, officer, {
        kind: 'site_inspection',
        date: day(0),
        participants: '王经理（投资方）、李明（招商一局）',
        location: '高新区智能制造产业园',
        outcome: '对方确认用地需求约80亩',
      }),
    );
    return id;
  }

  /** Through signing, construction and production to the service stage (投产后服务). */
  async function projectInService(stem: string): Promise<string> {
    const { id } = await ok(post('/leads', officer, sampleLead({ companyName: uniqueCompanyName(stem) } as Partial<Lead>)));
    await ok(post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' }));
    await ok(post(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' }));
    await ok(post(`/projects/${id}/contract`, officer, sampleContract({ signedOn: day(0), committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) } })));
    await ok(post(`/projects/${id}/commissioner`, psb, { commissionerUserId: psb.id, commissionerName: psb.displayName }));
    const nodes = MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: psb.id, responsibleName: psb.displayName }));
    await ok(post(`/projects/${id}/milestone-plan`, psb, { nodes }));
    for (const kind of MILESTONE_KINDS.filter((k): k is Exclude<MilestoneKind, 'production'> => k !== 'production')) {
      await ok(post(`/projects/${id}/milestones/${kind}/complete`, psb, { completedOn: day(0), evidence: '完成凭证' }));
    }
    await ok(post(`/projects/${id}/production`, psb, { actualDate: day(0), evidence: '投产仪式纪要' }));
    return id;
  }

  /** Changes the database behind the engine's back, in one transaction: no other session ever sees the trigger off. */
  async function tamper(...statements: Array<[string, unknown[]?]>): Promise<void> {
    // As the superuser: the app role the engine connects with cannot (test/e2e/database-roles.e2e-spec.ts).
    await withDatabase({ url: stackEnv('superuserDatabaseUrl'), poolSize: 1 }, (db) => db.transaction(async (m) => {
      // Every trigger off for this transaction only (the append-only ones, and the audit ledger's).
      await m.query('SET LOCAL session_replication_role = replica');
      for (const [sql, params] of statements) await m.query(sql, params ?? []);
    }));
  }

  const kindsOf = (report: any): Array<[string, string, number | null]> => report.discrepancies.map((d: any) => [d.kind, d.workflowId, d.seq]);

  let clean: string[];
  let inService: string;
  let requestWorkflowId: string;
  let requestId: string;

  beforeAll(async () => {
    h = await startE2eHarness();
    [officer, taskForce, psb, esb, auditor, leader, admin] = await Promise.all(
      ['officer', 'taskforce', 'psb', 'esb', 'auditor', 'leader', 'admin'].map((u) => loginStaff(h, u)),
    );
    clean = [];
    for (let i = 1; i <= 6; i++) clean.push(await projectInNegotiation(`对账测试${i}号科技`));
    inService = await projectInService('对账测试服务科技');
    const raised = await ok(
      post(`/projects/${inService}/service-requests`, esb, { category: 'normal', title: '用电增容', description: '二期产线投产需增容至2000kVA', department: '自然资源局' }),
    );
    requestId = raised.id;
    await ok(post(`/service-requests/${requestId}/accept`, esb));
    requestWorkflowId = (await h.dataSource.query(`SELECT workflow_id FROM service_requests WHERE id = $1`, [requestId]))[0].workflow_id;
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('finds no discrepancy in clean projects, their service requests included', async () => {
    for (const id of clean) {
      const report = await ok(reconcile(`?projectId=${id}`));
      expect(report).toMatchObject({ checkedWorkflows: 1, checkedEvents: 3, unverifiableEvents: 0, pendingEvents: 0, discrepancies: [], page: 1, total: 1 });
      expect(report.workflows).toEqual([
        { projectId: id, workflowId: `project-${id}`, stream: 'project', checkedEvents: 3, verifiableFromSeq: 1, unverifiableEvents: 0, pendingEvents: 0, discrepancies: 0 },
      ]);
    }
    const service = await ok(reconcile(`?projectId=${inService}`, leader));
    expect(service.discrepancies).toEqual([]);
    expect(service.workflows.map((w: any) => [w.workflowId, w.stream, w.verifiableFromSeq])).toEqual([
      [`project-${inService}`, 'project', 1],
      [requestWorkflowId, 'service_request', 1],
    ]);
    expect(service.workflows[1].checkedEvents).toBe(2);

    // Every project, a page at a time: none of these projects has a discrepancy (others' tests may share the database).
    const mine = new Set([...clean, inService]);
    let page = 1;
    const seen = new Set<string>();
    for (;;) {
      const report = await ok(reconcile(`?page=${page}&pageSize=100`, admin));
      expect(report).toMatchObject({ page, pageSize: 100 });
      for (const w of report.workflows) if (mine.has(w.projectId)) seen.add(w.projectId);
      expect(report.discrepancies.filter((d: any) => mine.has(d.projectId))).toEqual([]);
      if (page * 100 >= report.total) break;
      page++;
    }
    expect(seen).toEqual(mine);
  });

  it('answers auditors, leadership and admins only, and checks its query', async () => {
    const refused = await reconcile(`?projectId=${clean[0]}`, officer);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('FORBIDDEN_ROLE');
    const bad = await reconcile('?projectId=not-a-uuid');
    expect(bad.status).toBe(400);
    expect(bad.body.details.map((d: any) => d.field)).toContain('projectId');
    expect((await reconcile('?pageSize=101')).status).toBe(400);
    const unknown = await reconcile('?projectId=00000000-0000-4000-8000-000000000000');
    expect(unknown.status).toBe(404);
  });

  it('describes the route and every discrepancy kind in the OpenAPI document', async () => {
    const docs = (await h.http('GET', '/docs-json')).body;
    const op = docs.paths['/audit/reconciliation'].get;
    expect(op.parameters.map((p: any) => p.name)).toEqual(expect.arrayContaining(['projectId', 'page', 'pageSize']));
    expect(op.responses['200'].content['application/json'].schema.$ref).toBe('#/components/schemas/ReconciliationReportDto');
    const report = docs.components.schemas.ReconciliationReportDto;
    expect(report.required).toEqual(expect.arrayContaining(['checkedWorkflows', 'checkedEvents', 'discrepancies', 'page', 'pageSize', 'total']));
    expect(docs.components.schemas.DiscrepancyDto.properties.kind.enum).toEqual([...DISCREPANCY_KINDS]);
  });

  it('finds a deleted audit row (missing)', async () => {
    const id = clean[0];
    await tamper([`DELETE FROM audit_events WHERE project_id = $1 AND seq = 2`, [id]]);
    const report = await ok(reconcile(`?projectId=${id}`));
    expect(kindsOf(report)).toEqual([['missing', `project-${id}`, 2]]);
    expect(report.discrepancies[0]).toMatchObject({ kindLabel: expect.stringContaining('缺失'), inHistory: { seq: 2, action: expect.any(String) }, inDatabase: null });
  });

  it('finds an inserted audit row (phantom)', async () => {
    const id = clean[1];
    await tamper([
      `INSERT INTO audit_events (project_id, seq, occurred_at, actor_id, actor_role, action, payload, stage_before, stage_after, workflow_id, run_id)
       SELECT project_id, 4, occurred_at + interval '1 minute', actor_id, actor_role, action, payload, stage_before, stage_after, workflow_id, run_id
       FROM audit_events WHERE project_id = $1 AND seq = 3`,
      [id],
    ]);
    const report = await ok(reconcile(`?projectId=${id}`));
    expect(kindsOf(report)).toEqual([['phantom', `project-${id}`, 4]]);
    expect(report.discrepancies[0]).toMatchObject({ inHistory: null, inDatabase: { seq: 4, rowId: expect.any(Number) } });
  });

  it('finds a reordered pair (seqs swapped)', async () => {
    const id = clean[2];
    await tamper(
      [`UPDATE audit_events SET seq = -1 WHERE project_id = $1 AND seq = 2`, [id]],
      [`UPDATE audit_events SET seq = 2 WHERE project_id = $1 AND seq = 3`, [id]],
      [`UPDATE audit_events SET seq = 3 WHERE project_id = $1 AND seq = -1`, [id]],
    );
    const report = await ok(reconcile(`?projectId=${id}`));
    const found = kindsOf(report);
    expect(found).toEqual(expect.arrayContaining([['altered', `project-${id}`, 2], ['altered', `project-${id}`, 3], ['out_of_order', `project-${id}`, 3]]));
    expect(new Set(found.map(([k]) => k))).toEqual(new Set(['altered', 'out_of_order']));
  });

  it('finds an altered payload', async () => {
    const id = clean[3];
    await tamper([`UPDATE audit_events SET payload = payload || '{"outcome":"对方无意向"}'::jsonb WHERE project_id = $1 AND seq = 3`, [id]]);
    const report = await ok(reconcile(`?projectId=${id}`));
    expect(kindsOf(report)).toEqual([['altered', `project-${id}`, 3]]);
    const [d] = report.discrepancies;
    expect(d.message).toContain('payload');
    expect(d.inDatabase.payload).not.toEqual(d.inHistory.payload);
  });

  it('finds an altered read model: its state, and its last_seq', async () => {
    const [stateId, seqId] = [clean[4], clean[5]];
    await h.dataSource.query(`UPDATE projects SET state = jsonb_set(state, '{overdue}', 'true') WHERE id = $1`, [stateId]);
    await h.dataSource.query(`UPDATE projects SET last_seq = 2 WHERE id = $1`, [seqId]);

    const byState = await ok(reconcile(`?projectId=${stateId}`));
    expect(kindsOf(byState)).toEqual([['state_mismatch', `project-${stateId}`, 3]]);
    expect(byState.discrepancies[0].message).toContain('overdue');
    expect(byState.discrepancies[0]).toMatchObject({ inHistory: { overdue: false }, inDatabase: { overdue: true } });

    const bySeq = await ok(reconcile(`?projectId=${seqId}`));
    expect(kindsOf(bySeq)).toEqual([['state_mismatch', `project-${seqId}`, 2]]);
    expect(bySeq.discrepancies[0]).toMatchObject({ inHistory: { lastSeq: 3 }, inDatabase: { lastSeq: 2 } });
  });

  it("finds tampering in a service request's own stream and read model", async () => {
    await tamper(
      [`DELETE FROM audit_events WHERE workflow_id = $1 AND seq = 2`, [requestWorkflowId]],
      [`UPDATE service_requests SET state = jsonb_set(state, '{department}', '"财政局"') WHERE id = $1`, [requestId]],
    );
    const report = await ok(reconcile(`?projectId=${inService}`));
    expect(kindsOf(report)).toEqual([
      ['missing', requestWorkflowId, 2],
      ['state_mismatch', requestWorkflowId, 2],
    ]);
    expect(report.discrepancies.every((d: any) => d.projectId === inService && d.stream === 'service_request')).toBe(true);
  });

  it('npm run audit:reconcile exits 0 on a clean project, 1 on a discrepancy, 2 on a usage error', async () => {
    const id = await projectInNegotiation('对账测试命令行科技');
    const cleanRun = await runReconcileCli(['--project', id]);
    expect({ code: cleanRun.code, stderr: cleanRun.stderr }).toEqual({ code: 0, stderr: '' });
    expect(cleanRun.stdout).toContain('no discrepancy');

    await tamper([`DELETE FROM audit_events WHERE project_id = $1 AND seq = 2`, [id]]);
    const tampered = await runReconcileCli(['--project', id]);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('1 discrepancy(ies)');
    expect(tampered.stdout).toContain(`[missing 缺失（工作流历史中有，数据库中无）] project ${id} project-${id} seq 2`);

    // Without --project: every project the database knows, this one among them.
    const all = await runReconcileCli(['--json']);
    expect(all.code).toBe(1);
    const report = JSON.parse(all.stdout);
    expect(report.checkedProjects).toBeGreaterThanOrEqual(clean.length + 2);
    expect(report.discrepancies).toContainEqual(expect.objectContaining({ kind: 'missing', projectId: id, workflowId: `project-${id}`, seq: 2 }));

    const usage = await runReconcileCli(['--project', 'nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage:');
  });
});

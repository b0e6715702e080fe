import { AUDIT_ACTION_LABELS, STAGE_LABELS } from '@zs/domain';
import {
  AuditCheckpointer,
  checkpointSignatureValid,
  createDataSource,
  firstBrokenProof,
  GLOBAL_GENESIS,
  forEachLedgerEntry,
  nextGlobalHead,
  readPrivateKey,
  readPublicKey,
  sealedHash,
  type RecordProof,
} from '@zs/persistence';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { auditCheckpointEnv } from '../support/audit-checkpoint-env';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

/**
 * The routes the auditors' console needs (issue 11): the cross-project search of the audit log,
 * a project's history exported with its proofs (re-verified here as an outsider would: the
 * SM3 chain, the ledger up to the signed checkpoint, the signature), and a project's state at a
 * past instant. A database of its own: the suite signs checkpoints into it.
 */
describe('audit console routes: search, export with proofs, state as of', () => {
  let db: TestDatabase;
  let h: E2eHarness;
  let superuser: DataSource;
  let officer: Staff;
  let taskForce: Staff;
  let auditor: Staff;
  let leader: Staff;
  let admin: Staff;
  let projectA: string;
  let projectB: string;
  let beforeA: string;
  let afterAccepted: string;
  let acceptedAt: string;

  const get = (path: string, who: Staff = auditor): Promise<HttpResult> => h.http('GET', path, { token: who.token });
  async function ok(res: Promise<HttpResult>, status = 200): Promise<any> {
    const r = await res;
    expect({ status: r.status, body: r.status === status ? undefined : r.body }).toEqual({ status, body: undefined });
    return r.body;
  }
  async function refused(path: string, field: string): Promise<void> {
    const res = await get(path);
    expect({ status: res.status, code: res.body.code, fields: (res.body.details ?? []).map((d: any) => d.field) }).toEqual({ status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    expect(res.body.message).toMatch(/[\u4e00-\u9fff]/);
  }
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  beforeAll(async () => {
    db = await createTestDatabase('audit_console');
    h = await startE2eHarness({ databaseUrl: db.url });
    superuser = createDataSource({ url: db.superuserUrl, poolSize: 1 });
    await superuser.initialize();
    [officer, taskForce, auditor, leader, admin] = await Promise.all(['officer', 'taskforce', 'auditor', 'leader', 'admin'].map((u) => loginStaff(h, u)));

    beforeA = new Date(Date.now() - 1000).toISOString();
    projectA = (await ok(h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName: uniqueCompanyName('审计检索甲') }) }), 201)).id;
    await pause(50);
    await ok(h.http('POST', `/projects/${projectA}/intake-decision`, { token: taskForce.token, body: { action: 'accept' } }));
    await pause(50);
    afterAccepted = new Date().toISOString();
    await pause(1100);
    await ok(h.http('POST', `/projects/${projectA}/negotiation-outcome`, { token: officer.token, body: { outcome: 'proceed' } }));
    projectB = (await ok(h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName: uniqueCompanyName('审计检索乙') }) }), 201)).id;
    // The projection writes the audit log right after each step: wait until A's three steps are there.
    for (let i = 0; i < 100; i++) {
      const page = await get(`/audit/events?projectId=${projectA}`);
      if (page.body.total >= 3) break;
      await pause(100);
    }
    const accepted = await get(`/audit/events?projectId=${projectA}&action=intake.accepted`);
    acceptedAt = accepted.body.items[0].occurredAt;
  }, 180_000);

  afterAll(async () => {
    await h?.teardown();
    await superuser?.destroy();
    await db?.drop();
  });

  it('is for auditors, leadership and administrators only', async () => {
    for (const who of [auditor, leader, admin]) expect((await get('/audit/events?pageSize=1', who)).status).toBe(200);
    for (const path of ['/audit/events', `/audit/projects/${projectA}/export`, `/audit/projects/${projectA}/state?asOf=${encodeURIComponent(afterAccepted)}`]) {
      expect((await get(path, officer)).status).toBe(403);
      expect((await get(path, taskForce)).status).toBe(403);
    }
  });

  it('searches every project by action and period, newest first, each item read as the project history reads it, with its project', async () => {
    const page = await ok(get(`/audit/events?action=lead.registered&from=${encodeURIComponent(beforeA)}&pageSize=100`));
    const ids = page.items.map((e: any) => e.projectId);
    expect(ids).toEqual(expect.arrayContaining([projectA, projectB]));
    expect(ids.indexOf(projectB)).toBeLessThan(ids.indexOf(projectA));
    expect(page.items.every((e: any) => e.action === 'lead.registered' && e.actionLabel === AUDIT_ACTION_LABELS['lead.registered'])).toBe(true);
    const a = page.items.find((e: any) => e.projectId === projectA);
    expect(a).toMatchObject({ companyName: expect.stringContaining('审计检索甲'), actorId: officer.id, actorName: officer.displayName, actorRoleLabel: '招商专员', stageAfterLabel: STAGE_LABELS.intake, subject: { kind: 'project' } });
    const times = page.items.map((e: any) => Date.parse(e.occurredAt));
    expect([...times].sort((x, y) => y - x)).toEqual(times);

    // The same item as GET /projects/:id/history gives it (one mapping).
    const history = await ok(get(`/projects/${projectA}/history`));
    const { position: _p, ...fromHistory } = history.items.find((e: any) => e.action === 'lead.registered');
    const { position: _q, projectId: _id, companyName: _c, ...fromSearch } = a;
    expect(fromSearch).toEqual(fromHistory);

    // The period: `to` excludes; a period after the acceptance finds only what came later.
    const before = await ok(get(`/audit/events?projectId=${projectA}&to=${encodeURIComponent(acceptedAt)}`));
    expect(before.items.map((e: any) => e.action)).toEqual(['lead.registered']);
    const later = await ok(get(`/audit/events?projectId=${projectA}&from=${encodeURIComponent(afterAccepted)}`));
    expect(later.items.map((e: any) => e.action)).toEqual(['negotiation.proceeded_to_signing']);
  });

  it('filters by actor and by the project’s department, and pages', async () => {
    const byTaskForce = await ok(get(`/audit/events?actorUserId=${taskForce.id}&projectId=${projectA}`));
    expect(byTaskForce.items.map((e: any) => [e.action, e.actorName])).toEqual([['intake.accepted', taskForce.displayName]]);

    const [{ owner_department_id: department }] = await h.dataSource.query(`SELECT owner_department_id FROM projects WHERE id = $1`, [projectA]);
    expect(department).toEqual(expect.any(String));
    const inDepartment = await ok(get(`/audit/events?departmentId=${department}&from=${encodeURIComponent(beforeA)}&pageSize=100`));
    expect(inDepartment.items.map((e: any) => e.projectId)).toContain(projectA);
    expect((await ok(get(`/audit/events?departmentId=${randomUUID()}`))).total).toBe(0);

    const first = await ok(get(`/audit/events?projectId=${projectA}&pageSize=2&page=1`));
    const second = await ok(get(`/audit/events?projectId=${projectA}&pageSize=2&page=2`));
    expect([first.total, first.items.length, second.items.length]).toEqual([3, 2, 1]);
    expect(second.items[0].action).toBe('lead.registered');
  });

  it('refuses bad filters with 400 naming the field', async () => {
    await refused('/audit/events?action=intake.approved', 'action');
    await refused('/audit/events?actorUserId=bob', 'actorUserId');
    await refused('/audit/events?from=yesterday', 'from');
    await refused('/audit/events?to=2026-13-01T00:00:00Z', 'to');
    await refused(`/audit/events?from=${encodeURIComponent('2026-03-02T00:00:00+08:00')}&to=${encodeURIComponent('2026-03-01T00:00:00+08:00')}`, 'from');
    await refused('/audit/events?departmentId=42', 'departmentId');
    await refused('/audit/events?projectId=nope', 'projectId');
    await refused('/audit/events?pageSize=1000', 'pageSize');
    await refused(`/audit/projects/${projectA}/export?format=pdf`, 'format');
    await refused(`/audit/projects/${projectA}/state`, 'asOf');
    await refused(`/audit/projects/${projectA}/state?asOf=2026-03-01`, 'asOf');
    await refused('/audit/projects/not-a-uuid/state?asOf=2026-03-01T00:00:00Z', 'id');
  });

  it('exports a project’s history with proofs that re-verify outside: the SM3 chain, the ledger up to the signed checkpoint, its signature', async () => {
    const env = auditCheckpointEnv(db.url);
    const checkpoint = await new AuditCheckpointer(superuser, { privateKey: readPrivateKey(env.AUDIT_CHECKPOINT_PRIVATE_KEY_FILE), file: env.AUDIT_CHECKPOINT_FILE, intervalMs: 60_000 }).checkpointNow();
    expect(checkpoint).not.toBeNull();

    const res = await get(`/audit/projects/${projectA}/export`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(`project-history-${projectA}.json`);
    const doc = res.body;
    expect(doc).toMatchObject({ format: 'zhaoshang-audit-export-v1', project: { id: projectA, companyName: expect.stringContaining('审计检索甲') }, chain: `project:${projectA}`, checkpoint: { pos: checkpoint!.pos, headHash: checkpoint!.headHash } });
    expect(doc.records.map((r: any) => r.event.action)).toEqual(['lead.registered', 'intake.accepted', 'negotiation.proceeded_to_signing']);
    expect(doc.records.map((r: any) => r.event.actionLabel)).toEqual(['登记线索', '研判通过，予以承接', '洽谈成功，转入签约']);

    // The chain: each link recomputed with SM3 from the text exported, in order from the genesis.
    const proofs: RecordProof[] = doc.records.map((r: any) => r.proof);
    expect(firstBrokenProof(proofs)).toBeNull();
    // …and it is the verifier's own function over the stored rows.
    const stored: Array<Record<string, unknown> & { prev_hash: Buffer; hash: Buffer }> = await superuser.query(`SELECT * FROM audit_events WHERE chain = $1 ORDER BY chain_pos`, [doc.chain]);
    expect(stored.map((row) => sealedHash('audit_events', row.prev_hash, row).toString('hex'))).toEqual(proofs.map((p) => p.hash));

    // The ledger: replayed up to the checkpoint, it links each record's hash and ends at the signed head.
    expect(proofs.every((p: any) => p.ledgerPos !== null && p.coveredByCheckpoint)).toBe(true);
    let head = GLOBAL_GENESIS;
    const linked = new Map<number, string | null>();
    await forEachLedgerEntry(superuser, 0, doc.checkpoint.pos, (e) => {
      head = nextGlobalHead(head, e);
      linked.set(e.pos, e.recordHash?.toString('hex') ?? null);
    });
    expect(head.toString('hex')).toBe(doc.checkpoint.headHash);
    for (const p of proofs) expect(linked.get(p.ledgerPos!)).toBe(p.hash);
    // The signature, with the installation's public key (the one exported matches it).
    const publicKey = readPublicKey(env.AUDIT_CHECKPOINT_PUBLIC_KEY_FILE);
    expect(checkpointSignatureValid(doc.checkpoint, publicKey)).toBe(true);
    expect(doc.publicKeyPem).toBe(publicKey.export({ type: 'spki', format: 'pem' }));

    // A record altered in the copy no longer verifies.
    const forged = proofs.map((p) => ({ ...p }));
    forged[1].sealedForm = forged[1].sealedForm.replace('intake.accepted', 'intake.rejected');
    expect(firstBrokenProof(forged)).toEqual({ chainPos: 2, problem: 'content_altered' });

    const csv = await fetch(`${h.baseUrl}/audit/projects/${projectA}/export?format=csv`, { headers: { Authorization: `Bearer ${auditor.token}` } });
    expect([csv.status, csv.headers.get('content-type')]).toEqual([200, 'text/csv; charset=utf-8']);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toMatch(/^链位置,账本位置,发生时间,操作,/);
    expect(lines).toHaveLength(4);
    expect(lines[2]).toContain('研判通过，予以承接');
    expect(lines[2]).toContain(proofs[1].hash);

    expect((await get(`/audit/projects/${randomUUID()}/export`)).status).toBe(404);
  });

  it('answers a project’s state at a past instant, with the last event up to then; before registration a clear 404', async () => {
    const atAccept = await ok(get(`/audit/projects/${projectA}/state?asOf=${encodeURIComponent(afterAccepted)}`));
    expect(atAccept).toMatchObject({
      projectId: projectA,
      stage: 'negotiation',
      stageLabel: '洽谈',
      eventsUpTo: 2,
      lastEvent: { action: 'intake.accepted', actionLabel: '研判通过，予以承接', actorName: taskForce.displayName },
      stateSource: 'workflow_history',
      state: { companyName: expect.stringContaining('审计检索甲'), contractNo: null, overdue: false },
    });
    const now = await ok(get(`/audit/projects/${projectA}/state?asOf=${encodeURIComponent(new Date().toISOString())}`));
    expect([now.stage, now.stageLabel, now.lastEvent.action, now.eventsUpTo]).toEqual(['signing', STAGE_LABELS.signing, 'negotiation.proceeded_to_signing', 3]);
    const atRegistration = await ok(get(`/audit/projects/${projectA}/state?asOf=${encodeURIComponent(new Date(Date.parse(acceptedAt) - 1).toISOString())}`));
    expect([atRegistration.stage, atRegistration.lastEvent.action]).toEqual(['intake', 'lead.registered']);

    const early = await get(`/audit/projects/${projectA}/state?asOf=${encodeURIComponent('2020-01-01T00:00:00+08:00')}`);
    expect([early.status, early.body.code]).toEqual([404, 'NOT_FOUND']);
    expect(early.body.message).toContain('尚未登记');
    expect((await get(`/audit/projects/${randomUUID()}/state?asOf=2026-03-01T00:00:00Z`)).status).toBe(404);
  });
});

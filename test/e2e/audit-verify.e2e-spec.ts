import { execFile } from 'node:child_process';
import { join, resolve } from 'node:path';
import { AuditCheckpointer, createDataSource, readPrivateKey } from '@zs/persistence';
import type { DataSource } from 'typeorm';
import { auditCheckpointEnv } from '../support/audit-checkpoint-env';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleLead } from '../support/sample-lead';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const ROOT = resolve(__dirname, '../..');
const RUN_TS = join(ROOT, 'test/support/run-ts.cjs');
const VERIFY_MAIN = join(ROOT, 'apps/api/src/audit-verify/verify-main.ts');

/**
 * What an auditor runs (issue 9): `GET /audit/verify` and `npm run audit:verify` over a real
 * project's record, before and after a checkpoint, and after a tampering committed by the
 * database's superuser behind the engine's back. A database of its own, since it is damaged.
 */
describe('audit verification: the route and the command', () => {
  let db: TestDatabase;
  let h: E2eHarness;
  let superuser: DataSource;
  let auditor: Staff;
  let projectId: string;

  function runVerifyCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
    return new Promise((done) => {
      execFile(
        process.execPath,
        [RUN_TS, VERIFY_MAIN],
        { cwd: ROOT, env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DATABASE_URL: db.url, ...auditCheckpointEnv(db.url) }, timeout: 90_000 },
        (err, stdout, stderr) => done({ code: err ? ((err as { code?: number }).code ?? null) : 0, stdout, stderr }),
      );
    });
  }

  beforeAll(async () => {
    db = await createTestDatabase('verify');
    h = await startE2eHarness({ databaseUrl: db.url });
    superuser = createDataSource({ url: db.superuserUrl, poolSize: 1 });
    await superuser.initialize();
    auditor = await loginStaff(h, 'auditor');
    const officer = await loginStaff(h, 'officer');
    const taskForce = await loginStaff(h, 'taskforce');
    const lead = await h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName: '长株潭审计验证科技有限公司' }) });
    expect(lead.status).toBe(201);
    projectId = lead.body.id;
    const decided = await h.http('POST', `/projects/${projectId}/intake-decision`, { token: taskForce.token, body: { action: 'accept' } });
    expect(decided.status).toBe(200);
  }, 180_000);

  afterAll(async () => {
    await h?.teardown();
    await superuser?.destroy();
    await db?.drop();
  });

  it('is for auditors, leadership and administrators only', async () => {
    const officer = await loginStaff(h, 'officer');
    const res = await h.http('GET', '/audit/verify', { token: officer.token });
    expect(res.status).toBe(403);
  });

  it('an untouched record verifies intact, and once signed, its checkpoint verifies in both stores', async () => {
    const before = await h.http('GET', '/audit/verify', { token: auditor.token });
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({ intact: true, brokenChains: [], ledgerProblems: [], publicKeyProblem: null, checkpoints: { verified: 0, problems: [] } });
    expect(before.body.records.audit_events).toBeGreaterThanOrEqual(2);
    expect(before.body.records.security_events).toBeGreaterThanOrEqual(1);

    const env = auditCheckpointEnv(db.url);
    const checkpoint = await new AuditCheckpointer(superuser, { privateKey: readPrivateKey(env.AUDIT_CHECKPOINT_PRIVATE_KEY_FILE), file: env.AUDIT_CHECKPOINT_FILE, intervalMs: 60_000 }).checkpointNow();
    expect(checkpoint).not.toBeNull();
    const after = await h.http('GET', '/audit/verify', { token: auditor.token });
    expect(after.body).toMatchObject({ intact: true, summary: expect.stringContaining('完整'), checkpoints: { file: 1, database: 1, verified: 2, latestPos: checkpoint!.pos, problems: [] } });
    expect(after.body.ledgerEntries).toBe(checkpoint!.pos);

    const cli = await runVerifyCli();
    expect({ code: cli.code, stderr: cli.stderr }).toEqual({ code: 0, stderr: '' });
    expect(cli.stdout).toContain('intact: every chain, the ledger and every checkpoint verified');
  });

  it('a record edited by the superuser with triggers off is named: its chain, position, row and what differs', async () => {
    const [event]: Array<{ id: string; chain: string; chain_pos: string }> = await superuser.query(
      `SELECT id::text AS id, chain, chain_pos FROM audit_events WHERE project_id = $1 AND action = 'intake.accepted'`,
      [projectId],
    );
    await superuser.transaction(async (tx) => {
      await tx.query(`SET LOCAL session_replication_role = replica`);
      await tx.query(`UPDATE audit_events SET action = 'intake.rejected' WHERE id = $1`, [event.id]);
    });
    const res = await h.http('GET', '/audit/verify', { token: auditor.token });
    expect(res.status).toBe(200);
    expect(res.body.intact).toBe(false);
    expect(res.body.summary).toContain('篡改');
    expect(res.body.brokenChains).toEqual([
      expect.objectContaining({ table: 'audit_events', chain: `project:${projectId}`, chainPos: Number(event.chain_pos), recordId: event.id, problem: 'content_altered', problemLabel: expect.stringContaining('内容被改动') }),
    ]);

    const cli = await runVerifyCli();
    expect(cli.code).toBe(1);
    expect(cli.stdout).toContain(`BROKEN audit_events project:${projectId} at position ${event.chain_pos} (record ${event.id}): content_altered`);
    expect(cli.stdout).toContain('NOT INTACT');
  });
});

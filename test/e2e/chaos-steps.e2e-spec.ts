import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { projectStateQuery } from '@zs/contracts';
import { freePort, prepareEmbeddedPostgres, type EmbeddedPostgresServer, type ManagedProcess } from '@zs/local-stack';
import { runMigrations } from '@zs/persistence';
import type { DataSource } from 'typeorm';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { eventually } from '../support/eventually';
import { sampleLead } from '../support/sample-lead';
import { killAllWorkerProcesses, startWorkerProcess, type WorkerProcess } from '../support/worker-process';

/** How each project's step ended, from the client's side and from both records. */
interface StepCase {
  projectId: string;
  key: string;
  status: number;
}

interface Tally {
  steps: number;
  ok: number;
  unavailable: number;
  appliedAfter503: number;
  notAppliedAfter503: number;
  other: number;
  phantom: number;
  lost: number;
  duplicate: number;
  outcomeWrong: number;
  readModelWrong: number;
}

/** Sends `n` steps at once, runs `disrupt` once `after` of them have answered, and returns every answer. */
async function stepsWithDisruption(send: (i: number) => Promise<HttpResult>, n: number, after: number, disrupt: () => Promise<void>): Promise<HttpResult[]> {
  let answered = 0;
  let disruption: Promise<void> | null = null;
  const results = await Promise.all(
    Array.from({ length: n }, (_, i) =>
      send(i).then((res) => {
        answered += 1;
        if (answered === after) disruption = disrupt();
        return res;
      }),
    ),
  );
  await disruption;
  return results;
}

/**
 * Checks every project against both records once nothing is pending: exactly one decision event
 * for a 2xx, one or none for a 503 (and the outcome route agrees), none the workflow did not
 * take (phantom), read model = workflow, sequence 1..n.
 */
async function tally(h: E2eHarness, db: DataSource, client: Client, token: string, cases: StepCase[]): Promise<Tally> {
  const t: Tally = { steps: cases.length, ok: 0, unavailable: 0, appliedAfter503: 0, notAppliedAfter503: 0, other: 0, phantom: 0, lost: 0, duplicate: 0, outcomeWrong: 0, readModelWrong: 0 };
  for (const c of cases) {
    const outcome = await eventually(`outcome of ${c.key}`, async () => {
      const res = await h.http('GET', `/projects/${c.projectId}/steps/${c.key}`, { token });
      return res.status === 200 && res.body.status !== 'pending' ? (res.body.status as string) : undefined;
    }, 90_000);
    const events: Array<{ seq: number; action: string; update_id: string | null }> = await db.query(
      `SELECT seq, action, update_id FROM audit_events WHERE project_id = $1 ORDER BY seq`,
      [c.projectId],
    );
    const decisions = events.filter((e) => e.action === 'intake.accepted');
    const { state } = await client.workflow.getHandle(`project-${c.projectId}`).query(projectStateQuery);
    const [row] = await db.query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [c.projectId]);

    if (c.status === 200) t.ok += 1;
    else if (c.status === 503) t.unavailable += 1;
    else t.other += 1;
    if (c.status === 503 && decisions.length === 1) t.appliedAfter503 += 1;
    if (c.status === 503 && decisions.length === 0) t.notAppliedAfter503 += 1;
    if (decisions.length > 0 && state.stage === 'intake') t.phantom += 1;
    if (decisions.length === 0 && state.stage !== 'intake') t.lost += 1;
    if (c.status === 200 && decisions.length === 0) t.lost += 1;
    if (decisions.length > 1 || events.some((e, i) => e.seq !== i + 1)) t.duplicate += 1;
    if (outcome !== (decisions.length === 1 ? 'applied' : 'not_applied')) t.outcomeWrong += 1;
    if (row.stage !== state.stage || row.last_seq !== state.seq || events.length !== state.seq) t.readModelWrong += 1;
  }
  return t;
}

const report = (name: string, t: Tally) =>
  process.stdout.write(
    `\n[chaos] ${name}: ${t.steps} steps, ${t.ok} × 2xx, ${t.unavailable} × 503 (${t.appliedAfter503} applied later, ${t.notAppliedAfter503} not applied), ${t.other} other; ` +
      `phantom ${t.phantom}, lost ${t.lost}, duplicate ${t.duplicate}, outcome route wrong ${t.outcomeWrong}, read model ≠ workflow ${t.readModelWrong}\n`,
  );

const expectExact = (t: Tally) =>
  expect({ other: t.other, phantom: t.phantom, lost: t.lost, duplicate: t.duplicate, outcomeWrong: t.outcomeWrong, readModelWrong: t.readModelWrong }).toEqual({
    other: 0,
    phantom: 0,
    lost: 0,
    duplicate: 0,
    outcomeWrong: 0,
    readModelWrong: 0,
  });

async function registerMany(h: E2eHarness, token: string, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 10) {
    const batch = await Promise.all(
      Array.from({ length: Math.min(10, n - i) }, (_, j) => h.http('POST', '/leads', { token, body: sampleLead({ companyName: `混沌测试企业${i + j}号` }) })),
    );
    for (const res of batch) {
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
  }
  return ids;
}

/**
 * Issue 8, chaos with real processes: the record stays exact when the worker or PostgreSQL is
 * SIGKILLed in the middle of concurrent steps.
 */
describe('chaos: steps through crashes', () => {
  let temporal: Connection;
  let client: Client;
  const workflows: string[] = [];

  beforeAll(async () => {
    temporal = await Connection.connect({ address: stackEnv('temporalAddress') });
    client = new Client({ connection: temporal });
  });
  afterAll(async () => {
    await killAllWorkerProcesses();
    await Promise.all(workflows.map((id) => client.workflow.getHandle(`project-${id}`).terminate('e2e clean-up').catch(() => undefined)));
    await temporal?.close();
  });

  it('worker SIGKILLed during 100 concurrent intake decisions, then restarted: every step once or not at all, as the outcome route says', async () => {
    // Long enough for the first answers to come back before the kill, short enough that steps
    // waiting on the dead worker answer 503 before the new one has taken them over.
    const h = await startE2eHarness({ updateTimeoutMs: 8_000, worker: false });
    try {
      let worker: WorkerProcess = await startWorkerProcess({}, { name: 'chaos-worker-1' });
      const [officer, taskForce] = await Promise.all([h.login('officer'), h.login('taskforce')]);
      const ids = await registerMany(h, officer, 100);
      workflows.push(...ids);
      const keys = ids.map(() => `chaos-w-${randomUUID()}`);

      const results = await stepsWithDisruption(
        (i) => h.http('POST', `/projects/${ids[i]}/intake-decision`, { token: taskForce, body: { action: 'accept' }, headers: { 'idempotency-key': keys[i] } }),
        ids.length,
        25,
        async () => {
          await worker.kill();
          worker = await startWorkerProcess({}, { name: 'chaos-worker-2' });
        },
      );
      const t = await tally(h, h.dataSource, client, taskForce, ids.map((projectId, i) => ({ projectId, key: keys[i], status: results[i].status })));
      report('worker SIGKILL', t);
      expectExact(t);
      expect(t.ok + t.unavailable).toBe(100);
      expect(t.ok).toBeGreaterThanOrEqual(25);
    } finally {
      await killAllWorkerProcesses();
      await h.teardown();
    }
  });

  it('PostgreSQL SIGKILLed during 50 concurrent intake decisions, then back: every step once or not at all, as the outcome route says', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhaoshang-chaos-pg-'));
    let server: EmbeddedPostgresServer | null = null;
    let postgres: ManagedProcess | null = null;
    let h: E2eHarness | null = null;
    try {
      server = await prepareEmbeddedPostgres({ dataDir: join(dir, 'pg'), port: await freePort(), database: 'zhaoshang_chaos', persistent: false });
      postgres = await server.launch();
      await runMigrations(server.url);
      h = await startE2eHarness({ updateTimeoutMs: 3_000, worker: false, databaseUrl: server.url });
      await startWorkerProcess({ DATABASE_URL: server.url }, { name: 'chaos-pg-worker' });
      const [officer, taskForce] = await Promise.all([h.login('officer'), h.login('taskforce')]);
      const ids = await registerMany(h, officer, 50);
      workflows.push(...ids);
      const keys = ids.map(() => `chaos-pg-${randomUUID()}`);

      const results = await stepsWithDisruption(
        (i) => h!.http('POST', `/projects/${ids[i]}/intake-decision`, { token: taskForce, body: { action: 'accept' }, headers: { 'idempotency-key': keys[i] } }),
        ids.length,
        10,
        async () => {
          postgres!.kill();
          await postgres!.exited;
          await new Promise((r) => setTimeout(r, 2_000));
          // Backends of the killed server may linger a moment on its shared memory: try again until it starts.
          postgres = await eventually('PostgreSQL back', () => server!.launch().catch(() => undefined), 30_000);
        },
      );
      const t = await tally(h, h.dataSource, client, taskForce, ids.map((projectId, i) => ({ projectId, key: keys[i], status: results[i].status })));
      report('PostgreSQL SIGKILL', t);
      expectExact(t);
      expect(t.ok + t.unavailable).toBe(50);
    } finally {
      await killAllWorkerProcesses();
      await h?.teardown().catch(() => undefined);
      await postgres?.stop(5_000).catch(() => undefined);
      await server?.dispose().catch(() => undefined);
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

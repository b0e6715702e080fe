import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { projectStateQuery, type ProjectSnapshot } from '@zs/contracts';
import { freePort, prepareEmbeddedPostgres, type EmbeddedPostgresServer, type ManagedProcess } from '@zs/local-stack';
import { provisionLoginRoles, runMigrations } from '@zs/persistence';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { sampleLead, uniqueCompanyName } from '../support/sample-lead';
import { killAllWorkerProcesses, startWorkerProcess, type WorkerProcess } from '../support/worker-process';

/**
 * Issue 8, "the record can be trusted", with real processes: intake decisions sent at once over
 * HTTP while (a) the worker process is SIGKILLed and a new one started, (b) PostgreSQL (a
 * private one: the shared test database is never touched) is SIGKILLed and started again on the
 * same data. Afterwards, for every project:
 * - a 2xx was applied exactly once: one intake.accepted/rejected event, carrying its update id;
 * - a 503 was applied once or not at all, and GET /projects/:id/steps/:key (the key the 503 names
 *   in details[0].message, or the Idempotency-Key sent) says which, once it no longer says pending;
 * - no phantom (an event the workflow did not take: its projectState query still in intake), none
 *   lost (the workflow decided but no event), no duplicate; the audit log is seq 1..n;
 * - the read model's stage and sequence are the workflow's.
 * Half the steps carry an Idempotency-Key, half none (the API makes one up and names it in a 503).
 * The counts are printed (`[chaos-record] …`).
 */

const UPDATE_TIMEOUT_MS = 3_000;
const DECISION_ACTIONS = ['intake.accepted', 'intake.rejected'];

interface Sent {
  projectId: string;
  /** The Idempotency-Key sent, or null for a keyless step. */
  sentKey: string | null;
  action: 'accept' | 'reject';
  res: HttpResult;
}

interface Counts {
  steps: number;
  ok2xx: number;
  unavailable503: number;
  appliedAfter503: number;
  notAppliedAfter503: number;
  /** 503s whose outcome route said 'pending' before it said applied/not_applied. */
  pendingFirst: number;
  other: number;
  phantom: number;
  lost: number;
  duplicate: number;
  outcomeMismatch: number;
  readModelMismatch: number;
  seqGaps: number;
}

interface AuditRow {
  seq: number;
  action: string;
  update_id: string | null;
  stage_after: string;
}

/** Sends every step at once; `disrupt` runs as soon as `after` of them have answered. Resolves with every answer. */
async function sendWithDisruption(steps: Array<() => Promise<HttpResult>>, after: number, disrupt: () => Promise<void>): Promise<{ answers: HttpResult[]; disrupted: Promise<void> }> {
  let answered = 0;
  let disrupted: Promise<void> = Promise.resolve();
  const answers = await Promise.all(
    steps.map((send) =>
      send().then((res) => {
        if (++answered === after) disrupted = disrupt();
        return res;
      }),
    ),
  );
  return { answers, disrupted };
}

/**
 * The projects the chaos then acts on, registered before any disruption. Each lead carries an
 * Idempotency-Key and is sent again with it after a 503 (the 3-s update timeout, met on a busy CI
 * machine): the retry lands on the same project, so every lead ends 201 exactly once.
 */
async function registerMany(h: E2eHarness, officer: Staff, n: number, label: string): Promise<string[]> {
  const register = async (i: number) => {
    const key = randomUUID();
    const body = sampleLead({ companyName: uniqueCompanyName(`${label}混沌企业${i}号`) });
    for (let attempt = 1; ; attempt++) {
      const res = await h.http('POST', '/leads', { token: officer.token, body, headers: { 'idempotency-key': key } });
      if (res.status === 503 && attempt < 5) continue;
      expect(res.status).toBe(201);
      return res.body.id as string;
    }
  };
  const ids: string[] = [];
  for (let i = 0; i < n; i += 10) ids.push(...(await Promise.all(Array.from({ length: Math.min(10, n - i) }, (_, j) => register(i + j)))));
  return ids;
}

/** Half keyed, half keyless; two in three accept, one in three reject. */
function decisionSteps(h: E2eHarness, taskForce: Staff, ids: string[], label: string): { sent: Array<Omit<Sent, 'res'>>; steps: Array<() => Promise<HttpResult>> } {
  const sent = ids.map((projectId, i) => ({
    projectId,
    sentKey: i % 2 === 0 ? `${label}-${i}-${randomUUID()}` : null,
    action: (i % 3 === 2 ? 'reject' : 'accept') as 'accept' | 'reject',
  }));
  const steps = sent.map((s) => () =>
    h.http('POST', `/projects/${s.projectId}/intake-decision`, {
      token: taskForce.token,
      body: s.action === 'accept' ? { action: 'accept' } : { action: 'reject', reason: '不符合园区产业定位' },
      headers: s.sentKey ? { 'idempotency-key': s.sentKey } : {},
    }),
  );
  return { sent, steps };
}

/**
 * Waits until nothing is pending (each 503's outcome decided, each workflow's read model caught
 * up), then compares the client's answers, the outcome route, the audit log, the read model and
 * the workflows' own state.
 */
async function reconcile(h: E2eHarness, client: Client, taskForce: Staff, sent: Sent[], label: string): Promise<Counts> {
  const c: Counts = {
    steps: sent.length,
    ok2xx: 0,
    unavailable503: 0,
    appliedAfter503: 0,
    notAppliedAfter503: 0,
    pendingFirst: 0,
    other: 0,
    phantom: 0,
    lost: 0,
    duplicate: 0,
    outcomeMismatch: 0,
    readModelMismatch: 0,
    seqGaps: 0,
  };
  const problems: string[] = [];
  const updateIdOf = (key: string) => `${taskForce.id}:${key}`;

  for (const s of sent) {
    const { status, body } = s.res;
    // The key to ask about: the one the 503 names (the client's own, or the one the API made up).
    let outcome: string | null = null;
    if (status === 503) {
      c.unavailable503++;
      expect(body).toMatchObject({ statusCode: 503, code: 'ENGINE_UNAVAILABLE', details: [{ field: 'Idempotency-Key', message: expect.any(String) }] });
      const key = body.details[0].message as string;
      if (s.sentKey) expect(key).toBe(s.sentKey);
      else expect(key).toMatch(/^auto-/);
      let sawPending = false;
      outcome = await eventually(
        `the outcome of ${label} step ${key}`,
        async () => {
          const res = await h.http('GET', `/projects/${s.projectId}/steps/${key}`, { token: taskForce.token });
          if (res.status !== 200) return undefined;
          if (res.body.status === 'pending') {
            sawPending = true;
            return undefined;
          }
          return res.body.status as string;
        },
        90_000,
      );
      if (sawPending) c.pendingFirst++;
      (s as Sent & { key?: string }).key = key;
    } else if (status >= 200 && status < 300) {
      c.ok2xx++;
    } else {
      c.other++;
      problems.push(`${s.projectId}: answered ${status} ${JSON.stringify(body)}`);
    }

    const handle = client.workflow.getHandle(`project-${s.projectId}`);
    const settled = await eventually(
      `${label} project ${s.projectId} projected up to its workflow`,
      async () => {
        const { state } = (await handle.query(projectStateQuery)) as ProjectSnapshot;
        const audit: AuditRow[] = await h.dataSource.query(`SELECT seq, action, update_id, stage_after FROM audit_events WHERE project_id = $1 ORDER BY seq, id`, [s.projectId]);
        const [row]: Array<{ stage: string; last_seq: number }> = await h.dataSource.query(`SELECT stage, last_seq FROM projects WHERE id = $1`, [s.projectId]);
        return row && row.last_seq === state.seq && audit.length >= state.seq ? { state, audit, row } : undefined;
      },
      60_000,
    );
    const { state, audit, row } = settled;
    const decisions = audit.filter((e) => DECISION_ACTIONS.includes(e.action));
    const decidedInWorkflow = state.stage !== 'intake';

    if (audit.some((e, i) => e.seq !== i + 1) || audit.length !== state.seq) {
      c.seqGaps++;
      problems.push(`${s.projectId}: audit seqs ${audit.map((e) => e.seq).join(',')} for workflow seq ${state.seq}`);
    }
    if (decisions.length > 1) {
      c.duplicate++;
      problems.push(`${s.projectId}: ${decisions.length} decision events`);
    }
    if (decisions.length > 0 && !decidedInWorkflow) {
      c.phantom++;
      problems.push(`${s.projectId}: decision event but the workflow is still in intake`);
    }
    if (decidedInWorkflow && decisions.length === 0) {
      c.lost++;
      problems.push(`${s.projectId}: the workflow decided (${state.stage}) but the audit log has no decision`);
    }
    if (row.stage !== state.stage || row.last_seq !== state.seq || audit.at(-1)?.stage_after !== state.stage) {
      c.readModelMismatch++;
      problems.push(`${s.projectId}: read model ${row.stage}/${row.last_seq}, last event ${audit.at(-1)?.stage_after}, workflow ${state.stage}/${state.seq}`);
    }

    if (status >= 200 && status < 300) {
      // Applied exactly once, with the update id of its key (the API's own key when none was sent).
      const mine = s.sentKey ? decisions.filter((e) => e.update_id === updateIdOf(s.sentKey!)) : decisions.filter((e) => e.update_id?.startsWith(`${taskForce.id}:auto-`));
      if (mine.length !== 1 || decisions.length !== 1) {
        c.lost += mine.length === 0 ? 1 : 0;
        problems.push(`${s.projectId}: 2xx with ${mine.length} events of its update id (of ${decisions.length} decisions)`);
      }
      if (s.res.body.stage !== state.stage) problems.push(`${s.projectId}: 2xx said ${s.res.body.stage}, workflow is ${state.stage}`);
    }
    if (status === 503) {
      const key = (s as Sent & { key?: string }).key!;
      const mine = decisions.filter((e) => e.update_id === updateIdOf(key));
      if (outcome === 'applied') c.appliedAfter503++;
      else if (outcome === 'not_applied') c.notAppliedAfter503++;
      const expected = mine.length === 1 ? 'applied' : 'not_applied';
      if (outcome !== expected || mine.length > 1 || mine.length !== decisions.length) {
        c.outcomeMismatch++;
        problems.push(`${s.projectId}: 503 then outcome ${outcome}, ${mine.length} events of its update id, ${decisions.length} decisions`);
      }
    }
    if (decisions.length === 1) {
      const expectedStage = decisions[0].action === 'intake.accepted' ? 'negotiation' : 'rejected';
      if (state.stage !== expectedStage || (s.action === 'accept') !== (decisions[0].action === 'intake.accepted')) {
        problems.push(`${s.projectId}: sent ${s.action}, recorded ${decisions[0].action}, workflow ${state.stage}`);
      }
    }
  }

  process.stdout.write(
    `\n[chaos-record] ${label}: ${c.steps} steps: 2xx ${c.ok2xx}, 503 ${c.unavailable503} (applied after 503 ${c.appliedAfter503}, not applied ${c.notAppliedAfter503}; ` +
      `'pending' seen first ${c.pendingFirst}), other ${c.other}; phantom ${c.phantom}, lost ${c.lost}, duplicate ${c.duplicate}, ` +
      `outcome ≠ audit ${c.outcomeMismatch}, read model ≠ workflow ${c.readModelMismatch}, seq gaps ${c.seqGaps}\n`,
  );
  expect(problems).toEqual([]);
  return c;
}

describe('chaos: the record through SIGKILLs (worker, PostgreSQL)', () => {
  let temporal: Connection;
  let client: Client;
  const projects: string[] = [];

  beforeAll(async () => {
    temporal = await Connection.connect({ address: stackEnv('temporalAddress') });
    client = new Client({ connection: temporal, namespace: stackEnv('temporalNamespace') });
  });

  afterAll(async () => {
    // Whatever failed: no worker process outlives the file, no project of it keeps timers on the shared server.
    await killAllWorkerProcesses();
    for (let i = 0; i < projects.length; i += 25) {
      await Promise.all(projects.slice(i, i + 25).map((id) => client.workflow.getHandle(`project-${id}`).terminate('chaos-record clean-up').catch(() => undefined)));
    }
    await temporal?.close();
  });

  it('(a) the worker process SIGKILLed after ~25 of 100 concurrent intake decisions, then a new one: every 2xx once, every 503 once or not at all, as the outcome route says', async () => {
    const h = await startE2eHarness({ updateTimeoutMs: UPDATE_TIMEOUT_MS, worker: false });
    let first: WorkerProcess | null = null;
    try {
      first = await startWorkerProcess({}, { name: 'chaos-record-a-1' });
      const [officer, taskForce] = await Promise.all([loginStaff(h, 'officer'), loginStaff(h, 'taskforce')]);
      const ids = await registerMany(h, officer, 100, 'A');
      projects.push(...ids);
      const { sent, steps } = decisionSteps(h, taskForce, ids, 'chaos-a');

      const worker = first;
      const { answers, disrupted } = await sendWithDisruption(steps, 25, () => worker.kill());
      await disrupted;
      expect(await worker.exited).toEqual({ code: null, signal: 'SIGKILL' });
      // Only now a new worker: the steps the dead one held answered 503 (no worker within 3 s).
      await startWorkerProcess({}, { name: 'chaos-record-a-2' });

      const c = await reconcile(h, client, taskForce, sent.map((s, i) => ({ ...s, res: answers[i] })), 'worker SIGKILL');
      expect(c.ok2xx + c.unavailable503).toBe(100);
      // The kill came mid-run (after 25 answers, by construction) and the steps it held answered 503.
      // How many answered 2xx before it depends on the machine: on a busy one (CI met this) every one
      // of the first 25 was a 503 of the 3-s update timeout, applied all the same. So what is asserted
      // is that steps were applied (answered 2xx, or applied after their 503) and some met the kill.
      expect(c.ok2xx + c.appliedAfter503).toBeGreaterThan(0);
      expect(c.unavailable503).toBeGreaterThan(0);
      expect({ phantom: c.phantom, lost: c.lost, duplicate: c.duplicate, outcomeMismatch: c.outcomeMismatch, readModelMismatch: c.readModelMismatch, seqGaps: c.seqGaps }).toEqual({
        phantom: 0,
        lost: 0,
        duplicate: 0,
        outcomeMismatch: 0,
        readModelMismatch: 0,
        seqGaps: 0,
      });
    } finally {
      await killAllWorkerProcesses();
      await h.teardown();
    }
  }, 180_000);

  it('(b) a private PostgreSQL SIGKILLed (its postmaster) during 50 concurrent intake decisions, then started again on the same data: the same guarantees', async () => {
    const dataDir = join(stackEnv('workDir'), `chaos-record-pg-${randomUUID().slice(0, 8)}`);
    let server: EmbeddedPostgresServer | null = null;
    let postgres: ManagedProcess | null = null;
    let h: E2eHarness | null = null;
    try {
      server = await prepareEmbeddedPostgres({ dataDir, port: await freePort(), database: 'zhaoshang_chaos_record', persistent: false, logFile: `${dataDir}.log` });
      postgres = await server.launch();
      await runMigrations(server.url);
      // As everywhere: the engine connects as the app role, the superuser only migrates.
      const { appUrl } = await provisionLoginRoles(server.url, { app: randomUUID(), auditor: randomUUID() });
      h = await startE2eHarness({ updateTimeoutMs: UPDATE_TIMEOUT_MS, worker: false, databaseUrl: appUrl });
      await startWorkerProcess({ DATABASE_URL: appUrl }, { name: 'chaos-record-b' });
      const [officer, taskForce] = await Promise.all([loginStaff(h, 'officer'), loginStaff(h, 'taskforce')]);
      const ids = await registerMany(h, officer, 50, 'B');
      projects.push(...ids);
      const { sent, steps: sendAll } = decisionSteps(h, taskForce, ids, 'chaos-b');
      // Spread over about 1.2 s: on a fast run all 50 decisions committed before the kill landed (2xx 50,
      // 503 0), so nothing met the outage. Staggered, the kill after the third answer finds some in flight
      // and the later ones arrive while PostgreSQL is down.
      const steps = sendAll.map((send, i) => () => new Promise<void>((r) => setTimeout(r, i * 25)).then(send));

      const pg = server;
      let killedPid = 0;
      const { answers, disrupted } = await sendWithDisruption(steps, 3, async () => {
        // The postmaster's pid, as PostgreSQL itself records it (first line of postmaster.pid).
        const pidFile = join(pg.dataDir, 'postmaster.pid');
        killedPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        process.kill(killedPid, 'SIGKILL');
      });
      await disrupted;
      expect(killedPid).toBeGreaterThan(0);
      // The postmaster is gone (its managed process sees the SIGKILL and clears its group: the orphaned backends).
      expect(await postgres.exited).toMatchObject({ signal: 'SIGKILL' });
      // Down a few seconds more, then back on the same data and port; orphaned backends may hold its
      // shared memory for a moment, so the start is retried.
      await new Promise((r) => setTimeout(r, 2_000));
      postgres = await eventually('PostgreSQL to start again on its data', () => pg.launch().catch(() => undefined), 60_000);
      expect(existsSync(join(pg.dataDir, 'postmaster.pid'))).toBe(true);
      expect(Number(readFileSync(join(pg.dataDir, 'postmaster.pid'), 'utf8').split('\n')[0])).not.toBe(killedPid);

      const c = await reconcile(h, client, taskForce, sent.map((s, i) => ({ ...s, res: answers[i] })), 'PostgreSQL SIGKILL');
      expect(c.ok2xx + c.unavailable503 + c.other).toBe(50);
      expect(c.ok2xx).toBeGreaterThanOrEqual(3);
      expect(c.unavailable503).toBeGreaterThan(0);
      expect({ phantom: c.phantom, lost: c.lost, duplicate: c.duplicate, outcomeMismatch: c.outcomeMismatch, readModelMismatch: c.readModelMismatch, seqGaps: c.seqGaps }).toEqual({
        phantom: 0,
        lost: 0,
        duplicate: 0,
        outcomeMismatch: 0,
        readModelMismatch: 0,
        seqGaps: 0,
      });
    } finally {
      await killAllWorkerProcesses();
      await h?.teardown().catch(() => undefined);
      await postgres?.stop(5_000).catch(() => undefined);
      await server?.dispose().catch(() => undefined);
    }
  }, 240_000);
});

import { mkdirSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { DEFAULT_MAX_CACHED_WORKFLOWS, repoRoot } from '@zs/config';
import { EngineStackRunner, type EngineStack } from '@zs/local-stack';
import { closeDatabase, listDepartments, openDatabase, withDatabase, writeArchivedProjects, type Database } from '@zs/persistence';
import { HttpClient } from '../http-client';
import { archivedProject } from './archived-portfolio';
import { ALERT_LATENESS_TARGET_MS, measureAlertLateness } from './alert-lateness';
import { countLiveProjects, fillArchive, fillLive } from './fill';
import { measureKpisAfterChange, measureReads, READ_TARGETS, worst } from './read-latency';
import { stackMemory, type StackMemory } from './resident-memory';
import { parseScaleArgs, type ScaleArgs } from './scale-args';
import { readProgress, saveProgress } from './scale-progress';
import { summaryTable, verdict, type SummaryRow } from './scale-report';
import { touchLiveWorkflows, type CacheMeasurement } from './workflow-cache';

/**
 * `npm run bench:scale -- [--projects 100000] [--live 10000] [--fresh]`: issue 12's scale figures
 * on one persistent stack in `.bench-scale/` (embedded PostgreSQL and the Temporal dev server's
 * SQLite file keep their data; progress.json says how far the fill got), so a run resumes where
 * the last stopped and a filled folder goes straight to measuring:
 *  1. fill: the closed projects through @zs/persistence, the live ones as real workflows over HTTP;
 *  2. reads: GET /tasks, GET /projects with every filter, GET /kpis (p50/p95), floor GET /auth/me;
 *  3. overdue alerts: lateness of a batch of intake deadlines falling during the run, floor a bare timer;
 *  4. memory: worker and API resident sizes at start (floor), after filling, after reading, and the
 *     worker's with every live workflow touched under each workflow-cache size (a restart each);
 *  5. a summary: value, floor, target, PASS/MISS, and the load average.
 */
const MB_WORKER_TARGET = 1024;
const MB_API_TARGET = 300;
const SAMPLES = Number(process.env.BENCH_SCALE_SAMPLES ?? 200);
const KPI_SAMPLES = Number(process.env.BENCH_SCALE_KPI_SAMPLES ?? 30);
/** Worker cache sizes to measure with every live workflow touched (a stack restart each; empty: none). */
const CACHE_SIZES = (process.env.BENCH_SCALE_CACHE_SIZES ?? '1000,500,250').split(',').filter(Boolean).map(Number);
const ALERT_DEADLINE_MS = Number(process.env.BENCH_SCALE_ALERT_DEADLINE_S ?? 120) * 1000;
/** Leads in the alert batch: by default one in twenty live ones (50 to 500), registered as fast as the fill. */
const alertBatch = (live: number) => Number(process.env.BENCH_SCALE_ALERT_BATCH ?? Math.max(50, Math.min(500, Math.round(live / 20))));

const say = (m: string) => process.stdout.write(`[bench:scale] ${new Date().toISOString().slice(11, 19)} ${m}\n`);
const mem = (m: StackMemory) => `worker ${m.workerMb} MB, API ${m.apiMb} MB`;

async function main(): Promise<void> {
  let args: ScaleArgs;
  try {
    args = parseScaleArgs(process.argv.slice(2));
  } catch (err) {
    // A usage mistake: the message and the usage line, not a stack trace.
    process.stderr.write(`[bench:scale] ${(err as Error).message}\n`);
    process.exit(2);
  }
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = join(repoRoot(), '.bench-scale');
  if (args.fresh) {
    say(`--fresh: removing ${dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  const progress = readProgress(dataDir);
  progress.runs++;
  saveProgress(dataDir, progress);
  say(`${args.projects} projects, ${args.live} of them live; data in ${dataDir} (run ${progress.runs} on it)`);

  let runner: EngineStackRunner | null = null;
  let db: Database | null = null;
  const onSignal = (signal: string) => {
    say(`${signal}: stopping the stack (the data stay; run again to resume)`);
    void (runner?.stop() ?? Promise.resolve()).finally(() => process.exit(130));
  };
  process.once('SIGINT', () => onSignal('SIGINT'));
  process.once('SIGTERM', () => onSignal('SIGTERM'));

  const start = async (cacheSize?: number): Promise<EngineStack> => {
    runner = new EngineStackRunner({
      dataDir,
      persistent: true,
      log: say,
      // As `npm run bench`: the production write and login limits would stop a bench writing as one officer.
      env: {
        LOG_LEVEL: 'warn',
        RATE_LIMIT_WRITES: '10000000',
        RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000',
        RATE_LIMIT_LOGIN_PER_IP: '1000',
        ...(cacheSize ? { WORKER_MAX_CACHED_WORKFLOWS: String(cacheSize) } : {}),
      },
      afterMigrations: (url) => withDatabase({ url, poolSize: 1 }, (d) => seedDemoUsers(d, DEFAULT_DEMO_PASSWORD)).then(() => undefined),
    });
    return runner.start();
  };

  // Filling and reading run with the configured cache (the default unless WORKER_MAX_CACHED_WORKFLOWS is set).
  let stack = await start();
  try {
    const memStart = stackMemory(stack);
    say(`stack up: ${mem(memStart)} resident (floor)`);
    db = await openDatabase({ url: stack.databaseUrl, poolSize: 2 });
    const org = { departmentIds: (await listDepartments(db, { active: true })).map((d) => d.id) };
    const http = new HttpClient(stack.apiUrl);
    const tokens = {
      officer: await http.login('officer', DEFAULT_DEMO_PASSWORD),
      taskForce: await http.login('taskforce', DEFAULT_DEMO_PASSWORD),
      leader: await http.login('leader', DEFAULT_DEMO_PASSWORD),
      admin: await http.login('admin', DEFAULT_DEMO_PASSWORD),
    };

    await fillArchive(db, dataDir, progress, args.projects - args.live, org, say);
    await fillLive(db, http, tokens.officer, args.live, progress.runs, say);
    const live = await countLiveProjects(db);
    const memFilled = stackMemory(stack);
    say(`filled: ${live} live projects, ${progress.archivedWritten} archived; ${mem(memFilled)} resident`);

    const reads = await measureReads(http, tokens, org, { reads: SAMPLES, kpis: KPI_SAMPLES }, say);
    // Rewriting an archived project as it was changes its facts' row (a new change_xid): the next table is computed afresh.
    const filled = db;
    const kpisAfterChange = await measureKpisAfterChange(http, tokens.leader, KPI_SAMPLES, (i) => writeArchivedProjects(filled, [archivedProject(i, org)]), say);
    const memRead = stackMemory(stack);
    say(`after the reads: ${mem(memRead)} resident`);

    const alerts = await measureAlertLateness(
      db,
      http,
      tokens,
      stack.temporalAddress,
      { batch: alertBatch(args.live), deadlineAfterMs: ALERT_DEADLINE_MS, salt: 1_000_000 + progress.runs },
      say,
    );
    say(`alerts: lateness p50 ${alerts.engine.p50} / p99 ${alerts.engine.p99} / max ${alerts.engine.max} ms (${alerts.engine.n} of ${alerts.engine.expected}); bare timer p50 ${alerts.floor.p50} / p99 ${alerts.floor.p99} / max ${alerts.floor.max} ms`);
    const memAlerts = stackMemory(stack);

    const caches: CacheMeasurement[] = [];
    // A fresh worker per size, so each starts from the same empty cache and its floor is its own start.
    for (const size of CACHE_SIZES) {
      say(`restarting the stack with WORKER_MAX_CACHED_WORKFLOWS=${size} ...`);
      await closeDatabase(db);
      await stack.stop();
      stack = await start(size);
      db = await openDatabase({ url: stack.databaseUrl, poolSize: 2 });
      caches.push(await touchLiveWorkflows(db, stack, dataDir, size, say));
    }
    const fits = caches.filter((c) => (c.afterTouch.workerMb ?? Infinity) <= MB_WORKER_TARGET).sort((a, b) => b.cacheSize - a.cacheSize);
    const chosen = fits[0] ?? null;

    process.stdout.write(`\n== bench:scale: ${args.projects} projects, ${live} live (run ${progress.runs}) ==\n\n`);
    process.stdout.write(`GET /projects per filter (p50 / p95 ms, ${SAMPLES} requests each):\n`);
    for (const t of reads.projects) process.stdout.write(`  ${t.label.padEnd(44)} ${String(t.p50).padStart(7)} / ${String(t.p95).padStart(7)}  ${t.p95 <= READ_TARGETS.projects ? 'PASS' : 'MISS'}  (${t.rows} rows)\n`);
    process.stdout.write(`GET /tasks (p50 / p95 ms):\n`);
    for (const t of reads.tasks) process.stdout.write(`  ${t.label.padEnd(44)} ${String(t.p50).padStart(7)} / ${String(t.p95).padStart(7)}  ${t.p95 <= READ_TARGETS.tasks ? 'PASS' : 'MISS'}  (${t.rows} rows)\n`);
    process.stdout.write(
      `GET /kpis (p50 / p95 ms, ${KPI_SAMPLES} requests each; a table is kept until the record changes: repeated reads, then reads after a change):\n`,
    );
    for (const t of [...reads.kpis, ...kpisAfterChange]) {
      process.stdout.write(`  ${t.label.padEnd(64)} ${String(t.p50).padStart(7)} / ${String(t.p95).padStart(7)}  ${t.p95 <= READ_TARGETS.kpis ? 'PASS' : 'MISS'}\n`);
    }
    process.stdout.write(`resident memory (MB): at start ${mem(memStart)}; filled ${mem(memFilled)}; after reads ${mem(memRead)}; after alerts ${mem(memAlerts)}\n`);
    for (const c of caches) {
      process.stdout.write(`workflow cache ${c.cacheSize}: worker ${c.atStart.workerMb} MB at start → ${c.afterTouch.workerMb} MB with ${c.touched} live workflows touched (${c.failed} failed, ${c.touchSeconds} s); API ${c.afterTouch.apiMb} MB\n`);
    }
    process.stdout.write(`workflow cache chosen for ≤ ${MB_WORKER_TARGET} MB: ${caches.length === 0 ? 'not measured (BENCH_SCALE_CACHE_SIZES is empty)' : chosen ? `${chosen.cacheSize} (the largest measured size that fits)` : 'none of the measured sizes fits'}\n\n`);

    const tasksWorst = worst(reads.tasks);
    const projectsWorst = worst(reads.projects);
    const kpisWorst = worst(reads.kpis);
    const apiPeak = Math.max(...[memFilled, memRead, memAlerts, ...caches.map((c) => c.afterTouch)].map((m) => m.apiMb ?? 0));
    const rows: SummaryRow[] = [
      { figure: 'GET /tasks p95 (worst)', value: tasksWorst.p95, floor: reads.floor.p95, unit: 'ms', target: READ_TARGETS.tasks, note: tasksWorst.label },
      { figure: 'GET /projects p95 (worst filter)', value: projectsWorst.p95, floor: reads.floor.p95, unit: 'ms', target: READ_TARGETS.projects, note: projectsWorst.label },
      { figure: 'GET /kpis p95 (worst grouping, repeated read)', value: kpisWorst.p95, floor: reads.floor.p95, unit: 'ms', target: READ_TARGETS.kpis, note: kpisWorst.label },
      { figure: 'GET /kpis p95 after a change (worst)', value: worst(kpisAfterChange).p95, floor: reads.floor.p95, unit: 'ms', target: READ_TARGETS.kpis, note: worst(kpisAfterChange).label },
      {
        figure: 'worker RSS (peak of fill, reads, alerts)',
        value: Math.max(...[memFilled, memRead, memAlerts].map((m) => m.workerMb ?? 0)),
        floor: memStart.workerMb,
        unit: 'MB',
        target: MB_WORKER_TARGET,
        note: `configured cache (${process.env.WORKER_MAX_CACHED_WORKFLOWS ?? `${DEFAULT_MAX_CACHED_WORKFLOWS}, the default`}); floor: the worker just started`,
      },
      ...caches.map((c) => ({
        figure: `worker RSS, all live touched, cache ${c.cacheSize}`,
        value: c.afterTouch.workerMb,
        floor: c.atStart.workerMb,
        unit: 'MB',
        target: MB_WORKER_TARGET,
        note: 'fresh worker; floor: its own start',
      })),
      { figure: 'API RSS (peak of the run)', value: apiPeak, floor: memStart.apiMb, unit: 'MB', target: MB_API_TARGET, note: 'floor: the API just started' },
      { figure: 'overdue alert lateness p99', value: alerts.engine.p99, floor: alerts.floor.p99, unit: 'ms', target: ALERT_LATENESS_TARGET_MS, note: `p50 ${alerts.engine.p50}, max ${alerts.engine.max}; ${alerts.engine.n}/${alerts.engine.expected} alerts; floor: bare timer` },
    ];
    process.stdout.write(summaryTable(rows) + '\n\n');
    process.stdout.write(
      JSON.stringify({
        projects: args.projects,
        live,
        archived: progress.archivedWritten,
        loadavg: loadavg(),
        reads,
        memory: { start: memStart, filled: memFilled, afterReads: memRead, afterAlerts: memAlerts, caches, chosenCacheSize: chosen?.cacheSize ?? null },
        alerts,
        verdicts: Object.fromEntries(rows.map((r) => [r.figure, verdict(r)])),
      }) + '\n',
    );
  } finally {
    if (db) await closeDatabase(db).catch(() => undefined);
    await stack.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`[bench:scale] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

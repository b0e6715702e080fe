import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { startEngineStack } from '@zs/local-stack';
import { withDatabase } from '@zs/persistence';
import { measureBareStarts, measureBareUpdate } from './floor-benchmark';
import { benchLead } from './bench-names';
import { HttpClient, parseServerTiming } from './http-client';
import { ownCpuMs, processTreeCpuMs } from './process-cpu';
import { pool, summarize, timed } from './stats';

/**
 * `npm run bench`: a fresh stack (embedded PostgreSQL, in-memory Temporal dev server,
 * worker and API as separate processes, as in production), then
 *  1. leads registered per second over HTTP (concurrent clients),
 *  2. intake-decision latency over HTTP, one request at a time,
 *  3. in the same run on the same server, the floors: a bare Update round-trip, and bare workflow
 *     starts per second (update-with-start of a trivial workflow, the same number of clients),
 * and the ratios issue 12 sets: HTTP decision p50 ≤ 1.5 × the bare Update's p50 and p99 ≤ 2 × its
 * p99; leads per second ≥ 0.7 × bare starts per second.
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 200);
const WARMUP = 20;
/** Issue 12's goals. */
const P50_RATIO_TARGET = 1.5;
const P99_RATIO_TARGET = 2;
const THROUGHPUT_RATIO_TARGET = 0.7;

/** One decision taken apart, in ms: its Update and projection write (Server-Timing), the rest of the API's time, and the time outside the API (HTTP, client). */
interface DecisionSplit {
  update: number;
  projection: number;
  api: number;
  outside: number;
  total: number;
  /** Whether the API sent its Server-Timing (the split is meaningless without it). */
  timed: boolean;
}
const SPLIT_PARTS = ['update', 'projection', 'api', 'outside'] as const;

/** Where a lead's CPU goes: the stack's processes (PostgreSQL with its backends) and the bench's HTTP clients. */
const STACK_PARTS = ['worker', 'temporal', 'api', 'postgres', 'client'] as const;
type StackPart = (typeof STACK_PARTS)[number];
/** Waited after a timed phase before its CPU is read: work a workflow does just after its answer. */
const TRAILING_WORK_MS = 2_000;
const round1 = (x: number) => Math.round(x * 10) / 10;

function splitOf(totalMs: number, timing: Record<string, number>): DecisionSplit {
  const update = timing.update ?? 0;
  const projection = timing.projection ?? 0;
  const app = timing.app ?? totalMs;
  return { update, projection, api: Math.max(0, app - update - projection), outside: Math.max(0, totalMs - app), total: totalMs, timed: timing.update !== undefined };
}

function median(values: number[]): number {
  return summarize(values).p50;
}

const lead = (i: number) => benchLead(i, 0);

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = mkdtempSync(join(tmpdir(), 'zhaoshang-bench-'));
  const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);
  const stack = await startEngineStack({
    dataDir,
    persistent: false,
    log: say,
    // The bench writes as fast as it can as one officer: the production write limit would stop it.
    env: { LOG_LEVEL: 'warn', API_SERVER_TIMING: 'true', RATE_LIMIT_WRITES: '10000000', RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000', RATE_LIMIT_LOGIN_PER_IP: '1000' },
    afterMigrations: async (url) => {
      await withDatabase({ url, poolSize: 1 }, (db) => seedDemoUsers(db, DEFAULT_DEMO_PASSWORD));
    },
  });
  try {
    const http = new HttpClient(stack.apiUrl);
    const officer = await http.login('officer', DEFAULT_DEMO_PASSWORD);
    const taskForce = await http.login('taskforce', DEFAULT_DEMO_PASSWORD);
    const register = async (i: number) => (await http.json<{ id: string }>('POST', '/leads', lead(i), officer)).id;
    const decide = (id: string) => http.json('POST', `/projects/${id}/intake-decision`, { action: 'accept' }, taskForce);
    const decideTimed = (id: string) => http.request('POST', `/projects/${id}/intake-decision`, { action: 'accept' }, taskForce);

    say(`warming up (${WARMUP} leads and decisions) ...`);
    for (let i = 0; i < WARMUP; i++) await decide(await register(LEADS + i));

    say(`registering ${LEADS} leads with ${CONCURRENCY} concurrent clients ...`);
    const ids: string[] = [];
    const pids = stack.status().children;
    const stackCpu = (): Record<StackPart, number> => ({
      worker: processTreeCpuMs(pids.worker?.pid) ?? NaN,
      temporal: processTreeCpuMs(pids.temporal?.pid) ?? NaN,
      api: processTreeCpuMs(pids.api?.pid) ?? NaN,
      postgres: processTreeCpuMs(pids.postgres?.pid) ?? NaN,
      client: ownCpuMs(),
    });
    const before = stackCpu();
    const [, registerMs] = await timed(() => pool(LEADS, CONCURRENCY, async (i) => void ids.push(await register(i))));
    // The projection activity and the task after it finish just after each answer: let them.
    await new Promise((resolve) => setTimeout(resolve, TRAILING_WORK_MS));
    const after = stackCpu();
    const leadCpu = Object.fromEntries(STACK_PARTS.map((k) => [k, round1((after[k] - before[k]) / LEADS)])) as Record<StackPart, number>;
    const leadsPerSecond = Math.round((LEADS / registerMs) * 1000 * 10) / 10;

    say(`deciding ${DECISIONS} projects over HTTP, one at a time ...`);
    const decisionMs: number[] = [];
    const split: DecisionSplit[] = [];
    for (const id of ids.slice(0, DECISIONS)) {
      const [res, ms] = await timed(() => decideTimed(id));
      decisionMs.push(ms);
      split.push(splitOf(ms, parseServerTiming(res.headers.get('server-timing'))));
    }
    const decision = summarize(decisionMs);

    say(`bare Update round-trips on the same server (${DECISIONS}) ...`);
    const floor = await measureBareUpdate(stack.temporalAddress, DECISIONS, WARMUP);

    say(`bare workflow starts (update-with-start) with ${CONCURRENCY} clients on the same server (${LEADS}) ...`);
    let startCpu = { temporal: NaN, client: NaN };
    const starts = await measureBareStarts(stack.temporalAddress, LEADS, CONCURRENCY, WARMUP, async (timedStarts) => {
      const [temporal0, client0] = [processTreeCpuMs(pids.temporal?.pid) ?? NaN, ownCpuMs()];
      const result = await timedStarts();
      await new Promise((resolve) => setTimeout(resolve, TRAILING_WORK_MS));
      startCpu = { temporal: round1(((processTreeCpuMs(pids.temporal?.pid) ?? NaN) - temporal0) / LEADS), client: round1((ownCpuMs() - client0) / LEADS) };
      return result;
    });
    const leadCpuTotal = round1(STACK_PARTS.reduce((sum, k) => sum + leadCpu[k], 0));
    const startCpuTotal = round1(startCpu.temporal + startCpu.client);

    const round2 = (x: number) => Math.round(x * 100) / 100;
    const ratio = round2(decision.p50 / floor.p50);
    const p99Ratio = round2(decision.p99 / floor.p99);
    const throughputRatio = round2(leadsPerSecond / starts.perSecond);
    // Timed inside the API (Server-Timing): what a decision spends besides its Update.
    const outside = summarize(split.map((s) => s.total - s.update));
    const outsideRatio = round2(outside.p50 / floor.p50);
    const timedByApi = split.every((s) => s.timed);
    const verdict = (met: boolean) => (met ? 'met' : 'NOT met');
    const rows = [
      ['leads registered / s (HTTP, ' + CONCURRENCY + ' clients)', String(leadsPerSecond)],
      ['bare workflow starts / s (update-with-start, floor)', String(starts.perSecond)],
      ['ratio leads / bare starts', `${throughputRatio} (target >= ${THROUGHPUT_RATIO_TARGET}: ${verdict(throughputRatio >= THROUGHPUT_RATIO_TARGET)})`],
      ['HTTP intake decision p50 / p90 / p99 ms', `${decision.p50} / ${decision.p90} / ${decision.p99}`],
      ['bare Temporal Update p50 / p90 / p99 ms (floor)', `${floor.p50} / ${floor.p90} / ${floor.p99}`],
      ['ratio HTTP decision p50 / bare update p50', `${ratio} (target <= ${P50_RATIO_TARGET}: ${verdict(ratio <= P50_RATIO_TARGET)})`],
      ['ratio HTTP decision p99 / bare update p99', `${p99Ratio} (target <= ${P99_RATIO_TARGET}: ${verdict(p99Ratio <= P99_RATIO_TARGET)})`],
      ['CPU ms per lead: worker / Temporal / API / PostgreSQL / bench client = total', `${STACK_PARTS.map((k) => leadCpu[k]).join(' / ')} = ${leadCpuTotal}`],
      ['CPU ms per bare start: Temporal / worker and client (bench process) = total', `${startCpu.temporal} / ${startCpu.client} = ${startCpuTotal}`],
      [
        'bare start CPU / lead CPU (the throughput ratio\'s ceiling when both are CPU-bound)',
        `${round2(startCpuTotal / leadCpuTotal)}; the API and PostgreSQL alone: ${round1(leadCpu.api + leadCpu.postgres)} ms per lead = ${round2((leadCpu.api + leadCpu.postgres) / startCpuTotal)} x a bare start's whole CPU`,
      ],
      ['decision split p50 ms: Update / projection write / rest of the API / outside the API', SPLIT_PARTS.map((k) => String(median(split.map((s) => s[k])))).join(' / ')],
      [
        'decision p50 outside the Update / bare update p50',
        !timedByApi
          ? 'n/a (the API sent no Server-Timing)'
          : outsideRatio > P50_RATIO_TARGET - 1
          ? `${outsideRatio} (above ${P50_RATIO_TARGET - 1}: the p50 target is out of reach even with an Update as fast as the floor's)`
          : `${outsideRatio} (within ${P50_RATIO_TARGET - 1}: the p50 target needs an Update within ${round2(P50_RATIO_TARGET - outsideRatio)} × the floor)`,
      ],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    process.stdout.write('\n' + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n\n');
    const decisionSplit = Object.fromEntries(SPLIT_PARTS.map((k) => [k, summarize(split.map((s) => s[k]))]));
    process.stdout.write(JSON.stringify({ leads: LEADS, concurrency: CONCURRENCY, leadsPerSecond, starts, throughputRatio, leadCpu, startCpu, decision, decisionSplit, floor, ratio, p99Ratio }) + '\n');
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { startEngineStack } from '@zs/local-stack';
import { insertProjectFacts, withDatabase } from '@zs/persistence';
import { HttpClient } from './http-client';
import { benchFacts } from './kpi-portfolio';
import { kpiQueries } from './kpi-queries';
import { stackMemory } from './scale/resident-memory';
import { timed } from './stats';

/**
 * `npm run build && node dist/apps/bench/src/kpi-bench.js`: GET /kpis response times with
 * BENCH_KPI_PROJECTS (10,000) projects' facts in project_facts. A fresh stack (embedded
 * PostgreSQL, Temporal dev server, worker and API as separate processes); the facts are inserted
 * directly (driving 10,000 workflows through every step would measure the workflows, not the
 * KPIs): 20 departments, 60 teams, 300 officers, 10 chains, 5 campaigns, two years of
 * registrations, about half signed with a milestone plan and funds entries.
 */
const PROJECTS = Number(process.env.BENCH_KPI_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_KPI_RUNS ?? 30);
const WARMUP = 3;
const IDLE_MS = 15_000;
/** The facts credit departments dep-0 … dep-19. */
const QUERIES = kpiQueries('dep-3');

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = mkdtempSync(join(tmpdir(), 'zhaoshang-kpi-bench-'));
  const say = (m: string) => process.stdout.write(`[kpi-bench] ${m}\n`);
  const stack = await startEngineStack({
    dataDir,
    persistent: false,
    log: say,
    env: { LOG_LEVEL: 'warn', RATE_LIMIT_WRITES: '10000000', RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000', RATE_LIMIT_LOGIN_PER_IP: '1000' },
    afterMigrations: async (url) => {
      await withDatabase({ url, poolSize: 2 }, async (db) => {
        await seedDemoUsers(db, DEFAULT_DEMO_PASSWORD);
        say(`inserting ${PROJECTS} projects' facts ...`);
        const [, ms] = await timed(() => insertProjectFacts(db, benchFacts(PROJECTS)));
        say(`inserted in ${Math.round(ms)} ms`);
      });
    },
  });
  try {
    const http = new HttpClient(stack.apiUrl);
    const token = await http.login('leader', DEFAULT_DEMO_PASSWORD);
    const apiAtStart = stackMemory(stack).apiMb;
    const results: Array<{ query: string; rows: number; p50: number; p95: number; max: number }> = [];
    for (const query of QUERIES) {
      for (let i = 0; i < WARMUP; i++) await http.json('GET', `/kpis?${query}`, undefined, token);
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        const [body, ms] = await timed(() => http.json<{ rows: unknown[] }>('GET', `/kpis?${query}`, undefined, token));
        rows = body.rows.length;
        samples.push(ms);
      }
      const sorted = samples.sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      results.push({ query, rows, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) });
      say(`${query}: ${rows} rows, p50 ${results.at(-1)!.p50} ms, p95 ${results.at(-1)!.p95} ms`);
    }
    // A fact changed before each request: the API reads the changed row and counts again the shard it is in.
    await withDatabase({ url: stack.databaseUrl, poolSize: 1 }, async (db) => {
      const [probe] = benchFacts(1);
      let change = 0;
      for (const query of QUERIES) {
        const samples: number[] = [];
        let rows = 0;
        for (let i = 0; i < RUNS; i++) {
          await insertProjectFacts(db, [{ ...probe, estimatedInvestmentYi: ++change }]);
          const [body, ms] = await timed(() => http.json<{ rows: unknown[] }>('GET', `/kpis?${query}`, undefined, token));
          rows = body.rows.length;
          samples.push(ms);
        }
        const sorted = samples.sort((a, b) => a - b);
        const round = (x: number) => Math.round(x * 10) / 10;
        const label = `${query} (a fact changed before each request)`;
        results.push({ query: label, rows, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) });
        say(`${label}: p50 ${results.at(-1)!.p50} ms, p95 ${results.at(-1)!.p95} ms`);
      }
    });
    const apiAfter = stackMemory(stack).apiMb;
    // The same process once idle: V8 gives back heap it no longer needs only after a few idle seconds.
    await new Promise((r) => setTimeout(r, IDLE_MS));
    const apiIdle = stackMemory(stack).apiMb;
    const width = Math.max(...results.map((r) => r.query.length));
    process.stdout.write(`\nGET /kpis with ${PROJECTS} projects (${RUNS} runs each); API resident memory ${apiAtStart} MB at start, ${apiAfter} MB right after the reads, ${apiIdle} MB ${IDLE_MS / 1000} s later\n`);
    process.stdout.write(results.map((r) => `${r.query.padEnd(width)}  rows ${String(r.rows).padStart(4)}  p50 ${r.p50} ms  p95 ${r.p95} ms`).join('\n') + '\n\n');
    process.stdout.write(JSON.stringify({ projects: PROJECTS, runs: RUNS, apiMb: { atStart: apiAtStart, after: apiAfter, idle: apiIdle }, results }) + '\n');
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`[kpi-bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

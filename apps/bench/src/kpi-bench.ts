import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { addDays, MILESTONE_KINDS, type OrgRef, type ProjectFacts } from '@zs/domain';
import { startEngineStack } from '@zs/local-stack';
import { insertProjectFacts, withDatabase } from '@zs/persistence';
import { HttpClient } from './http-client';
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
/** The facts credit departments dep-0 … dep-19. */
const QUERIES = kpiQueries('dep-3');

/** A small deterministic generator, so every run measures the same portfolio. */
function rng(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    return s / 2_147_483_648;
  };
}

function benchFacts(count: number): ProjectFacts[] {
  const rand = rng(42);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rand() * xs.length)];
  const chains = Array.from({ length: 10 }, (_, i) => `产业链${i + 1}`);
  const officer = (i: number): OrgRef => ({ userId: `officer-${i}`, displayName: `招商专员${i}`, departmentId: `dep-${i % 20}`, teamId: `team-${i % 60}` });
  return Array.from({ length: count }, (_, i) => {
    const owner = officer(Math.floor(rand() * 300));
    const registeredOn = addDays('2025-01-01', Math.floor(rand() * 540));
    const registeredAt = Date.parse(`${registeredOn}T02:00:00Z`);
    const decidedOn = addDays(registeredOn, Math.floor(rand() * 3));
    const signedOn = rand() < 0.5 ? addDays(registeredOn, 10 + Math.floor(rand() * 120)) : null;
    const nodes = signedOn
      ? MILESTONE_KINDS.map((kind, k) => {
          const dueOn = addDays(signedOn, 20 * (k + 1));
          return { kind, dueOn, completedOn: rand() < 0.7 ? addDays(dueOn, Math.floor(rand() * 20) - 10) : null };
        })
      : [];
    const contractInvestmentYi = signedOn ? Math.round(rand() * 2000) / 100 : null;
    return {
      projectId: randomUUID(),
      companyName: `压测企业${i}`,
      stage: signedOn ? 'construction' : 'negotiation',
      kind: 'new',
      industryChain: pick(chains),
      estimatedInvestmentYi: contractInvestmentYi ?? 1,
      fortune500Lists: rand() < 0.05 ? ['global'] : [],
      importedAt: null,
      imported: false,
      reporter: owner,
      owner,
      campaignId: rand() < 0.3 ? `campaign-${Math.floor(rand() * 5)}` : null,
      registeredAt,
      registeredOn,
      intake: { decision: 'accept', decidedAt: Date.parse(`${decidedOn}T03:00:00Z`), decidedOn, activeElapsedMs: 3_600_000, budgetMs: 172_800_000, withinLimit: rand() < 0.9, measured: true },
      signedOn,
      contractInvestmentYi,
      committed: null,
      constructionStartOn: nodes[5]?.completedOn ?? null,
      equipmentEntryOn: nodes[6]?.completedOn ?? null,
      productionOn: nodes[8]?.completedOn ?? null,
      nodes,
      fulfilment: { lastCheckFulfilled: null, lastCheckOn: null, checks: [] },
      closure: null,
      funds: signedOn ? [1, 2, 3].map((m) => ({ date: addDays(signedOn, 30 * m), amountYi: Math.round(rand() * 300) / 100 })) : [],
      firstTaxOn: null,
    } satisfies ProjectFacts;
  });
}

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
    // A fact changed before each request: the API reads the changed row and computes the table again.
    const cold = 'groupBy=department&from=2025-01-01&asOf=2026-06-30 (a fact changed before each request)';
    await withDatabase({ url: stack.databaseUrl, poolSize: 1 }, async (db) => {
      const [probe] = benchFacts(1);
      const samples: number[] = [];
      let rows = 0;
      for (let i = 0; i < RUNS; i++) {
        await insertProjectFacts(db, [{ ...probe, estimatedInvestmentYi: i }]);
        const [body, ms] = await timed(() => http.json<{ rows: unknown[] }>('GET', `/kpis?${QUERIES[0]}`, undefined, token));
        rows = body.rows.length;
        samples.push(ms);
      }
      const sorted = samples.sort((a, b) => a - b);
      const round = (x: number) => Math.round(x * 10) / 10;
      results.push({ query: cold, rows, p50: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted[sorted.length - 1]) });
      say(`${cold}: p50 ${results.at(-1)!.p50} ms, p95 ${results.at(-1)!.p95} ms`);
    });
    const apiAfter = stackMemory(stack).apiMb;
    const width = Math.max(...results.map((r) => r.query.length));
    process.stdout.write(`\nGET /kpis with ${PROJECTS} projects (${RUNS} runs each); API resident memory ${apiAtStart} MB at start, ${apiAfter} MB after\n`);
    process.stdout.write(results.map((r) => `${r.query.padEnd(width)}  rows ${String(r.rows).padStart(4)}  p50 ${r.p50} ms  p95 ${r.p95} ms`).join('\n') + '\n\n');
    process.stdout.write(JSON.stringify({ projects: PROJECTS, runs: RUNS, apiMb: { atStart: apiAtStart, after: apiAfter }, results }) + '\n');
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`[kpi-bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

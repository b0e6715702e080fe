import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { startEngineStack } from '@zs/local-stack';
import { withDatabase } from '@zs/persistence';
import { measureBareUpdate } from './floor-benchmark';
import { HttpClient } from './http-client';
import { pool, summarize, timed } from './stats';

/**
 * `npm run bench`: a fresh stack (embedded PostgreSQL, in-memory Temporal dev server,
 * worker and API as separate processes, as in production), then
 *  1. leads registered per second over HTTP (concurrent clients),
 *  2. intake-decision latency over HTTP, one request at a time,
 *  3. in the same run on the same server, a bare Update round-trip (the floor),
 * and the ratio HTTP-decision p50 / bare-update p50 (target for issue 2: at most 3).
 */
const LEADS = Number(process.env.BENCH_LEADS ?? 300);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 16);
const DECISIONS = Number(process.env.BENCH_DECISIONS ?? 200);
const WARMUP = 20;
const RATIO_TARGET = 3;

const lead = (i: number) => ({
  companyName: `压测企业${i}`,
  contactName: '测试',
  industryChain: ['先进轨道交通装备', '新能源汽车', '新材料'][i % 3],
  estimatedInvestmentYi: 1 + (i % 50),
  sourceChannel: 'small_team',
  infoGrade: (['A', 'B', 'C'] as const)[i % 3],
  fortune500: false,
  specializedSme: i % 2 === 0,
  kind: 'new',
});

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const dataDir = mkdtempSync(join(tmpdir(), 'zhaoshang-bench-'));
  const say = (m: string) => process.stdout.write(`[bench] ${m}\n`);
  const stack = await startEngineStack({
    dataDir,
    persistent: false,
    log: say,
    // The bench writes as fast as it can as one officer: the production write limit would stop it.
    env: { LOG_LEVEL: 'warn', RATE_LIMIT_WRITES: '10000000', RATE_LIMIT_LOGIN_PER_ACCOUNT: '1000', RATE_LIMIT_LOGIN_PER_IP: '1000' },
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

    say(`warming up (${WARMUP} leads and decisions) ...`);
    for (let i = 0; i < WARMUP; i++) await decide(await register(LEADS + i));

    say(`registering ${LEADS} leads with ${CONCURRENCY} concurrent clients ...`);
    const ids: string[] = [];
    const [, registerMs] = await timed(() => pool(LEADS, CONCURRENCY, async (i) => void ids.push(await register(i))));
    const leadsPerSecond = Math.round((LEADS / registerMs) * 1000 * 10) / 10;

    say(`deciding ${DECISIONS} projects over HTTP, one at a time ...`);
    const decisionMs: number[] = [];
    for (const id of ids.slice(0, DECISIONS)) decisionMs.push((await timed(() => decide(id)))[1]);
    const decision = summarize(decisionMs);

    say(`bare Update round-trips on the same server (${DECISIONS}) ...`);
    const floor = await measureBareUpdate(stack.temporalAddress, DECISIONS, WARMUP);

    const ratio = Math.round((decision.p50 / floor.p50) * 100) / 100;
    const rows = [
      ['leads registered / s (HTTP, ' + CONCURRENCY + ' clients)', String(leadsPerSecond)],
      ['HTTP intake decision p50 / p90 / p99 ms', `${decision.p50} / ${decision.p90} / ${decision.p99}`],
      ['bare Temporal Update p50 / p90 / p99 ms (floor)', `${floor.p50} / ${floor.p90} / ${floor.p99}`],
      ['ratio HTTP decision p50 / bare update p50', `${ratio} (target <= ${RATIO_TARGET}: ${ratio <= RATIO_TARGET ? 'met' : 'NOT met'})`],
    ];
    const width = Math.max(...rows.map((r) => r[0].length));
    process.stdout.write('\n' + rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n\n');
    process.stdout.write(JSON.stringify({ leads: LEADS, concurrency: CONCURRENCY, leadsPerSecond, decision, floor, ratio }) + '\n');
  } finally {
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((err) => {
  process.stderr.write(`[bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

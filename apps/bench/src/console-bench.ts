import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { DefaultLogger, Runtime } from '@temporalio/worker';
import { DEFAULT_DEMO_PASSWORD, seedDemoUsers } from '@zs/api';
import { repoRoot } from '@zs/config';
import { startEngineStack } from '@zs/local-stack';
import { withDatabase } from '@zs/persistence';
import { chromium, type Browser } from 'playwright-core';
import { benchLead } from './bench-names';
import { HttpClient } from './http-client';
import { pool, summarize, timed, type LatencySummary } from './stats';

/**
 * `npm run bench:console`: the console's bundle size, and the time to first paint of 我的待办 with
 * BENCH_CONSOLE_PROJECTS (10,000) projects in the database, all waiting for the task force's 48-hour
 * decision (the heaviest work queue there is). Floors in the same run: the same page for a user
 * with no task (what the console costs without data) and GET /tasks itself.
 * The projects are registered over HTTP like any lead and kept in .data/bench-console, so a
 * second run starts at once (resumable: only the missing ones are registered).
 */
const PROJECTS = Number(process.env.BENCH_CONSOLE_PROJECTS ?? 10_000);
const RUNS = Number(process.env.BENCH_CONSOLE_RUNS ?? 10);
const CONCURRENCY = 16;
const say = (m: string) => process.stdout.write(`[console-bench] ${m}\n`);

const lead = (i: number) => benchLead(i, 1);

interface BundleFigures {
  initialKb: number;
  initialGzipKb: number;
  totalKb: number;
  totalGzipKb: number;
}

/** What a first visit downloads (index.html and the scripts and styles it names) and the whole build. */
function bundleFigures(dir: string): BundleFigures {
  const kb = (n: number) => Math.round(n / 102.4) / 10;
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/ui\/(assets\/[^"]+)"/g)].map((m) => m[1]);
  const files = readdirSync(join(dir, 'assets')).map((f) => `assets/${f}`);
  const size = (list: string[]) => list.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  const gz = (list: string[]) => list.reduce((n, f) => n + gzipSync(readFileSync(join(dir, f))).length, 0);
  return { initialKb: kb(size(named)), initialGzipKb: kb(gz(named)), totalKb: kb(size(files)), totalGzipKb: kb(gz(files)) };
}

/** The few browser globals the measurements read (this file compiles without the DOM library). */
interface PageGlobals {
  sessionStorage: { setItem(key: string, value: string): void };
  performance: { now(): number; getEntriesByName(name: string): Array<{ startTime: number }> };
}

function chromiumPath(): string {
  const found = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));
  if (!found) throw new Error('no Chromium: apt-get install chromium, or set CHROMIUM_PATH');
  return found;
}

/**
 * Opens /ui/tasks signed in as `username` (session placed in sessionStorage before the page
 * loads, so the login page is not measured) and returns first contentful paint and the time
 * until the task table shows its rows (or its empty state), both from navigation start.
 */
async function paintTimes(browser: Browser, apiUrl: string, http: HttpClient, username: string): Promise<{ fcp: number; ready: number }> {
  const answer = await http.json<{ accessToken: string; expiresIn: number; user: unknown }>('POST', '/auth/login', { username, password: DEFAULT_DEMO_PASSWORD });
  const session = JSON.stringify({ token: answer.accessToken, expiresAt: Date.now() + answer.expiresIn * 1000, user: answer.user, mustChangePassword: false });
  const context = await browser.newContext({ baseURL: apiUrl, locale: 'zh-CN', viewport: { width: 1366, height: 768 } });
  try {
    await context.addInitScript((s: string) => (globalThis as unknown as PageGlobals).sessionStorage.setItem('zs.session', s), session);
    const page = await context.newPage();
    await page.goto('/ui/tasks');
    await page.locator('[data-testid="tasks-table"][data-state="ready"]').waitFor({ timeout: 60_000 });
    const ready = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.now());
    const fcp = await page.evaluate(() => (globalThis as unknown as PageGlobals).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN);
    return { fcp, ready };
  } finally {
    await context.close();
  }
}

async function measure(browser: Browser, apiUrl: string, http: HttpClient, username: string): Promise<{ fcp: LatencySummary; ready: LatencySummary }> {
  await paintTimes(browser, apiUrl, http, username); // warm: the API's caches and the OS's file cache
  const fcp: number[] = [];
  const ready: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = await paintTimes(browser, apiUrl, http, username);
    fcp.push(t.fcp);
    ready.push(t.ready);
  }
  return { fcp: summarize(fcp), ready: summarize(ready) };
}

async function main(): Promise<void> {
  Runtime.install({ logger: new DefaultLogger('WARN') });
  const root = repoRoot();
  const bundle = bundleFigures(join(root, 'dist', 'web'));
  say(`bundle: first visit ${bundle.initialKb} KiB (${bundle.initialGzipKb} KiB gzip), whole console ${bundle.totalKb} KiB (${bundle.totalGzipKb} KiB gzip)`);

  const dataDir = join(root, '.data', 'bench-console');
  mkdirSync(dataDir, { recursive: true });
  const stack = await startEngineStack({
    dataDir,
    persistent: true,
    log: say,
    env: { LOG_LEVEL: 'warn', RATE_LIMIT_WRITES: '10000000', RATE_LIMIT_LOGIN_PER_ACCOUNT: '100000', RATE_LIMIT_LOGIN_PER_IP: '100000' },
    afterMigrations: (url) => withDatabase({ url, poolSize: 1 }, async (db) => void (await seedDemoUsers(db, DEFAULT_DEMO_PASSWORD))),
  });
  const browser = await chromium.launch({ executablePath: chromiumPath(), headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  try {
    const http = new HttpClient(stack.apiUrl);
    const officer = await http.login('officer', DEFAULT_DEMO_PASSWORD);
    const taskforce = await http.login('taskforce', DEFAULT_DEMO_PASSWORD);
    const have = (await http.json<{ total: number }>('GET', '/projects?pageSize=1', undefined, officer)).total;
    if (have < PROJECTS) {
      say(`registering ${PROJECTS - have} leads (${have} already there) with ${CONCURRENCY} clients ...`);
      const [, ms] = await timed(() => pool(PROJECTS - have, CONCURRENCY, async (i) => void (await http.json('POST', '/leads', lead(have + i), officer))));
      say(`registered in ${Math.round(ms / 1000)} s`);
    }
    const tasks: number[] = [];
    let openTasks = 0;
    for (let i = 0; i < 3 + RUNS * 2; i++) {
      const [body, ms] = await timed(() => http.json<{ total: number }>('GET', '/tasks?pageSize=20', undefined, taskforce));
      openTasks = body.total;
      if (i >= 3) tasks.push(ms);
    }
    const api = summarize(tasks);
    say(`GET /tasks (task force, ${openTasks} open tasks): p50 ${api.p50} ms, p90 ${api.p90} ms`);
    const full = await measure(browser, stack.apiUrl, http, 'taskforce');
    const empty = await measure(browser, stack.apiUrl, http, 'esb');
    const row = (name: string, s: LatencySummary) => `${name.padEnd(58)} p50 ${String(s.p50).padStart(8)} ms   p90 ${String(s.p90).padStart(8)} ms`;
    process.stdout.write(
      [
        '',
        `我的待办 in Chromium at 1366×768 (${RUNS} runs each; ${openTasks} open tasks for the task force)`,
        row('first contentful paint, task force', full.fcp),
        row('tasks shown (rows drawn), task force', full.ready),
        row('floor: first contentful paint, a user with no task', empty.fcp),
        row('floor: tasks shown (empty state), a user with no task', empty.ready),
        row('floor: GET /tasks?pageSize=20 alone, task force', api),
        `bundle: first visit ${bundle.initialKb} KiB (${bundle.initialGzipKb} KiB gzip); whole console ${bundle.totalKb} KiB (${bundle.totalGzipKb} KiB gzip)`,
        '',
        JSON.stringify({ projects: PROJECTS, openTasks, runs: RUNS, bundle, tasksPage: full, emptyPage: empty, tasksApi: api }),
        '',
      ].join('\n'),
    );
  } finally {
    await browser.close();
    await stack.stop();
  }
}

main().catch((err) => {
  process.stderr.write(`[console-bench] failed: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exit(1);
});

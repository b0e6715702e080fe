import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { repoRoot } from '@zs/config';

/**
 * A real browser for the console's tests: Debian's Chromium driven by playwright-core (no
 * browser download at run time). CHROMIUM_PATH overrides where it is looked for.
 */
export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].filter((p): p is string => !!p);
  for (const candidate of candidates) if (existsSync(candidate)) return candidate;
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error(
      'No Chromium found for the console tests. Install it (as root: apt-get install -y chromium fonts-noto-cjk; `npm test` does this itself when run as root) or set CHROMIUM_PATH to a Chromium or Chrome binary.',
    );
  }
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath(),
    headless: true,
    // Root in CI has no user namespace sandbox; /dev/shm is small in containers.
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
  });
}

export interface ConsoleViewport {
  width: number;
  height: number;
}

/** The laptop the issue names (1366×768) unless a test asks for a tablet. */
export const LAPTOP: ConsoleViewport = { width: 1366, height: 768 };
export const TABLET: ConsoleViewport = { width: 1024, height: 768 };

/**
 * A browser context for one journey. It records a Playwright trace; when the test fails (the e2e
 * environment, test/setup/failure-aware-environment.js, says so), closing the context keeps a
 * screenshot of each open page and the trace under test-results/console/<test>/ (open the trace
 * with `npx playwright-core show-trace <file>`); a passing test keeps nothing.
 */
export async function consoleContext(browser: Browser, baseUrl: string, viewport: ConsoleViewport = LAPTOP): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL: baseUrl, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', viewport });
  context.setDefaultTimeout(20_000);
  await context.tracing.start({ screenshots: true, snapshots: true });
  const close = context.close.bind(context);
  context.close = async (options) => {
    await keepFailureEvidence(context).catch((err: unknown) => process.stderr.write(`could not keep the failing journey's evidence: ${String(err)}\n`));
    return close(options);
  };
  return context;
}

/** Where a failing journey's screenshot and trace go. */
export function failureEvidenceDir(testName: string): string {
  const safe = testName.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 120);
  return join(repoRoot(), 'test-results', 'console', safe || 'unnamed');
}

async function keepFailureEvidence(context: BrowserContext): Promise<void> {
  const failed = (globalThis as { __zsTestFailed?: boolean }).__zsTestFailed === true;
  if (!failed) {
    await context.tracing.stop();
    return;
  }
  const dir = failureEvidenceDir(expect.getState().currentTestName ?? 'unnamed');
  mkdirSync(dir, { recursive: true });
  for (const [i, page] of context.pages().entries()) await page.screenshot({ path: join(dir, `page-${i + 1}.png`), fullPage: true }).catch(() => undefined);
  await context.tracing.stop({ path: join(dir, 'trace.zip') });
  process.stderr.write(`failing journey's screenshot and trace kept in ${dir}\n`);
}

/** Signs in through the login page as one of the demo accounts, and waits for the console's menu. */
export async function signIn(page: Page, username: string, password = 'zhaoshang-demo'): Promise<void> {
  await page.goto('/ui/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  await page.getByTestId('current-user').waitFor();
}

/** Screenshots for the docs (`docs/console/`), taken by the journeys themselves when SCREENSHOTS=1. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  const dir = join(repoRoot(), 'docs', 'console');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: join(dir, `${name}.png`), fullPage: false });
}

/**
 * What a journey should not meet, collected for its assertions: script errors, console errors,
 * any 5xx, and a console file (/ui/…) not found. 4xx answers of the API are expected in journeys
 * that send bad input (the browser logs each as "Failed to load resource"; the page shows them).
 */
export function watchPageErrors(page: Page): string[] {
  const problems: string[] = [];
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) problems.push(`console error: ${msg.text()}`);
  });
  page.on('response', (res) => {
    const path = new URL(res.url()).pathname;
    if (res.status() >= 500 || (res.status() === 404 && (path.startsWith('/ui/') || path === '/favicon.ico'))) problems.push(`${res.status()} ${path}`);
  });
  return problems;
}

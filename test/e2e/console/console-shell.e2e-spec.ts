import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { consoleContext, failureEvidenceDir, launchBrowser, signIn, TABLET, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';

/**
 * The console's shell in a real browser against the real API: where it lives, signing in and
 * out, the menu each role gets, the language switch, the forced password change.
 */
describe('console shell (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    h = await startE2eHarness({ worker: false });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await h?.teardown();
  });
  beforeEach(async () => {
    context = await consoleContext(browser, h.baseUrl);
    page = await context.newPage();
    problems = watchPageErrors(page);
  });
  afterEach(async () => {
    await context.close();
  });

  it('lives at /ui/: the bare address and /login lead there, with a console CSP and cached hashed assets', async () => {
    const bare = await fetch(`${h.baseUrl}/`, { redirect: 'manual' });
    expect([bare.status, bare.headers.get('location')]).toEqual([302, '/ui/']);
    const login = await fetch(`${h.baseUrl}/login`, { redirect: 'manual' });
    expect([login.status, login.headers.get('location')]).toEqual([302, '/ui/login']);

    const html = await fetch(`${h.baseUrl}/ui/projects/some-deep-link`);
    expect(html.status).toBe(200);
    expect(html.headers.get('content-type')).toMatch(/text\/html/);
    expect(html.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(html.headers.get('x-frame-options')).toBe('DENY');
    const text = await html.text();
    const asset = /src="(\/ui\/assets\/[^"]+\.js)"/.exec(text)![1];
    const js = await fetch(h.baseUrl + asset);
    expect([js.status, js.headers.get('cache-control')]).toEqual([200, 'public, max-age=31536000, immutable']);
    expect((await fetch(`${h.baseUrl}/ui/assets/missing-${randomUUID()}.js`)).status).toBe(404);

    // The API's own routes are untouched.
    expect((await h.http('GET', '/health')).status).toBe(200);
  });

  it('refuses a wrong password in Chinese and changes nothing; an officer then signs in to 我的待办 with the menu of the role', async () => {
    await page.goto('/ui/');
    await page.waitForURL('**/ui/login');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByText('请输入用户名').waitFor();
    await page.getByLabel('用户名').fill('officer');
    await page.getByLabel('密码').fill('not-the-password');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').waitFor();
    expect(page.url()).toMatch(/\/ui\/login$/);

    await signIn(page, 'officer');
    await page.waitForURL('**/ui/tasks');
    const menu = await page.getByRole('menu').innerText();
    expect(menu).toContain('我的待办');
    expect(menu).toContain('登记线索');
    expect(menu).not.toContain('审计');
    expect(menu).not.toContain('系统管理');
    expect(menu).not.toContain('全市汇总');
    expect(await page.getByTestId('current-user').innerText()).toContain('李明（招商专员）');
    // One zone: the header names none and offers no 查看园区.
    expect([await page.getByTestId('current-zone').count(), await page.getByTestId('zone-switcher').count()]).toEqual([0, 0]);

    // A page the role may not open says so, in Chinese.
    await page.goto('/ui/audit');
    await page.getByText('您的角色无权访问此页面').waitFor();
    await page.goto('/ui/city');
    await page.getByText('您的角色无权访问此页面').waitFor();
    expect(problems).toEqual([]);
  });

  it('gives an auditor the audit pages and no lead form; switches to English and back; signs out', async () => {
    await signIn(page, 'auditor');
    await page.waitForURL('**/ui/projects');
    let menu = await page.getByRole('menu').innerText();
    expect(menu).toContain('审计');
    expect(menu).not.toContain('登记线索');
    expect(menu).not.toContain('我的待办');

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('menu').getByText('Audit').waitFor();
    menu = await page.getByRole('menu').innerText();
    expect(menu).toContain('Projects');
    expect(menu).not.toContain('项目库');
    await page.reload();
    await page.getByRole('menu').getByText('Audit').waitFor();
    await page.getByRole('button', { name: '中文' }).click();
    await page.getByRole('menu').getByText('审计').waitFor();

    await page.getByTestId('current-user').click();
    await page.getByRole('menuitem', { name: '退出登录' }).click();
    await page.waitForURL('**/ui/login');
    // The token is revoked: going back does not get past the login page.
    await page.goto('/ui/projects');
    await page.waitForURL('**/ui/login');
    expect(problems).toEqual([]);
  });

  it('gives the city role (市领导) 全市汇总 and 查看园区; one zone adds nothing to the login page and no X-ZS-Zone to any request', async () => {
    const zoneHeaders: string[] = [];
    page.on('request', (req) => {
      const zone = req.headers()['x-zs-zone'];
      if (zone) zoneHeaders.push(`${req.method()} ${new URL(req.url()).pathname}: ${zone}`);
    });
    const zones = page.waitForResponse((res) => new URL(res.url()).pathname === '/zones');
    await page.goto('/ui/login');
    expect((await zones).status()).toBe(200);
    await page.getByLabel('用户名').waitFor();
    expect(await page.getByTestId('login-zone').count()).toBe(0);

    await signIn(page, 'city');
    await page.waitForURL('**/ui/city');
    const menu = await page.getByRole('menu').innerText();
    expect(menu).toContain('全市汇总');
    expect(menu).toContain('领导驾驶舱');
    expect(menu).not.toContain('登记线索');
    expect(await page.getByTestId('current-user').innerText()).toContain('吴军（市领导）');
    // The header names the zone read (the one zone here), and nothing says another zone is being viewed.
    expect(await page.getByTestId('viewed-zone').innerText()).toBe('本园区');
    expect(await page.getByTestId('viewing-other-zone').count()).toBe(0);

    // One row per zone, with the dashboard's KPI columns.
    const table = page.getByTestId('city-table');
    const rows = table.locator('tbody tr.ant-table-row');
    await rows.first().waitFor();
    expect(await rows.count()).toBe(1);
    expect(await rows.first().innerText()).toMatch(/本园区\s*正在查看/);
    const headers = await table.locator('thead').innerText();
    expect(headers).toContain('园区');
    expect(headers).toContain('项目数');
    expect(headers).toContain('48小时决策合规率');

    // 查看 opens that zone's dashboard: the home zone, so still no header.
    await table.getByRole('button', { name: '切换到本园区并打开领导驾驶舱' }).click();
    await page.waitForURL('**/ui/dashboard');
    await page.getByTestId('kpi-table').waitFor();
    expect(zoneHeaders).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('with several zones listed (GET /zones stood in for in the browser), asks for 园区 at sign-in and remembers it; 查看园区 makes reads carry X-ZS-Zone and reads the page again', async () => {
    // The single-zone stack serves `default`; the browser is told of a second zone, and reads sent to
    // it reach the real API without the header (it would refuse a zone it does not serve).
    await page.route(
      (url) => url.pathname === '/zones',
      (route) => route.fulfill({ json: { zones: [{ code: 'default', name: '经开区' }, { code: 'gaoxin', name: '高新区' }] } }),
    );
    const zoned: string[] = [];
    await page.route(
      (url) => !url.pathname.startsWith('/ui/'),
      async (route) => {
        const headers = route.request().headers();
        const zone = headers['x-zs-zone'];
        // fallback: the stand-in for GET /zones (registered first, so asked last) still answers.
        if (!zone) return route.fallback();
        zoned.push(`${route.request().method()} ${new URL(route.request().url()).pathname} ${zone}`);
        delete headers['x-zs-zone'];
        return route.fallback({ headers });
      },
    );

    await page.goto('/ui/login');
    const zoneField = page.getByRole('combobox', { name: '园区', exact: true });
    await zoneField.waitFor();
    expect(await page.getByTestId('login-zone').innerText()).toContain('经开区');
    // The zone chosen last time is offered first.
    await page.evaluate(() => (globalThis as any).localStorage.setItem('zs.loginZone', 'gaoxin'));
    await page.reload();
    await page.getByTestId('login-zone').getByText('高新区').waitFor();
    await zoneField.click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '经开区' }).click();
    await page.getByLabel('用户名').fill('city');
    await page.getByLabel('密码').fill('zhaoshang-demo');
    const login = page.waitForRequest((req) => new URL(req.url()).pathname === '/auth/login');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    expect((await login).postDataJSON()).toMatchObject({ username: 'city', zone: 'default' });
    await page.waitForURL('**/ui/city');
    expect(await page.evaluate(() => (globalThis as any).localStorage.getItem('zs.loginZone'))).toBe('default');

    // 全市汇总 lists every zone, one without a row of the API with 0 projects.
    const rows = page.getByTestId('city-table').locator('tbody tr.ant-table-row');
    await rows.nth(1).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(1).innerText()).toMatch(/高新区\s+0/);
    expect(await page.getByTestId('viewed-zone').innerText()).toBe('经开区');

    // Choosing 高新区 reads the open page again, from that zone, and says it is read only.
    await page.goto('/ui/projects');
    await page.getByRole('table').waitFor();
    expect(zoned).toEqual([]);
    const reread = page.waitForRequest((req) => new URL(req.url()).pathname === '/projects' && req.headers()['x-zs-zone'] === 'gaoxin');
    await page.getByRole('combobox', { name: '查看园区' }).click();
    await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: '高新区' }).click();
    await reread;
    await page.getByTestId('viewing-other-zone').getByText('正在查看：高新区（只读）').waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    expect(await page.getByTestId('viewed-zone').innerText()).toBe('高新区');
    // A reload keeps the zone viewed.
    await page.reload();
    await page.getByTestId('viewing-other-zone').waitFor();
    // Only reads carried it, and not those of the user's own inbox.
    expect(zoned.length).toBeGreaterThan(0);
    expect(zoned.filter((z) => !z.startsWith('GET ') || z.includes('/notifications') || z.includes('/auth/'))).toEqual([]);

    // 查看 on the home zone's row in 全市汇总 goes back to it.
    await page.getByRole('menu').getByText('全市汇总').click();
    await page.getByRole('button', { name: '切换到经开区并打开领导驾驶舱' }).click();
    await page.waitForURL('**/ui/dashboard');
    expect(await page.getByTestId('viewing-other-zone').count()).toBe(0);
    expect(await page.getByTestId('viewed-zone').innerText()).toBe('经开区');
    expect(problems).toEqual([]);
  });

  it('after an administrator resets a password, the temporary one leads only to the password change; then the console opens', async () => {
    const admin = await h.login('admin');
    const username = `pw-${randomUUID().slice(0, 8)}`;
    const created = await h.http('POST', '/admin/users', { token: admin, body: { username, displayName: '吴敏', role: 'investment_officer' } });
    expect(created.status).toBe(201);
    const temporary: string = created.body.temporaryPassword;

    await signIn(page, username, temporary).catch(() => undefined);
    await page.waitForURL('**/ui/password');
    await page.getByText('管理员已重置您的密码').waitFor();
    await page.goto('/ui/tasks');
    await page.waitForURL('**/ui/password');

    await page.getByLabel('当前密码').fill(temporary);
    await page.getByLabel('新密码', { exact: true }).fill('Short1!');
    await page.getByLabel('确认新密码').fill('Different1!');
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.getByText('两次输入的新密码不一致').waitFor();

    const chosen = `Zs-${randomUUID().slice(0, 12)}!`;
    await page.getByLabel('新密码', { exact: true }).fill(chosen);
    await page.getByLabel('确认新密码').fill(chosen);
    await page.getByRole('button', { name: '确认修改' }).click();
    await page.waitForURL('**/ui/tasks');
    expect(await page.getByTestId('current-user').innerText()).toContain('吴敏');
    expect((await h.http('POST', '/auth/login', { body: { username, password: chosen } })).status).toBe(200);
    expect(problems).toEqual([]);
  });

  it('signs in by keyboard alone, with the focus visible on every control it passes', async () => {
    await page.goto('/ui/login');
    await page.getByLabel('用户名').waitFor();
    // The username field has the focus on arrival; Tab moves to the password, Enter submits.
    await page.keyboard.type('leader');
    await page.keyboard.press('Tab');
    const outline = await page.evaluate(() => {
      const g = globalThis as any;
      const el = g.document.activeElement;
      return { id: el?.id, outline: g.getComputedStyle(el).outlineStyle };
    });
    expect(outline).toEqual({ id: 'password', outline: 'solid' });
    await page.keyboard.type('zhaoshang-demo');
    await page.keyboard.press('Enter');
    await page.getByTestId('current-user').waitFor();
    expect(problems).toEqual([]);
  });

  it('keeps a screenshot and a trace of a failing journey, and nothing of a passing one', async () => {
    const flag = globalThis as { __zsTestFailed?: boolean };
    // The e2e environment marks each test as not failed when it starts.
    expect(flag.__zsTestFailed).toBe(false);
    const dir = failureEvidenceDir(expect.getState().currentTestName!);
    rmSync(dir, { recursive: true, force: true });
    await page.goto('/ui/login');
    await context.close();
    expect(existsSync(dir)).toBe(false);

    context = await consoleContext(browser, h.baseUrl);
    page = await context.newPage();
    await page.goto('/ui/login');
    await page.getByLabel('用户名').waitFor();
    flag.__zsTestFailed = true; // as the environment sets it when an assertion fails
    try {
      await context.close();
    } finally {
      flag.__zsTestFailed = false;
    }
    expect([existsSync(join(dir, 'page-1.png')), existsSync(join(dir, 'trace.zip'))]).toEqual([true, true]);
    rmSync(dir, { recursive: true, force: true });
    context = await consoleContext(browser, h.baseUrl);
  });

  it('fits a tablet: the menu folds and a long company name does not widen the page', async () => {
    await context.close();
    context = await consoleContext(browser, h.baseUrl, TABLET);
    page = await context.newPage();
    await signIn(page, 'leader');
    const overflow = await page.evaluate(() => {
      const g = globalThis as any;
      return g.document.documentElement.scrollWidth - g.innerWidth;
    });
    expect(overflow).toBeLessThanOrEqual(0);
  });
});

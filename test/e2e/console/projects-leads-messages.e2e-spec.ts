import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { enqueueNotification } from '@zs/activities';
import { creditCodeCheckChar } from '@zs/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { eventually } from '../../support/eventually';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { createFreshStaff } from '../../support/fresh-staff';
import { escalation } from '../notifications/support/notification-fixtures';

const PROJECT_URL = /\/ui\/projects\/([0-9a-f-]{36})$/;
/** A page loaded afresh (goto, reload) on a loaded machine: more than the context's 20 s default. */
const SLOW_LOAD_MS = 60_000;

/**
 * 登记线索, 项目库 and 消息 in a real browser against the real API and worker: an officer registers a
 * lead, meets the duplicate warning on a second registration and confirms it, finds both in 项目库
 * by a filter kept in the address, and exports them; a reader marks a message read and the menu's
 * unread count drops.
 */
describe('console: 登记线索, 项目库, 消息 (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  // This run's own company: unlike anything another suite registers in the shared database.
  const tag = randomBytes(4).toString('hex');
  const company = `浏阳烟花智造${tag}${randomBytes(6).toString('hex')}有限公司`;
  const first17 = `91430181M${tag.toUpperCase()}`;
  const creditCode = `${first17}${creditCodeCheckChar(first17)}`;
  const projectIds: string[] = [];

  beforeAll(async () => {
    h = await startE2eHarness();
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

  /**
   * Picks the option of the Ant Design select labelled `field` by its visible text, and waits until
   * the select shows it, as a person would look. Once (in full CI runs only) a pick was not taken:
   * the form then refused 产业链 as empty. A pick the select does not show is made again, said on
   * stderr; a second one failing fails the test.
   */
  async function choose(field: string, option: string) {
    const item = page.locator('.ant-form-item').filter({ has: page.getByLabel(field, { exact: true }) });
    for (let attempt = 1; ; attempt++) {
      await page.getByLabel(field, { exact: true }).click();
      // The visible option, not the hidden list kept for screen readers.
      await page.locator('.ant-select-dropdown:visible .ant-select-item-option-content').getByText(option, { exact: true }).click();
      const shown = await item
        .locator('.ant-select-content-has-value', { hasText: option })
        .waitFor({ timeout: 5000 })
        .then(() => true, () => false);
      if (shown) return;
      if (attempt === 2) throw new Error(`${field}: picked ${option} twice and the select does not show it`);
      process.stderr.write(`console journey: ${field} did not show ${option} after it was picked; picking it again\n`);
    }
  }

  async function fillLead() {
    await page.getByLabel('企业名称', { exact: true }).fill(company);
    await page.getByLabel('联系人', { exact: true }).fill('刘经理');
    await choose('产业链', '先进轨道交通装备');
    await page.getByLabel('预计投资额', { exact: true }).fill('6.8');
    await choose('线索来源', '小分队招商');
    await choose('信息等级', 'A类信息');
  }

  it('an officer registers a lead; the form checks the credit code and says what is missing, in Chinese', async () => {
    await signIn(page, 'officer');
    await page.getByRole('menu').getByText('登记线索').click();
    await page.waitForURL('**/ui/leads/new');

    await page.getByRole('button', { name: '登记线索' }).click();
    await page.getByText('请填写企业名称').waitFor();
    await page.getByText('请选择产业链').waitFor();
    await page.getByText('请填写预计投资额（亿元）').waitFor();

    await fillLead();
    // A wrong check character is caught before anything is sent.
    await page.getByLabel('统一社会信用代码').fill(`${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}`);
    await page.getByRole('button', { name: '登记线索' }).click();
    await page.getByText('统一社会信用代码校验位不符').waitFor();
    await page.getByLabel('统一社会信用代码').fill(creditCode.toLowerCase());
    await page.getByRole('button', { name: '登记线索' }).click();

    await page.waitForURL(PROJECT_URL);
    projectIds.push(PROJECT_URL.exec(page.url())![1]);
    const registered = await h.http('GET', `/projects/${projectIds[0]}`, { token: await h.login('officer') });
    expect(registered.body).toMatchObject({ stage: 'intake', lead: { companyName: company, creditCode, industryChain: '先进轨道交通装备', estimatedInvestmentYi: 6.8, sourceChannel: 'small_team', infoGrade: 'A' } });
    expect(problems).toEqual([]);
  });

  it('a second registration of the same company meets the duplicate warning naming the first; confirmed, it is registered', async () => {
    expect(projectIds).toHaveLength(1);
    await signIn(page, 'officer');
    await page.goto('/ui/leads/new');
    await page.getByLabel('企业名称', { exact: true }).waitFor({ timeout: SLOW_LOAD_MS });
    await fillLead();
    await page.getByRole('button', { name: '登记线索' }).click();

    const warning = page.getByTestId('duplicate-warning');
    // If the warning does not come, say what the page shows instead (a field error, another refusal).
    await warning.waitFor().catch(async (err: Error) => {
      throw new Error(`${err.message}\nthe page shows instead:\n${await page.locator('.app-content').innerText().catch(() => '(nothing)')}`);
    });
    expect(await warning.innerText()).toContain('疑似重复登记');
    const link = warning.getByRole('link', { name: company });
    expect(await link.getAttribute('href')).toBe(`/ui/projects/${projectIds[0]}`);
    expect(await warning.innerText()).not.toMatch(/[0-9a-f]{8}-[0-9a-f]{4}-/);
    expect(page.url()).toMatch(/\/ui\/leads\/new$/);
    await screenshot(page, 'new-lead');

    // Cancel keeps the form; confirming sends it again with the first project named.
    await warning.getByRole('button', { name: /取\s*消/ }).click();
    await warning.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '登记线索' }).click();
    await page.getByTestId('duplicate-warning').getByRole('button', { name: '确认不是重复项目，继续登记' }).click();
    await page.waitForURL(PROJECT_URL);
    const second = PROJECT_URL.exec(page.url())![1];
    expect(second).not.toBe(projectIds[0]);
    projectIds.push(second);
    expect(problems).toEqual([]);
  });

  it('项目库 finds both by a filter kept in the address (reload and back keep it) and exports them', async () => {
    expect(projectIds).toHaveLength(2);
    await signIn(page, 'officer');
    await page.goto('/ui/projects');
    await page.getByLabel('企业名称', { exact: true }).fill(company);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.waitForURL(/\/ui\/projects\?q=/);
    expect(new URL(page.url()).searchParams.get('q')).toBe(company);

    const rows = page.locator('.ant-table-row');
    const linksToBoth = async () => {
      // After a full page load on a busy machine (two cores shared by the whole suite) the first paint can take a while.
      await rows.nth(1).waitFor({ timeout: SLOW_LOAD_MS });
      // The unfiltered first page may still be on screen until the filtered answer replaces it.
      await eventually('the filtered list on screen', async () => ((await rows.count()) === 2 ? true : undefined), SLOW_LOAD_MS);
      const hrefs = await page.locator('.ant-table-row a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
      expect(hrefs.sort()).toEqual(projectIds.map((id) => `/ui/projects/${id}`).sort());
      expect(await page.getByLabel('企业名称', { exact: true }).inputValue()).toBe(company);
    };
    await linksToBoth();
    await screenshot(page, 'projects');

    await page.reload();
    await linksToBoth();

    await page.getByRole('button', { name: /重\s*置/ }).click();
    await page.waitForURL(/\/ui\/projects$/);
    // The form follows the address: emptied with it.
    await page.waitForFunction(() => ((globalThis as any).document.getElementById('q') as { value?: string } | null)?.value === '');
    await page.goBack();
    await page.waitForURL(/\/ui\/projects\?q=/);
    await linksToBoth();

    // The export holds the list the filters select.
    await page.getByTestId('projects-export').click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: '导出 CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^项目库-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = await readFile(await download.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').trimEnd().split('\r\n');
    expect(lines[0].replace(/^\uFEFF/, '').split(',')[0]).toBe('企业名称');
    expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual([company, company]);
    expect(problems).toEqual([]);
  });

  it('a reader opens 消息, marks a message read, and the unread count in the menu drops', async () => {
    expect(projectIds).toHaveLength(2);
    const reader = await createFreshStaff(h, '孙丽');
    await h.http('POST', '/notifications/read-all', { token: reader.token });
    const titles = [`【1级督办】${company} 研判超时`, `【预警】${company} 研判即将超时`];
    for (const [i, title] of titles.entries()) {
      await enqueueNotification(h.dataSource, escalation({ dedupeKey: `${tag}:reader-${i}`, recipientUserId: reader.id, recipientRole: 'auditor', projectId: projectIds[0], title, body: `${title}。请尽快处理。` }));
    }
    await h.dataSource.query(`UPDATE notification_outbox SET status = 'skipped', last_error = 'test data' WHERE event_key LIKE $1 AND status = 'pending'`, [`${tag}:%`]);

    await signIn(page, reader.username, reader.password);
    const badge = page.getByRole('menu').getByRole('menuitem', { name: /消息/ }).locator('.ant-badge-count');
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.ant-menu .ant-badge-count[title="2"]') !== null);
    await page.getByRole('menu').getByText('消息').click();
    await page.waitForURL('**/ui/notifications');

    const item = (title: string) => page.getByTestId('notification').filter({ hasText: title });
    await item(titles[0]).waitFor();
    expect(await item(titles[0]).getAttribute('data-read')).toBe('false');
    await item(titles[0]).getByRole('button', { name: '标为已读' }).click();
    await item(titles[0]).getByText('已读', { exact: true }).waitFor();
    await page.waitForFunction(() => (globalThis as any).document.querySelector('.ant-menu .ant-badge-count[title="1"]') !== null);
    expect(await badge.getAttribute('title')).toBe('1');

    // Following a message to its project marks it read too.
    await item(titles[1]).getByRole('link', { name: '查看项目' }).click();
    await page.waitForURL(`**/ui/projects/${projectIds[0]}`);
    await badge.waitFor({ state: 'detached' });
    expect((await h.http('GET', '/notifications/unread-count', { token: reader.token })).body).toEqual({ unreadCount: 0 });
    expect(problems).toEqual([]);
  });
});

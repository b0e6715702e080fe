import { readFileSync } from 'node:fs';
import { firstBrokenProof, type RecordProof } from '@zs/persistence';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { createTestDatabase, type TestDatabase } from '../../support/test-database';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { eventually } from '../../support/eventually';
import { sampleLead, uniqueCompanyName } from '../../support/sample-lead';

/** An instant as Beijing's clock shows it, as the console's pickers take it: 2026-03-01 18:00:05. */
const beijing = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');

/**
 * 审计 in a real browser against the real API: an auditor searches every project's history by
 * action and period and finds a project's event, sees the chains intact, downloads the project's
 * history with its proofs (re-verified here), and reads the project's stage at a chosen instant.
 */
describe('audit page (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let taskForce: Staff;
  let projectId: string;
  let companyName: string;
  let registeredAt: number;
  let acceptedAt: number;

  let db: TestDatabase;

  beforeAll(async () => {
    // A database of its own: the tamper suites break the shared one's chains on purpose, and this
    // journey shows the auditor every chain intact.
    db = await createTestDatabase('console_audit');
    h = await startE2eHarness({ databaseUrl: db.url });
    browser = await launchBrowser();
    const officer = await loginStaff(h, 'officer');
    taskForce = await loginStaff(h, 'taskforce');
    companyName = uniqueCompanyName('湘江审计旅程智能装备');
    const lead = await h.http('POST', '/leads', { token: officer.token, body: sampleLead({ companyName }) });
    expect(lead.status).toBe(201);
    projectId = lead.body.id;
    // Seconds apart, so a time picked to the second falls between registration and acceptance.
    await new Promise((r) => setTimeout(r, 2500));
    expect((await h.http('POST', `/projects/${projectId}/intake-decision`, { token: taskForce.token, body: { action: 'accept' } })).status).toBe(200);
    const auditor = await loginStaff(h, 'auditor');
    const events = await eventually('both events in the audit log', async () => {
      const res = await h.http('GET', `/audit/events?projectId=${projectId}`, { token: auditor.token });
      return res.body.total === 2 ? res.body.items : undefined;
    });
    acceptedAt = Date.parse(events[0].occurredAt);
    registeredAt = Date.parse(events[1].occurredAt);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await h?.teardown();
    await db?.drop();
  });
  beforeEach(async () => {
    context = await consoleContext(browser, h.baseUrl);
    page = await context.newPage();
    problems = watchPageErrors(page);
    await signIn(page, 'auditor');
    await page.goto('/ui/audit');
    await page.getByRole('tab', { name: '历史检索' }).waitFor();
  });
  afterEach(async () => {
    await context.close();
  });

  async function pickProject(): Promise<void> {
    await page.getByRole('combobox', { name: '项目' }).fill(companyName.slice(0, 14));
    await page.locator('.ant-select-item-option', { hasText: companyName }).click();
  }

  it('searches by action and period, and finds the project’s event, linked to the project', async () => {
    // The filters' fields carry their form names as ids (their labels end in a colon in zh-CN).
    await page.locator('#action').fill('研判通过');
    await page.locator('.ant-select-item-option[title="研判通过，予以承接"]').click();
    const today = beijing(Date.now()).slice(0, 10);
    await page.getByPlaceholder('开始日期').fill(today);
    await page.getByPlaceholder('结束日期').fill(today);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: /查\s*询/ }).click();

    const row = page.locator('tr', { hasText: companyName });
    await row.waitFor();
    expect(await row.innerText()).toContain('研判通过，予以承接');
    expect(await row.innerText()).toContain(taskForce.displayName);
    // Every row found is an acceptance (the filter reached the API).
    const actions = await page.locator('tbody tr.ant-table-row td:nth-child(3)').allInnerTexts();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set(['研判通过，予以承接']));
    await screenshot(page, 'audit-search');
    await row.getByRole('link', { name: companyName }).click();
    await page.waitForURL(`**/ui/projects/${projectId}`);
    expect(problems).toEqual([]);
  });

  it('shows every chain intact, and verifies again on demand', async () => {
    await page.getByRole('tab', { name: '链校验' }).click();
    const summary = page.getByTestId('verify-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('审计记录完整');
    const chains = page.locator('tr', { hasText: '项目事件链' });
    expect(await chains.innerText()).toContain('完整');
    expect(await page.locator('tr', { hasText: '安全事件链' }).innerText()).toContain('完整');
    await screenshot(page, 'audit-verify');
    const checkedAt = await page.getByText(/^校验时间：/).innerText();
    await new Promise((r) => setTimeout(r, 1100));
    await page.getByRole('button', { name: '重新校验' }).click();
    await page.waitForFunction((before) => {
      const text: string = (globalThis as any).document.body.innerText;
      return text.includes('校验时间：') && !text.includes(before);
    }, checkedAt);
    expect(await summary.innerText()).toContain('审计记录完整');
    expect(problems).toEqual([]);
  });

  it('downloads the project’s history with proofs that re-verify', async () => {
    await page.getByRole('tab', { name: '导出项目历史' }).click();
    await pickProject();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 JSON/ }).click()]);
    expect(download.suggestedFilename()).toBe(`project-history-${projectId}.json`);
    const doc = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(doc).toMatchObject({ format: 'zhaoshang-audit-export-v1', project: { id: projectId, companyName }, chain: `project:${projectId}` });
    expect(doc.records.map((r: any) => r.event.actionLabel)).toEqual(['登记线索', '研判通过，予以承接']);
    expect(firstBrokenProof(doc.records.map((r: any) => r.proof as RecordProof))).toBeNull();

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: /导出 CSV/ }).click()]);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain('研判通过，予以承接');
    expect(text).toContain(doc.records[1].proof.hash);
    expect(problems).toEqual([]);
  });

  it('shows the stage at a chosen instant: in 48-hour review between registration and acceptance, in negotiation after', async () => {
    await page.getByRole('tab', { name: '某日状态' }).click();
    await pickProject();
    const between = Math.ceil(registeredAt / 1000) * 1000;
    expect(between).toBeLessThan(acceptedAt);
    const picker = page.getByPlaceholder('请选择日期');
    await picker.fill(beijing(between));
    await picker.press('Enter');
    await page.getByRole('button', { name: /查\s*看/ }).click();
    const card = page.getByTestId('state-as-of');
    await card.getByText('48小时研判').waitFor();
    expect(await card.innerText()).toContain('登记线索');

    await picker.fill(beijing(Date.now()));
    await picker.press('Enter');
    await page.getByRole('button', { name: /查\s*看/ }).click();
    await card.getByText('洽谈', { exact: true }).waitFor();
    expect(await card.innerText()).toContain('研判通过，予以承接');
    expect(await card.innerText()).toContain(companyName);

    // Before the project existed: the API's answer, in Chinese.
    await picker.fill(beijing(registeredAt - 3600_000));
    await picker.press('Enter');
    await page.getByRole('button', { name: /查\s*看/ }).click();
    await page.getByRole('alert').getByText(/尚未登记/).waitFor();
    // The refusal's 404 is the API's answer (the browser logs it), not a broken page.
    expect(problems.filter((p) => !/Failed to load resource.*404/.test(p))).toEqual([]);
  });
});

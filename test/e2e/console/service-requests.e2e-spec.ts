import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, MILESTONE_KINDS, shanghaiDate } from '@zs/domain';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { eventually } from '../../support/eventually';
import { signedImportRecord } from '../../support/imported-signings';

interface Task {
  projectId: string;
  step: string;
}

interface RequestView {
  id: string;
  status: string;
  statusLabel: string;
  department: string;
}

/**
 * The Enterprise Service Bureau takes and closes a firm's request in a real browser against the
 * real API and worker: the bureau raises it through 企业点单 (dispatched to 供电公司), the
 * department's staff accept and resolve it in the project's 企业服务 tab (a resolution left blank
 * is refused next to its field and changes nothing), and the bureau records the firm's rating
 * from 我的待办. The database is shared with other suites: the project is this file's own import.
 */
describe('企业服务: a service request raised, accepted, resolved and rated (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let contexts: BrowserContext[];
  let pageErrors: string[][];
  let esb: Staff;
  let deptStaff: Staff;
  let auditor: Staff;
  let admin: Staff;

  beforeAll(async () => {
    h = await startE2eHarness();
    browser = await launchBrowser();
    [esb, deptStaff, auditor, admin] = await Promise.all(['esb', 'dept-staff', 'auditor', 'admin'].map((u) => loginStaff(h, u)));
  });
  afterAll(async () => {
    await browser?.close();
    await h?.teardown();
  });
  beforeEach(() => {
    contexts = [];
    pageErrors = [];
  });
  afterEach(async () => {
    await Promise.all(contexts.map((c) => c.close()));
  });

  /** A signed-in browser tab of one demo user (each their own context: sessions are per tab). */
  async function signedIn(username: string): Promise<Page> {
    const context = await consoleContext(browser, h.baseUrl);
    contexts.push(context);
    const page = await context.newPage();
    pageErrors.push(watchPageErrors(page));
    await signIn(page, username);
    return page;
  }

  /** A project in 投产后服务, brought in through 存量项目导入 (every node done, production 10 days ago). */
  async function projectInService(companyName: string): Promise<string> {
    const today = shanghaiDate(Date.now());
    const d = (days: number) => addDays(today, days);
    const record = {
      ...signedImportRecord({ owner: 'officer', registeredOn: d(-400), signedOn: d(-300), contractInvestmentYi: 3, lead: { companyName } }),
      stage: 'service',
      committedConstructionStart: d(-200),
      committedEquipmentEntry: d(-100),
      committedProduction: d(-10),
      committedFirstTax: d(100),
      commissioner: 'psb',
      nodes: MILESTONE_KINDS.map((kind, i) => ({ kind, dueOn: d(-290 + 30 * i), completedOn: d(-290 + 30 * i) })),
    };
    const res = await h.http('POST', '/imports/projects', { token: admin.token, body: { records: [record] } });
    expect({ status: res.status, started: res.body.startedCount }).toEqual({ status: 201, started: 1 });
    const id: string = res.body.rows[0].projectId;
    await eventually('the imported project in service', async () => ((await h.http('GET', `/projects/${id}`, { token: auditor.token })).body.stage === 'service' ? true : undefined), 30_000);
    return id;
  }

  const requestsOf = async (projectId: string): Promise<RequestView[]> =>
    (await h.http('GET', `/projects/${projectId}/service-requests?pageSize=100`, { token: auditor.token })).body.items;
  /** The requests without the time-dependent part of their clocks, to compare two reads. */
  const settledRequestsOf = async (projectId: string) =>
    (await requestsOf(projectId)).map((r) => ({ ...r, clocks: (r as unknown as { clocks: object[] }).clocks.map((c) => ({ ...c, remainingMs: undefined })) }));
  const serviceHistory = async (projectId: string): Promise<Array<[string, string]>> =>
    ((await h.http('GET', `/projects/${projectId}/history?pageSize=500`, { token: auditor.token })).body.items as Array<{ action: string; actorRole: string }>)
      .filter((e) => e.action.startsWith('service.'))
      .map((e) => [e.action, e.actorRole]);

  /** Where a task stands in someone's queue (pages of 100 of stage service), once it is there. */
  async function queuePage(who: Staff, projectId: string, step: string): Promise<number> {
    return eventually(`${step} in the queue of ${who.role}`, async () => {
      for (let p = 1; ; p++) {
        const res = await h.http('GET', `/tasks?stage=service&page=${p}&pageSize=100`, { token: who.token });
        expect(res.status).toBe(200);
        if ((res.body.items as Task[]).some((t) => t.projectId === projectId && t.step === step)) return p;
        if (p * 100 >= res.body.total) return undefined;
      }
    });
  }

  /** The form item of a labelled field, and the message shown under it. */
  const fieldError = (page: Page, drawer: Locator, label: string) =>
    drawer.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) }).locator('.ant-form-item-explain-error');

  /**
   * Chooses an option of a select (typing `search` first, for a long list: the database is shared,
   * other suites add departments); tries again if a click landed while the list was still opening.
   */
  async function pick(page: Page, drawer: Locator, label: string, option: string, search?: string): Promise<void> {
    const item = drawer.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
    for (let attempt = 1; ; attempt++) {
      await drawer.getByLabel(label, { exact: true }).click();
      if (search) await page.keyboard.type(search);
      const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
      await choice.first().waitFor();
      await page.waitForTimeout(300);
      await choice.first().click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      if ((await item.innerText()).includes(option) || attempt === 3) return;
    }
  }

  /** The request's row in the 企业服务 tab, once it shows `status`. */
  async function rowShowing(page: Page, title: string, status: string): Promise<Locator> {
    const row = page.getByTestId('service-requests-table').locator('tr.ant-table-row', { hasText: title });
    await row.filter({ hasText: status }).waitFor();
    return row;
  }

  it('the bureau raises a request for 供电公司, its staff accept and resolve it, the bureau records 满意 from 我的待办: closed, one history event per step', async () => {
    const tag = randomUUID().slice(0, 8);
    const company = `企业服务旅程${tag}新材料有限公司`;
    const title = `用电增容${tag}`;
    const projectId = await projectInService(company);

    // 企业点单: the Enterprise Service Bureau, through the project's step list.
    const bureau = await signedIn('esb');
    await bureau.goto(`/ui/projects/${projectId}`);
    await bureau.getByTestId('project-company').filter({ hasText: company }).waitFor();
    await bureau.getByRole('button', { name: '企业点单' }).click();
    await bureau.waitForURL(`**/ui/projects/${projectId}?step=service-requests`);
    let drawer = bureau.getByRole('dialog');
    await pick(bureau, drawer, '类别', '紧急');
    await drawer.getByLabel('标题', { exact: true }).fill(title);
    await drawer.getByLabel('描述', { exact: true }).fill('二期产线投产需增容至2000kVA，请协调供电部门');
    await pick(bureau, drawer, '承办部门', '供电公司（', '供电公司');
    // A double click raises it once (one Idempotency-Key while the form is open).
    await bureau.getByTestId('step-submit').dblclick();
    await drawer.waitFor({ state: 'detached' });
    const raised = await eventually('the raised request', async () => (await requestsOf(projectId)).find((r) => r.status === 'dispatched'));
    expect(await requestsOf(projectId)).toHaveLength(1);
    expect(raised).toMatchObject({ department: '供电公司', statusLabel: '待接单' });

    // The department's staff: 接单 (antd spaces a two-character label: 接 单) in the 企业服务 tab (only their department's requests offer it).
    const staff = await signedIn('dept-staff');
    await staff.goto(`/ui/projects/${projectId}?tab=service-requests`);
    let row = await rowShowing(staff, title, '待接单');
    expect(await row.innerText()).toContain('紧急');
    await row.getByRole('button', { name: /^接\s*单$/ }).click();
    drawer = staff.getByRole('dialog');
    await drawer.getByText('由「供电公司」接单后，开始计算办理时限（紧急）。').waitFor();
    await staff.getByTestId('request-step-submit').click();
    await drawer.waitFor({ state: 'detached' });
    row = await rowShowing(staff, title, '办理中');

    // 销单 without its resolution: refused next to the field, in Chinese; nothing changes.
    const before = { requests: await settledRequestsOf(projectId), history: await serviceHistory(projectId) };
    await row.getByRole('button', { name: /^销\s*单$/ }).click();
    drawer = staff.getByRole('dialog');
    await drawer.getByLabel('办理结果', { exact: true }).fill('   ');
    await staff.getByTestId('request-step-submit').click();
    await fieldError(staff, drawer, '办理结果').filter({ hasText: '办理结果为必填项' }).waitFor();
    expect(await drawer.getByLabel('办理结果', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect({ requests: await settledRequestsOf(projectId), history: await serviceHistory(projectId) }).toEqual(before);
    expect(before.requests.map((r) => r.status)).toEqual(['accepted']);

    await drawer.getByLabel('办理结果', { exact: true }).fill('已完成增容至2000kVA，二号厂房通电');
    await staff.getByTestId('request-step-submit').click();
    await drawer.waitFor({ state: 'detached' });
    row = await rowShowing(staff, title, '待评价');
    // Rating is the bureau's: the department's staff are offered nothing more.
    expect(await row.getByTestId('request-actions').getByRole('button').count()).toBe(0);

    // 评价 from 我的待办: the link opens the tab with the request named and its rating form open.
    const onPage = await queuePage(esb, projectId, `service.rate:${raised.id}`);
    await bureau.goto(`/ui/tasks?stage=service&page=${onPage}&pageSize=100`);
    // The project's own fulfilment check waits in the same queue: the rating's row is the one naming the request.
    const task = bureau.getByRole('row').filter({ hasText: company }).filter({ hasText: `服务评价：${title}` });
    await task.waitFor();
    await task.getByRole('link', { name: company }).click();
    await bureau.waitForURL(`**/ui/projects/${projectId}?tab=service-requests&request=${raised.id}`);
    drawer = bureau.getByRole('dialog');
    await drawer.getByText('评价', { exact: true }).first().waitFor();
    await drawer.getByText('满意', { exact: true }).click();
    await bureau.getByTestId('request-step-submit').click();
    await drawer.waitFor({ state: 'detached' });
    row = await rowShowing(bureau, title, '已销单');
    expect(await row.innerText()).toContain('满意');
    // The named request is opened to its story.
    await bureau.getByText('已完成增容至2000kVA，二号厂房通电').first().waitFor();
    await screenshot(bureau, 'service-requests');

    const closed = (await h.http('GET', `/service-requests/${raised.id}`, { token: auditor.token })).body;
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已销单', department: '供电公司', acceptedBy: { userId: deptStaff.id }, ratings: [{ rating: 'satisfied' }] });
    await eventually('the rating in the history', async () => ((await serviceHistory(projectId)).length === 4 ? true : undefined));
    expect(await serviceHistory(projectId)).toEqual([
      ['service.request_raised', 'enterprise_service_bureau'],
      ['service.request_accepted', 'department_staff'],
      ['service.request_resolved', 'department_staff'],
      ['service.request_closed', 'enterprise_service_bureau'],
    ]);
    expect(pageErrors.flat()).toEqual([]);
  });
});

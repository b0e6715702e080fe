import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { shanghaiDate } from '@zs/domain';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { eventually } from '../../support/eventually';
import { sampleContract } from '../../support/sample-contract';
import { sampleLead } from '../../support/sample-lead';

interface Task {
  projectId: string;
  step: string;
}

/**
 * 我的待办 and the step forms of 项目详情 in a real browser against the real API and worker: the
 * task force decides a fresh lead from its queue; a bad form is refused next to its field and
 * changes nothing; the Project Service Bureau names itself commissioner, lays out the plan and
 * completes a node. The database is shared with other suites: everything is found by this file's
 * own projects.
 */
describe('我的待办 and the step forms of 项目详情 (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let officer: Staff;
  let taskForce: Staff;
  let psb: Staff;
  let auditor: Staff;

  beforeAll(async () => {
    h = await startE2eHarness();
    browser = await launchBrowser();
    [officer, taskForce, psb, auditor] = await Promise.all(['officer', 'taskforce', 'psb', 'auditor'].map((u) => loginStaff(h, u)));
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

  const post = async (path: string, who: Staff, body: unknown) => {
    const res = await h.http('POST', path, { token: who.token, body });
    if (res.status >= 300) throw new Error(`POST ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };
  const read = async (id: string) => (await h.http('GET', `/projects/${id}`, { token: auditor.token })).body;
  const actions = async (id: string): Promise<string[]> => (await h.http('GET', `/projects/${id}/history?pageSize=500`, { token: auditor.token })).body.items.map((i: { action: string }) => i.action);

  async function registerLead(): Promise<{ id: string; companyName: string }> {
    const lead = sampleLead();
    const { id } = await post('/leads', officer, lead);
    await eventually('the lead in the read model', async () => ((await h.http('GET', `/projects/${id}`, { token: auditor.token })).status === 200 ? true : undefined));
    return { id, companyName: lead.companyName };
  }

  /** Where a project's task stands in someone's queue (pages of 100 of one stage), once it is there. */
  async function queuePage(who: Staff, projectId: string, stage: string, step: string): Promise<number> {
    return eventually(`${step} of ${projectId} in the queue of ${who.role}`, async () => {
      for (let p = 1; ; p++) {
        const res = await h.http('GET', `/tasks?stage=${stage}&page=${p}&pageSize=100`, { token: who.token });
        expect(res.status).toBe(200);
        if ((res.body.items as Task[]).some((t) => t.projectId === projectId && t.step === step)) return p;
        if (p * 100 >= res.body.total) return undefined;
      }
    });
  }

  async function inQueue(who: Staff, projectId: string): Promise<boolean> {
    for (let p = 1; ; p++) {
      const res = await h.http('GET', `/tasks?page=${p}&pageSize=100`, { token: who.token });
      if ((res.body.items as Task[]).some((t) => t.projectId === projectId)) return true;
      if (p * 100 >= res.body.total) return false;
    }
  }

  /** The form item of a labelled field, and the message shown under it. */
  const fieldError = (drawer: Locator, label: string) => drawer.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) }).locator('.ant-form-item-explain-error');

  /** Chooses an option of a select; tries again if a click landed while the list was still opening. */
  async function pick(drawer: Locator, label: string, option: string): Promise<void> {
    const item = drawer.locator('.ant-form-item', { has: page.getByText(label, { exact: true }) });
    for (let attempt = 1; ; attempt++) {
      await drawer.getByLabel(label, { exact: true }).click();
      const choice = page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: option });
      await choice.waitFor();
      await page.waitForTimeout(300);
      await choice.click();
      await page.locator('.ant-select-dropdown:visible').waitFor({ state: 'hidden' });
      if ((await item.innerText()).includes(option) || attempt === 3) return;
    }
  }

  it('the task force sees a fresh lead with its countdown in 我的待办, opens it with one click and accepts it through the form', async () => {
    const lead = await registerLead();
    const onPage = await queuePage(taskForce, lead.id, 'intake', 'intake.decide');

    await signIn(page, 'taskforce');
    await page.waitForURL('**/ui/tasks');
    // The menu counts the open tasks (as GET /tasks counts them).
    const total: number = (await h.http('GET', '/tasks?pageSize=1', { token: taskForce.token })).body.total;
    const badge = page.getByRole('menuitem').filter({ hasText: '我的待办' }).locator('.ant-badge-count');
    await badge.waitFor();
    expect(await badge.getAttribute('title')).toBe(String(total));

    await page.goto(`/ui/tasks?stage=intake&page=${onPage}&pageSize=100`);
    const row = page.getByRole('row').filter({ hasText: lead.companyName });
    await row.waitFor();
    expect(await row.innerText()).toContain('48小时承接研判');
    const countdown = row.getByTestId('countdown');
    // 48 hours from registration: a day and some hours left, green (24 hours or more).
    expect(await countdown.innerText()).toMatch(/^剩余 1天2[0-3]小时$/);
    expect(await countdown.getAttribute('data-light')).toBe('green');
    await screenshot(page, 'tasks');

    await row.getByRole('link', { name: lead.companyName }).click();
    await page.waitForURL(`**/ui/projects/${lead.id}?step=intake-decision`);
    const drawer = page.getByRole('dialog');
    await drawer.getByText('48小时承接研判').first().waitFor();
    expect(await page.getByTestId('project-company').innerText()).toBe(lead.companyName);
    expect(await page.getByTestId('clock-intake_decision').getByTestId('countdown').innerText()).toMatch(/^剩余 1天/);
    await drawer.getByText('同意承接', { exact: true }).click();
    // A double click sends the step once (one Idempotency-Key while the form is open).
    await page.getByTestId('step-submit').dblclick();
    await page.getByTestId('project-stage').filter({ hasText: '洽谈' }).waitFor();
    await drawer.waitFor({ state: 'detached' });

    expect((await read(lead.id)).stage).toBe('negotiation');
    await eventually('intake.accepted in the history', async () => ((await actions(lead.id)).includes('intake.accepted') ? true : undefined));
    expect((await actions(lead.id)).filter((a) => a === 'intake.accepted')).toHaveLength(1);

    // The task has left the task force's queue, and 我的待办 no longer lists it.
    await eventually('the task gone from the queue', async () => ((await inQueue(taskForce, lead.id)) ? undefined : true));
    await page.goto(`/ui/tasks?stage=intake&page=${onPage}&pageSize=100`);
    await page.locator('.ant-table-tbody').waitFor();
    await page.locator('.ant-table .ant-spin-spinning').waitFor({ state: 'detached' });
    expect(await page.getByText(lead.companyName).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('refuses a rejection without its reason next to the reason field, in Chinese, and leaves the project as it was', async () => {
    const lead = await registerLead();
    const before = { stage: (await read(lead.id)).stage, history: await actions(lead.id) };

    await signIn(page, 'taskforce');
    await page.goto(`/ui/projects/${lead.id}?step=intake-decision`);
    const drawer = page.getByRole('dialog');
    await drawer.getByText('不予承接', { exact: true }).click();
    await page.getByTestId('step-submit').click();
    await fieldError(drawer, '原因').filter({ hasText: '原因为必填项' }).waitFor();
    expect(await drawer.getByLabel('原因', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    // Asking for information without saying what is missing: the same, next to that field.
    await drawer.getByText('补充信息', { exact: true }).click();
    await page.getByTestId('step-submit').click();
    await fieldError(drawer, '需补充的信息').filter({ hasText: '需补充的信息为必填项' }).waitFor();

    expect({ stage: (await read(lead.id)).stage, history: await actions(lead.id) }).toEqual(before);
    expect(before).toEqual({ stage: 'intake', history: ['lead.registered'] });
    expect(problems).toEqual([]);
  });

  it('says so in Chinese and reads the project again when someone else decided it while the form was open (409)', async () => {
    const lead = await registerLead();
    await signIn(page, 'taskforce');
    await page.goto(`/ui/projects/${lead.id}?step=intake-decision`);
    const drawer = page.getByRole('dialog');
    await page.getByTestId('project-company').waitFor();
    await drawer.getByText('同意承接', { exact: true }).click();
    // A colleague of the task force accepts it first.
    await post(`/projects/${lead.id}/intake-decision`, taskForce, { action: 'accept' });

    await page.getByTestId('step-submit').click();
    const alert = page.getByRole('alert').filter({ hasText: '项目已被他人更新' });
    await alert.waitFor();
    expect(await alert.innerText()).toContain('洽谈');
    await drawer.waitFor({ state: 'detached' });
    await page.getByTestId('project-stage').filter({ hasText: '洽谈' }).waitFor();
    await eventually('intake.accepted in the history', async () => ((await actions(lead.id)).includes('intake.accepted') ? true : undefined));
    expect((await actions(lead.id)).filter((a) => a.startsWith('intake.'))).toEqual(['intake.accepted']);
    expect(problems).toEqual([]);
  });

  it('the Project Service Bureau names itself commissioner from 我的待办, lays out the plan and completes a node through the forms', async () => {
    const lead = await registerLead();
    const id = lead.id;
    await post(`/projects/${id}/intake-decision`, taskForce, { action: 'accept' });
    const today = shanghaiDate(Date.now());
    await post(`/projects/${id}/negotiation-contacts`, officer, { kind: 'site_inspection', date: today, participants: '李明、王经理', location: '标准厂房', outcome: '确定选址' });
    await post(`/projects/${id}/negotiation-outcome`, officer, { outcome: 'proceed' });
    await post(`/projects/${id}/contract`, officer, sampleContract());
    const onPage = await queuePage(psb, id, 'construction', 'handover.assign_commissioner');

    await signIn(page, 'psb');
    await page.goto(`/ui/tasks?stage=construction&page=${onPage}&pageSize=100`);
    const row = page.getByRole('row').filter({ hasText: lead.companyName }).filter({ hasText: '指派项目专员' });
    await row.getByRole('button', { name: /办\s*理/ }).click();
    await page.waitForURL(`**/ui/projects/${id}?step=commissioner`);
    let drawer = page.getByRole('dialog');

    // Someone who is not a user: the API's refusal is shown next to the field it names.
    await pick(drawer, '项目专员', '其他人员…');
    await drawer.getByLabel('项目专员姓名', { exact: true }).fill('王五');
    await drawer.getByLabel('用户编号', { exact: true }).fill(`nobody-${randomUUID().slice(0, 8)}`);
    await page.getByTestId('step-submit').click();
    await fieldError(drawer, '用户编号').filter({ hasText: '不是系统中在职的用户' }).waitFor();
    expect((await read(id)).handover.commissioner).toBeNull();

    // Then itself.
    await pick(drawer, '项目专员', `本人（${psb.displayName}）`);
    await page.getByTestId('step-submit').click();
    await drawer.waitFor({ state: 'detached' });
    expect((await read(id)).handover.commissioner).toMatchObject({ userId: psb.id, name: psb.displayName });

    // As commissioner: the plan, template dates proposed from the contract, itself responsible.
    await page.getByRole('button', { name: '制定节点计划' }).click();
    drawer = page.getByRole('dialog');
    await drawer.getByText('9. 正式投产').waitFor();
    await page.getByTestId('step-submit').click();
    await drawer.waitFor({ state: 'detached' });
    const planned = (await read(id)).construction;
    expect(planned.nodes).toHaveLength(9);
    expect(planned.versions).toHaveLength(1);
    expect(planned.nodes.every((n: { responsible: { userId: string } }) => n.responsible.userId === psb.id)).toBe(true);

    // Complete the first node: a date in the future is refused before sending, today goes through.
    await page.getByRole('button', { name: '完成节点：公司注册' }).click();
    drawer = page.getByRole('dialog');
    const date = drawer.getByLabel('完成日期', { exact: true });
    await drawer.getByLabel('凭证', { exact: true }).fill('营业执照（统一社会信用代码 91430200MA4XXXXXXX）');
    await date.fill('2199-01-01');
    await page.getByTestId('step-submit').click();
    await fieldError(drawer, '完成日期').filter({ hasText: '完成日期不能晚于今天' }).waitFor();
    // By keyboard: the date typed, Enter takes it and sends the form.
    await date.fill(today);
    await date.press('Enter');
    await drawer.waitFor({ state: 'detached' });
    const completed = (await read(id)).construction.nodes.find((n: { kind: string }) => n.kind === 'company_registration');
    expect(completed).toMatchObject({ completedOn: today, evidence: '营业执照（统一社会信用代码 91430200MA4XXXXXXX）' });
    await page.getByRole('button', { name: '完成节点：土地/厂房交付' }).waitFor();
    expect(await page.getByRole('button', { name: '完成节点：公司注册' }).count()).toBe(0);
    await screenshot(page, 'project-detail');
    expect(problems).toEqual([]);
  });
});

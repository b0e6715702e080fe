import { addDays, shanghaiDate } from '@zs/domain';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { eventually } from '../../support/eventually';
import { signedImportRecord } from '../../support/imported-signings';
import { sampleLead, uniqueCompanyName } from '../../support/sample-lead';

/** As much of a canvas as the test reads (the test code compiles without the DOM's types). */
interface GanttCanvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: ArrayLike<number> } } | null;
}

const TODAY = shanghaiDate(Date.now());
const day = (days: number) => addDays(TODAY, days);
/** Daily logs since two days after signing: with the other steps, more than two pages of history (20 a page). */
const PROGRESS_DAYS = 38;
const REBASELINE_REASON = '按实际进度调整前三个节点，施工许可审批延期';

/**
 * The tabs of 项目详情 in a real browser against the real API: a project in construction (imported
 * with its plan, funds and the 项目服务局 user 刘洋 as commissioner), re-baselined, two nodes done (one
 * late), one overdue and escalated, 38 daily logs — three pages of history.
 */
describe('project detail tabs (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let psb: Staff;
  let projectId: string;
  let companyName: string;
  let historyTotal: number;

  const post = async (path: string, body: unknown) => {
    const res = await h.http('POST', path, { token: psb.token, body });
    expect({ path, status: res.status, body: res.status === 200 ? undefined : res.body }).toEqual({ path, status: 200, body: undefined });
    return res;
  };

  beforeAll(async () => {
    h = await startE2eHarness();
    browser = await launchBrowser();
    const admin = await h.login('admin');
    psb = await loginStaff(h, 'psb');

    companyName = uniqueCompanyName('株洲轨道交通装备智能制造产业园');
    const record = {
      ...signedImportRecord({
        owner: 'officer',
        registeredOn: day(-60),
        signedOn: day(-40),
        contractInvestmentYi: 6.8,
        funds: [
          { date: day(-30), amountYi: 1.2 },
          { date: day(-10), amountYi: 0.85 },
        ],
        lead: { companyName },
      }),
      commissioner: 'psb',
    };
    const imported = await h.http('POST', '/imports/projects', { token: admin, body: { records: [record] } });
    expect({ status: imported.status, body: imported.body }).toMatchObject({ status: 201, body: { status: 'started', startedCount: 1 } });
    projectId = imported.body.rows[0].projectId;
    await eventually('the imported project in the read model', async () => {
      const view = await h.http('GET', `/projects/${projectId}`, { token: psb.token });
      return view.status === 200 && view.body.stage === 'construction' ? true : undefined;
    });

    // 计划调整: the first three nodes brought into the past (two then done, one on time and one late;
    // the third left open and overdue, so it escalates), the permits pushed back.
    await post(`/projects/${projectId}/milestone-plan/rebaseline`, {
      reason: REBASELINE_REASON,
      changes: [
        { kind: 'company_registration', dueOn: day(-25) },
        { kind: 'land_handover', dueOn: day(-15) },
        { kind: 'project_filing', dueOn: day(-3) },
        { kind: 'construction_permit', dueOn: day(65) },
        { kind: 'construction_start', dueOn: day(75) },
      ],
    });
    await post(`/projects/${projectId}/milestones/company_registration/complete`, { completedOn: day(-27), evidence: '营业执照（统一社会信用代码）' });
    await post(`/projects/${projectId}/milestones/land_handover/complete`, { completedOn: day(-8), evidence: '厂房交付确认书' });
    for (let i = PROGRESS_DAYS; i >= 1; i--) await post(`/projects/${projectId}/progress`, { date: day(-i), note: `厂房主体施工第 ${PROGRESS_DAYS - i + 1} 天` });
    // 项目备案 was due 3 days ago: its first two escalation levels (at the due time, a day later) are past.
    await eventually(
      'the overdue node escalated twice',
      async () => {
        const view = await h.http('GET', `/projects/${projectId}`, { token: psb.token });
        return view.body.construction.nodes.find((n: { kind: string }) => n.kind === 'project_filing').escalatedLevels.length >= 2 ? true : undefined;
      },
      30_000,
    );
    historyTotal = await eventually('the whole history, settled, in the read model', async () => {
      const total = async () => (await h.http('GET', `/projects/${projectId}/history?pageSize=1`, { token: psb.token })).body.total as number;
      const before = await total();
      await new Promise((r) => setTimeout(r, 1500));
      return before >= PROGRESS_DAYS + 4 && (await total()) === before ? before : undefined;
    }, 30_000);
  });
  afterAll(async () => {
    await browser?.close();
    await h?.teardown();
  });
  beforeEach(async () => {
    context = await consoleContext(browser, h.baseUrl);
    page = await context.newPage();
    problems = watchPageErrors(page);
    await signIn(page, 'psb');
    await page.goto(`/ui/projects/${projectId}`);
    await page.getByText(companyName).first().waitFor();
  });
  afterEach(async () => {
    await context.close();
  });

  const openTab = async (name: string) => {
    await page.getByRole('tab', { name }).click();
  };

  it('shows the milestone plan as a table, switches plan versions, and draws the Gantt chart', async () => {
    await openTab('建设节点');
    const table = page.getByTestId('milestone-table');
    await table.getByText('施工许可').waitFor();
    for (const node of ['公司注册', '土地/厂房交付', '项目备案', '规划许可', '开工建设', '设备进场', '试生产', '正式投产']) await table.getByText(node, { exact: true }).waitFor();
    const row = async (node: string) => table.getByRole('row').filter({ hasText: node }).innerText();

    // The current version (2): each node against its re-baselined date, the replaced date struck through.
    let text = await row('公司注册');
    for (const shown of [day(-25), day(20), day(-27), '按期完成', '刘洋', '营业执照']) expect(text).toContain(shown);
    text = await row('土地/厂房交付');
    for (const shown of [day(-15), day(-8), '逾期完成（晚 7 天）', '厂房交付确认书']) expect(text).toContain(shown);
    text = await row('项目备案');
    for (const shown of [day(-3), '已逾期 3 天', '1 级督办', '2 级督办']) expect(text).toContain(shown);
    expect(await page.getByTestId('due-construction_permit').innerText()).toBe(day(65));
    expect(await page.getByTestId('due-construction_start').innerText()).toBe(day(75));
    expect(await row('施工许可')).toContain(day(60));
    expect(await row('规划许可')).toContain('未到期');
    expect(await page.getByTestId('plan-version-details').innerText()).toContain(REBASELINE_REASON);

    // Version 1: the dates before the re-baselining; by them the late node was on time and nothing is overdue.
    await page.getByLabel('计划版本').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /第 1 版/ }).click();
    await page.getByTestId('due-construction_permit').filter({ hasText: day(60) }).waitFor();
    expect(await page.getByTestId('due-construction_start').innerText()).toBe(day(70));
    expect(await page.getByTestId('due-land_handover').innerText()).toBe(day(30));
    expect(await row('土地/厂房交付')).toContain('按期完成');
    expect(await row('项目备案')).toContain('未到期');
    expect(await table.innerText()).not.toContain('督办');
    expect(await page.getByTestId('plan-version-details').innerText()).not.toContain(REBASELINE_REASON);

    // Back to the current version, as a Gantt chart: planned (blue), on time (green), late (orange) and overdue (red) bars drawn.
    await page.getByLabel('计划版本').click();
    await page.locator('.ant-select-item-option').filter({ hasText: /第 2 版（当前）/ }).click();
    await page.getByText('甘特图').click();
    const canvas = page.getByTestId('milestone-gantt').locator('canvas').first();
    await canvas.waitFor();
    const colours = await eventually('the Gantt bars drawn', async () => {
      const counted = await canvas.evaluate((node) => {
        const el = node as unknown as GanttCanvas;
        const { data } = el.getContext('2d')!.getImageData(0, 0, el.width, el.height);
        const near = (i: number, [r, g, b]: number[]) => Math.abs(data[i] - r) < 8 && Math.abs(data[i + 1] - g) < 8 && Math.abs(data[i + 2] - b) < 8 && data[i + 3] > 200;
        const palette = { plan: [0x91, 0xca, 0xff], onTime: [0x52, 0xc4, 0x1a], late: [0xfa, 0x8c, 0x16], overdue: [0xf5, 0x22, 0x2d] };
        const counts = { plan: 0, onTime: 0, late: 0, overdue: 0 };
        for (let i = 0; i < data.length; i += 4) for (const [name, rgb] of Object.entries(palette)) if (near(i, rgb)) counts[name as keyof typeof counts]++;
        return { ...counts, width: el.width, height: el.height };
      });
      return counted.plan > 500 && counted.onTime > 20 && counted.late > 20 && counted.overdue > 10 ? counted : undefined;
    });
    expect(colours.width).toBeGreaterThan(600);
    await page.getByRole('tab', { name: '建设节点' }).evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'project-milestones');
    expect(problems).toEqual([]);
  });

  it('shows the daily logs, and the funds in place against the committed investment', async () => {
    await openTab('每日进度');
    const progress = page.getByTestId('progress-table');
    await progress.getByText(`厂房主体施工第 ${PROGRESS_DAYS} 天`).waitFor();
    // Latest day first, 20 a page.
    expect(await progress.locator('tbody tr.ant-table-row').first().innerText()).toContain(day(-1));
    expect(await progress.locator('tbody tr.ant-table-row').count()).toBe(20);
    await page.getByText(`共 ${PROGRESS_DAYS} 条`).waitFor();

    await openTab('到位资金');
    const totals = page.getByTestId('funds-totals');
    await totals.getByText('2.05 亿元').waitFor();
    const text = await totals.innerText();
    expect(text).toContain('合同投资额');
    expect(text).toContain('6.8 亿元');
    expect(text).toContain('4.75 亿元');
    expect(text).toContain('30.1%');
    const ledger = page.getByTestId('funds-table');
    const rows = ledger.locator('tbody tr.ant-table-row');
    expect(await rows.count()).toBe(2);
    expect(await rows.nth(0).innerText()).toContain(day(-30));
    expect(await rows.nth(1).innerText()).toContain('企业自筹');
    expect(await rows.nth(1).innerText()).toContain('2.05 亿元');
    expect(problems).toEqual([]);
  });

  it('shows the history as a timeline with names and Chinese labels, newest or oldest first, a page at a time', async () => {
    await openTab('项目历史');
    const timeline = page.getByTestId('history-timeline');
    const entries = timeline.getByTestId('history-entry');
    await entries.first().waitFor();
    const count = page.getByTestId('history-count');
    // Newest first starts from the last page; a short last page brings the one before along.
    const lastPage = historyTotal % 20 || 20;
    const initially = lastPage < 20 ? lastPage + 20 : 20;
    expect(historyTotal).toBeGreaterThan(initially);
    expect(await count.innerText()).toBe(`已显示 ${initially} 条，共 ${historyTotal} 条`);
    // The latest: the last daily log, by 刘洋 of 项目服务局.
    const latest = await entries.first().innerText();
    for (const shown of ['记录建设进度', '刘洋（项目服务局）', `日期：${day(-1)}`, `说明：厂房主体施工第 ${PROGRESS_DAYS} 天`]) expect(latest).toContain(shown);

    while ((await page.getByRole('button', { name: '加载更多' }).count()) > 0) {
      const shown = await entries.count();
      await page.getByRole('button', { name: '加载更多' }).click();
      await count.filter({ hasText: `已显示 ${Math.min(historyTotal, shown + 20)} 条` }).waitFor();
    }
    expect(await count.innerText()).toBe(`已显示 ${historyTotal} 条，共 ${historyTotal} 条`);
    expect(await entries.count()).toBe(historyTotal);
    // The oldest event, last: the import.
    expect(await entries.last().innerText()).toContain('导入存量项目');
    // The escalations of the overdue node, by the system, with their level.
    const escalation = await entries.filter({ hasText: '建设节点逾期' }).filter({ hasText: '督办级别：2' }).innerText();
    expect(escalation).toContain('系统');
    expect(escalation).toContain('节点：项目备案');

    // Oldest first: the import, by the administrator, then the re-baselining with its reason and new dates.
    await page.getByText('最早在前').click();
    await count.filter({ hasText: `已显示 20 条，共 ${historyTotal} 条` }).waitFor();
    const imported = await entries.first().innerText();
    expect(imported).toContain('导入存量项目');
    expect(imported).toContain('周强（系统管理员）');
    const rebaselined = await entries.nth(1).innerText();
    for (const shown of ['调整建设节点计划（重新基线）', '刘洋（项目服务局）', `原因：${REBASELINE_REASON}`, `公司注册 → ${day(-25)}`, `施工许可 → ${day(65)}`]) expect(rebaselined).toContain(shown);
    const all = await timeline.innerText();
    expect(all).not.toMatch(/construction\.|progress_logged|project_filing|undefined/);
    await page.getByRole('tab', { name: '项目历史' }).evaluate((tab) => tab.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'project-history');
    expect(problems).toEqual([]);
  });

  it('shows each clock\'s SLA timeline: started, paused and resumed with their reasons, met; and the (empty) service requests', async () => {
    // A fresh lead: its 48-hour intake clock pauses for missing papers, resumes when they come, stops at the decision.
    const [officer, taskForce] = await Promise.all([h.login('officer'), h.login('taskforce')]);
    const leadName = uniqueCompanyName('株洲时限轨迹测试');
    const lead = await h.http('POST', '/leads', { token: officer, body: sampleLead({ companyName: leadName }) });
    expect(lead.status).toBe(201);
    const leadId = lead.body.id as string;
    for (const [path, token, body] of [
      ['intake-decision', taskForce, { action: 'request_info', missing: '请补充营业执照与近三年财务报表' }],
      ['intake-info', officer, { response: '已补充营业执照及财务报表' }],
      ['intake-decision', taskForce, { action: 'accept' }],
    ] as const) {
      const res = await h.http('POST', `/projects/${leadId}/${path}`, { token, body });
      expect({ path, status: res.status }).toEqual({ path, status: 200 });
    }
    await page.goto(`/ui/projects/${leadId}?tab=sla`);
    const sla = page.getByTestId('sla-timeline');
    await sla.getByText('原因：已补充营业执照及财务报表').waitFor();
    const intake = await sla.locator('.ant-card').filter({ hasText: '48小时承接研判' }).innerText();
    // In time order (the card's own status tag, 按时办结, comes before its events: the last one counts).
    const order = ['开始计时', '暂停计时', '原因：请补充营业执照与近三年财务报表', '恢复计时', '原因：已补充营业执照及财务报表', '按时办结'].map((text) => intake.lastIndexOf(text));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((x, y) => x - y)).toEqual(order);
    expect(intake.indexOf('按时办结')).toBeLessThan(intake.indexOf('开始计时'));
    expect(await sla.innerText()).not.toMatch(/intake_decision|follow_up|[0-9a-f]{8}-[0-9a-f]{4}/);

    // The imported project has no clock running, and no service request (they come after production).
    await page.goto(`/ui/projects/${projectId}?tab=sla`);
    await page.getByText('暂无时限记录').waitFor();
    await page.getByRole('tab', { name: '企业服务' }).click();
    await page.getByText('暂无服务请求').waitFor();
    expect(problems).toEqual([]);
  });
});

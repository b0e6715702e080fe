import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { addDays, shanghaiDate } from '@zs/domain';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';
import { loginStaff, type Staff } from '../../support/e2e-staff';
import { eventually } from '../../support/eventually';
import { importSignedProjects } from '../../support/imported-signings';
import { sampleLead } from '../../support/sample-lead';

const TODAY = shanghaiDate(Date.now());
const YEAR = Number(TODAY.slice(0, 4));
/** Names unique to this run: the database is shared by every suite and kept between runs. */
const RUN = randomUUID().slice(0, 8);
/** Signed inside the 双过半 half-year (1 January – 30 June) of this year, and not after today. */
const SIGNED_ON = TODAY < `${YEAR}-06-15` ? TODAY : `${YEAR}-06-15`;
const REGISTERED_ON = addDays(SIGNED_ON, -30);

/**
 * 领导驾驶舱 and 督办 in a real browser against the real API and worker. A fresh department (its team,
 * officer, chain, campaign and target) with two imported signed projects: the leader sees every
 * chart drawn under its Chinese title, the department's 双过半 gauge at the figure GET /targets/progress
 * gives, follows a chart to 项目库 with the filter in the URL and exports the KPI table. A project
 * imported with its 48-hour decision long past shows in 督办 under its department and escalation level.
 */
describe('领导驾驶舱 and 督办 (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let admin: Staff;
  let leader: Staff;
  const chain = `驾驶舱测试链-${RUN}`;
  let departmentId = '';
  let campaign: { id: string };

  const call = async (method: string, path: string, who: Staff, body?: unknown) => {
    const res = await h.http(method, path, { token: who.token, body });
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${JSON.stringify(res.body)}`);
    return res.body;
  };

  beforeAll(async () => {
    h = await startE2eHarness();
    browser = await launchBrowser();
    [admin, leader] = await Promise.all(['admin', 'leader'].map((u) => loginStaff(h, u)));

    departmentId = (await call('POST', '/admin/departments', admin, { code: `dash-${RUN}`, name: `驾驶舱测试局-${RUN}`, kind: 'direct' })).id;
    const teamId = (await call('POST', '/admin/teams', admin, { name: `驾驶舱一组-${RUN}`, departmentId })).id;
    await call('POST', '/admin/industry-chains', admin, { name: chain, kind: 'chain' });
    const username = `dash-officer-${RUN}`;
    const officer = await call('POST', '/admin/users', admin, { username, displayName: `驾驶舱专员${RUN}`, role: 'investment_officer', departmentId, teamIds: [teamId] });
    campaign = await call('POST', '/campaigns', leader, { name: `驾驶舱攻势-${RUN}`, startsOn: REGISTERED_ON, endsOn: addDays(TODAY, 30) });
    await call('PUT', `/campaigns/${campaign.id}/roster`, leader, { teamIds: [teamId], officerUserIds: [officer.user.id] });
    await call('PUT', '/targets', leader, { year: YEAR, scopeKind: 'department', scopeId: departmentId, contractInvestmentYi: 16, fundsInPlaceYi: 8 });

    const signed = (name: string, contractInvestmentYi: number, fundsYi: number) => ({
      owner: username,
      registeredOn: REGISTERED_ON,
      signedOn: SIGNED_ON,
      contractInvestmentYi,
      funds: [{ date: SIGNED_ON, amountYi: fundsYi }],
      campaignId: campaign.id,
      lead: { companyName: `${name}驾驶舱测试${RUN}有限公司`, industryChain: chain },
    });
    await importSignedProjects(h, admin.token, [signed('湖南长株潭智能制造装备', 6, 1.5), signed('株洲轨道交通配套', 4, 0.5)]);
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

  /** ECharts animates a bar into place: click where it will be until the click leads somewhere. */
  async function clickUntilNavigated(target: Locator, position: { x: number; y: number }, url: RegExp): Promise<void> {
    await eventually(
      `a click on the chart leading to ${url}`,
      async () => {
        await target.click({ position });
        return url.test(page.url()) ? true : undefined;
      },
      15_000,
    );
  }

  it('draws every chart of the department with its Chinese title, the 双过半 gauge at the API figure, and leads from a bar to 项目库 filtered', async () => {
    const progress = await call('GET', `/targets/progress?year=${YEAR}&scopeKind=department&asOf=${TODAY}`, leader);
    const ours = progress.items.find((i: { target: { scopeId: string } }) => i.target.scopeId === departmentId);
    // 10亿 signed of a 16亿 target, 2亿 in place of 8亿: the API's figures the gauge must show.
    expect(ours.doubleHalf.contractInvestment).toEqual({ actual: 10, target: 16, percent: 62.5 });
    expect(ours.doubleHalf.fundsInPlace).toEqual({ actual: 2, target: 8, percent: 25 });

    await signIn(page, 'leader');
    await page.getByRole('menuitem', { name: '领导驾驶舱' }).click();
    await page.waitForURL('**/ui/dashboard');
    // Its own campaign: other suites' campaigns in the shared database may be later ones.
    await page.goto(`/ui/dashboard?from=${REGISTERED_ON}&to=${TODAY}&department=${departmentId}&campaign=${campaign.id}`);

    for (const [testId, title] of [
      ['chart-funnel', '招商漏斗（统计期内登记的线索）'],
      ['chart-trend', '月度趋势'],
      ['chart-department', '各部门指标'],
      ['chart-chain', '各产业链指标'],
      ['chart-double-half', `${YEAR}年“双过半”进度`],
      ['chart-leaderboard', '招商攻势排行榜'],
    ]) {
      const card = page.getByTestId(testId);
      await card.getByText(title, { exact: true }).waitFor();
      await card.locator('canvas').first().waitFor();
    }
    // The funnel counts the department's two leads, both accepted and signed, none in production yet.
    await eventually('the funnel counted', async () => ((await page.getByTestId('funnel').getAttribute('aria-label'))?.includes('线索 2，承接 2，签约 2，投产 0') ? true : undefined), 15_000);

    await screenshot(page, 'dashboard');

    const gauge = page.locator(`[data-testid="double-half-gauge"][data-department="${departmentId}"]`);
    await gauge.getByText(`驾驶舱测试局-${RUN}`).waitFor();
    await gauge.getByText(ours.doubleHalf.label, { exact: true }).waitFor();
    const contract = gauge.getByTestId('double-half-contractInvestment');
    expect(await contract.getAttribute('data-percent')).toBe(String(ours.doubleHalf.contractInvestment.percent));
    expect(await contract.innerText()).toBe(`合同投资额：10 / 目标 16 亿元，完成 ${ours.doubleHalf.contractInvestment.percent}%`);
    expect(await gauge.getByTestId('double-half-fundsInPlace').innerText()).toBe('到位资金：2 / 目标 8 亿元，完成 25%');
    expect(await gauge.locator('canvas').count()).toBe(1);

    // Every KPI's formula is a tooltip of its column.
    const table = page.getByTestId('kpi-table');
    await table.getByText(`驾驶舱测试局-${RUN}`).waitFor();
    await table.locator('thead').getByText('签约项目数', { exact: true }).hover();
    await page.getByRole('tooltip').getByText('签约日在统计期内的项目数。').waitFor();

    // The KPI table as CSV, under the dashboard's filters.
    const [csv] = await Promise.all([page.waitForEvent('download'), table.getByRole('button', { name: /导出 CSV/ }).click()]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    expect(text).toContain(`驾驶舱测试局-${RUN}`);

    // Within the department the chain chart has one bar, this run's chain: a click opens its signed projects.
    const chainChart = page.getByTestId('chart-chain-canvas');
    await chainChart.scrollIntoViewIfNeeded();
    // The bar sits in the middle of the plot (top 16, bottom 24 of 240 px), from the axis at 128 px.
    await clickUntilNavigated(chainChart, { x: 150, y: 116 }, /\/ui\/projects\?/);
    const query = new URL(page.url()).searchParams;
    expect(Object.fromEntries(query)).toEqual({ departmentId, industryChain: chain, signedFrom: REGISTERED_ON, signedTo: TODAY });
    expect(problems).toEqual([]);
  });

  it('shows a 48-hour decision long overdue in 督办 under its department and escalation level, and lists it there', async () => {
    const companyName = `督办超时测试${RUN}科技有限公司`;
    // Registered years ago and never decided: the oldest deadline, first of its list.
    const record = { ...sampleLead({ companyName, industryChain: chain }), stage: 'intake', registeredOn: addDays(TODAY, -5000), reporter: 'officer', owner: 'officer' };
    const imported = await call('POST', '/imports/projects', admin, { records: [record] });
    const projectId = imported.rows[0].projectId as string;
    const item = await eventually(
      'the overdue 48-hour clock in GET /sla/overdue',
      async () => {
        const page1 = await call('GET', '/sla/overdue?policyKey=intake_decision&pageSize=100', leader);
        return page1.items.find((i: { projectId: string }) => i.projectId === projectId);
      },
      30_000,
    );
    // Both rungs of the ladder are past: escalated to level 2, counted in the matrix under its department.
    expect(item).toMatchObject({ companyName, clock: 'intake_decision', escalationLevel: 2 });
    const summary = await call('GET', '/sla/overdue/summary', leader);
    expect(summary.cells).toContainEqual({ department: item.department, escalationLevel: 2, count: expect.any(Number) });
    const byLevel = await call('GET', `/sla/overdue?department=${encodeURIComponent(item.department)}&escalationLevel=2&pageSize=100`, leader);
    expect(byLevel.items.map((i: { id: string }) => i.id)).toContain(item.id);
    expect(byLevel.items.every((i: { escalationLevel: number; department: string }) => i.escalationLevel === 2 && i.department === item.department)).toBe(true);

    await signIn(page, 'leader');
    await page.getByRole('menuitem', { name: '督办' }).click();
    await page.waitForURL('**/ui/supervision');
    const matrix = page.getByTestId('overdue-matrix');
    await matrix.getByText('超时事项汇总（部门 × 升级级别）').waitFor();
    await matrix.getByRole('columnheader', { name: '2级升级' }).waitFor();
    const cell = matrix.locator(`[data-testid="matrix-count"][data-department="${item.department}"][data-level="2"]`);
    expect(Number(await cell.innerText())).toBeGreaterThanOrEqual(1);
    await cell.click();
    await page.waitForURL(/level=2/);
    expect(new URL(page.url()).searchParams.get('department')).toBe(item.department);

    const row = page.getByTestId('overdue-list').getByRole('row').filter({ hasText: companyName });
    await row.waitFor();
    const cells = await row.getByRole('cell').allInnerTexts();
    expect(cells).toEqual(expect.arrayContaining([item.department, '48小时研判', '2级升级']));
    expect(await row.getByTestId('countdown').innerText()).toMatch(/^已超时 \d+天\d+小时$/);
    await screenshot(page, 'supervision');
    expect(problems).toEqual([]);

    // The company leads to its project (项目详情, another page's own suite tests what it shows).
    await row.getByRole('link', { name: companyName }).click();
    await page.waitForURL(`**/ui/projects/${projectId}`);
  });
});

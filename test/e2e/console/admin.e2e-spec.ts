import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_POLICIES } from '@zs/domain';
import { createSlaPolicyVersion } from '@zs/persistence';
import { consoleContext, launchBrowser, screenshot, signIn, watchPageErrors } from '../../support/browser';
import { startE2eHarness, type E2eHarness } from '../../support/e2e-harness';

/**
 * Ant Design puts a space between the two characters of a two-character Chinese button label
 * (提 交), and a button that was loading may keep its fading icon's "loading" in its name.
 */
const label = (text: string) => new RegExp([...text].join('\\s*'));

/** The day the dataset lacks (chinese-days 1.5.7, pinned, ends with 2026), entered as an override here. */
const NEW_YEAR_2027 = '2027-01-01';
const POLICY = 'service_resolve:complex';

/**
 * 系统管理 in a real browser against the real API: an administrator registers a department and an
 * account in it (the temporary password shown once), deactivates the account, meets the warning
 * that next year's holidays are missing and enters 元旦 as a rest day, adds an SLA policy version,
 * and imports two projects from the template, reading the result row by row.
 */
describe('console: 系统管理 (real browser)', () => {
  let h: E2eHarness;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let problems: string[];
  let admin: string;
  const tag = randomUUID().slice(0, 8);

  beforeAll(async () => {
    h = await startE2eHarness();
    browser = await launchBrowser();
    admin = await h.login('admin');
  });
  afterAll(async () => {
    // The database is shared by every suite: leave the calendar and the policy as they were.
    await h?.dataSource.query(`DELETE FROM calendar_overrides WHERE day = $1::date`, [NEW_YEAR_2027]);
    if (h) await createSlaPolicyVersion(h.dataSource, POLICY, DEFAULT_POLICIES[POLICY].definition, { userId: 'u-test-admin', role: 'admin' }, 'test: restore the seeded policy');
    await browser?.close();
    await h?.teardown();
  });
  beforeEach(async () => {
    context = await consoleContext(browser, h.baseUrl);
    page = await context.newPage();
    problems = watchPageErrors(page);
    await signIn(page, 'admin');
  });
  afterEach(async () => {
    await context.close();
  });

  const dialog = () => page.getByRole('dialog');
  /** Picks an option of the Ant Design select labelled `field` inside `scope` by its visible text. */
  async function choose(field: string, option: string) {
    await dialog().getByLabel(field, { exact: true }).click();
    await page.locator('.ant-select-dropdown:visible').getByText(option, { exact: true }).click();
  }

  it('registers a department and an account in it (temporary password once), then deactivates it: its login is refused', async () => {
    const departmentName = `测试招商一科-${tag}`;
    await page.goto('/ui/admin/departments');
    await page.getByRole('tab', { name: '部门', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建部门' }).click();
    // Client-side rules first: nothing is sent while the code breaks the API's pattern.
    await dialog().getByLabel('部门名称').fill(departmentName);
    await dialog().getByLabel('部门编码').fill('Bad Code');
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().getByText('小写字母、数字、下划线或连字符', { exact: false }).first().waitFor();
    await dialog().getByLabel('部门编码').fill(`e2e-${tag}`);
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    await page.getByRole('row', { name: new RegExp(departmentName) }).getByText('局（办）').waitFor();
    const department = (await h.http('GET', '/admin/departments', { token: admin })).body.find((d: { name: string }) => d.name === departmentName);
    expect(department).toMatchObject({ code: `e2e-${tag}`, kind: 'bureau', parentId: null, active: true });

    await page.getByRole('tab', { name: '用户', exact: true }).click();
    await page.waitForURL('**/ui/admin/users');
    await page.getByRole('button', { name: '新建账号' }).click();
    // A username already taken is refused by the API, named next to its field.
    await dialog().getByLabel('用户名').fill('officer');
    await dialog().getByLabel('姓名').fill(`测试专员${tag}`);
    await choose('角色', '招商专员');
    await dialog().getByLabel('所属部门').click();
    await page.locator('.ant-select-dropdown:visible').getByTitle(departmentName).click();
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().getByText('用户名「officer」已被使用').waitFor();

    const username = `e2e-${tag}`;
    await dialog().getByLabel('用户名').fill(username);
    await dialog().getByRole('button', { name: label('提交') }).click();
    const secret = page.getByTestId('secret-once');
    await secret.waitFor();
    const temporary = (await secret.innerText()).trim();
    expect(temporary.length).toBeGreaterThanOrEqual(10);
    await page.getByText('此内容只显示这一次').waitFor();
    const login = await h.http('POST', '/auth/login', { body: { username, password: temporary } });
    expect([login.status, login.body.mustChangePassword]).toEqual([200, true]);
    await page.getByRole('button', { name: '我已妥善保存' }).click();
    await page.getByTestId('secret-once').waitFor({ state: 'detached' });
    await page.getByRole('row', { name: /招商专员/ }).first().waitFor();
    await screenshot(page, 'admin-users');

    // The list names role and department in Chinese; the password is not shown again.
    await page.getByRole('searchbox', { name: '姓名或用户名' }).fill(username);
    await page.getByRole('searchbox', { name: '姓名或用户名' }).press('Enter');
    const row = page.getByRole('row', { name: new RegExp(username) });
    await row.getByText('招商专员').waitFor();
    await row.getByText(departmentName).waitFor();
    await row.getByText('待修改密码').waitFor();
    expect(await page.getByText(temporary).count()).toBe(0);

    await row.getByRole('button', { name: label('停用') }).click();
    await dialog().getByLabel('变更原因').fill('人员调离，停用账号');
    await dialog().getByRole('button', { name: label('停用') }).click();
    await dialog().waitFor({ state: 'detached' });
    await row.getByText('已停用').waitFor();

    const refused = await h.http('POST', '/auth/login', { body: { username, password: temporary } });
    expect(refused.status).toBe(401);
    const account = (await h.http('GET', `/admin/users?q=${username}`, { token: admin })).body.items[0];
    expect(account).toMatchObject({ username, active: false, role: 'investment_officer', departmentId: department.id });
    expect(problems).toEqual([]);
  });

  it('registers a team, renames it, deactivates it with a reason and activates it again; each change is in the admin audit chain', async () => {
    const teamName = `测试小分队-${tag}`;
    await page.goto('/ui/admin/teams');
    await page.getByRole('tab', { name: '小分队', exact: true }).waitFor();
    await page.getByRole('button', { name: '新建小分队' }).click();
    await dialog().getByLabel('小分队名称').fill(teamName);
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    const row = (name: string) => page.getByRole('row', { name: new RegExp(name) });
    await row(teamName).waitFor();

    await row(teamName).getByRole('button', { name: label('编辑') }).click();
    await dialog().getByLabel('小分队名称').fill(`${teamName}（改）`);
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    const renamed = row(`${teamName}（改）`);
    await renamed.waitFor();

    await renamed.getByRole('button', { name: label('停用') }).click();
    await dialog().getByLabel('变更原因').fill('攻势结束，小分队解散');
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    await renamed.getByText('已停用').waitFor();
    const team = (await h.http('GET', '/admin/teams', { token: admin })).body.find((x: { name: string }) => x.name === `${teamName}（改）`);
    expect(team).toMatchObject({ active: false });

    await renamed.getByRole('button', { name: label('启用') }).click();
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    await renamed.getByRole('button', { name: label('停用') }).waitFor();
    expect((await h.http('GET', '/admin/teams', { token: admin })).body.find((x: { id: string }) => x.id === team.id)).toMatchObject({ active: true });
    const actions: Array<{ action: string }> = await h.dataSource.query(`SELECT action FROM admin_audit_events WHERE subject = $1 ORDER BY id`, [`team:${team.id}`]);
    expect(actions.map((a) => a.action)).toEqual(['team.created', 'team.updated', 'team.deactivated', 'team.activated']);
    expect(problems).toEqual([]);
  });

  it('warns that next year’s State Council schedule is missing, and enters 2027-01-01 as a rest day with its reason, then withdraws it', async () => {
    const coverage = await h.http('GET', '/sla/calendar/coverage', { token: admin });
    expect(coverage.status).toBe(200);
    // chinese-days 1.5.7 (pinned) ends with 2026: from 2026 on, 2027 is missing.
    expect(coverage.body.coveredThrough).toBe('2026-12-31');
    expect(coverage.body.missingYears.map((m: { year: number }) => m.year)).toContain(2027);
    const before = await h.http('GET', `/sla/calendar?from=${NEW_YEAR_2027}&to=${NEW_YEAR_2027}`, { token: admin });
    expect(before.body.days[0]).toMatchObject({ working: true, source: 'weekday' });

    // At the top of 系统管理, whatever the tab.
    await page.goto('/ui/admin/users');
    const warning = page.getByTestId('calendar-coverage-warning');
    await warning.waitFor();
    expect(await warning.innerText()).toContain('工作日历缺少');
    expect(await warning.innerText()).toContain('2027');
    expect(await warning.innerText()).toContain('2026-12-31');
    await warning.getByRole('button', { name: '前往工作日历' }).click();
    await page.waitForURL('**/ui/admin/calendar');

    await page.goto(`/ui/admin/calendar?month=2027-01`);
    await page.getByTestId('calendar-month').getByText('2027年1月').waitFor();
    await page.getByTestId('calendar-coverage-warning').waitFor();
    const day = page.locator(`button[data-date="${NEW_YEAR_2027}"]`);
    expect(await day.getAttribute('aria-label')).toContain('按周一至周五推定');
    await day.click();
    await dialog().getByText('当前：工作日（按周一至周五推定（缺少安排））').waitFor();
    expect(await dialog().getByRole('radio', { name: '休息日' }).isChecked()).toBe(true);
    await dialog().getByLabel('名称').fill('元旦');
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().getByText('请填写原因').waitFor();
    await dialog().getByLabel('变更原因').fill('国务院办公厅关于2027年部分节假日安排的通知：元旦放假1天');
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    await day.getByText('休息日 · 元旦').waitFor();
    await page.getByRole('row', { name: /2027-01-01.*元旦/ }).getByText('国务院办公厅关于2027年部分节假日安排的通知').waitFor();

    const after = await h.http('GET', `/sla/calendar?from=${NEW_YEAR_2027}&to=${NEW_YEAR_2027}`, { token: admin });
    expect(after.body.days[0]).toEqual({ date: NEW_YEAR_2027, working: false, source: 'override', name: '元旦' });
    // Still warned (one day is not the year's schedule), now with what was entered.
    const entered = (await h.http('GET', '/sla/calendar/coverage', { token: admin })).body.missingYears.find((m: { year: number }) => m.year === 2027).overrides;
    expect(entered).toBeGreaterThanOrEqual(1);
    await page.getByTestId('calendar-coverage-warning').getByText(`2027 年已录入覆盖 ${entered} 条`, { exact: false }).waitFor();
    await screenshot(page, 'admin-calendar');

    // Withdrawing needs a reason too; the day goes back to the weekday guess.
    await page.getByRole('row', { name: /2027-01-01.*元旦/ }).getByRole('button', { name: label('撤销') }).click();
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().getByText('请填写原因').waitFor();
    await dialog().getByLabel('变更原因').fill('改为导入完整的2027年安排');
    await dialog().getByRole('button', { name: label('提交') }).click();
    await dialog().waitFor({ state: 'detached' });
    await day.getByText('工作日', { exact: true }).waitFor();
    expect(await day.getAttribute('aria-label')).toContain('按周一至周五推定');
    expect((await h.http('GET', `/sla/calendar?from=${NEW_YEAR_2027}&to=${NEW_YEAR_2027}`, { token: admin })).body.days[0].source).toBe('weekday');
    expect(problems).toEqual([]);
  });

  it('adds a version of an SLA policy from the form and lists it with who and why', async () => {
    await page.goto('/ui/admin/sla');
    const policyRow = page.getByRole('row', { name: /问题销单（复杂）/ });
    await policyRow.getByRole('button', { name: '版本记录' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByTestId('policy-versions').waitFor();
    expect(await drawer.getByLabel('工作日数').inputValue()).toBe('15');

    await drawer.getByLabel('工作日数').fill('16');
    await drawer.getByRole('button', { name: '保存为新版本' }).click();
    await drawer.getByText('请填写原因').waitFor();
    const reason = `管委会主任办公会纪要 ${tag}：复杂问题销单时限调整为16个工作日`;
    await drawer.getByLabel('调整依据').fill(reason);
    await drawer.getByRole('button', { name: '保存为新版本' }).click();
    const versionRow = drawer.getByTestId('policy-versions').getByRole('row', { name: new RegExp(tag) });
    await versionRow.getByText('16个工作日（17:30截止）').waitFor();
    // Who: the administrator by name, never an id.
    const me = (await h.http('GET', '/auth/me', { token: admin })).body;
    await versionRow.getByText(me.displayName, { exact: false }).waitFor();

    const versions = (await h.http('GET', `/sla/policies/${encodeURIComponent(POLICY)}/versions`, { token: admin })).body;
    expect(versions[0]).toMatchObject({ reason, duration: { unit: 'working_days', days: 16, endsAt: '17:30' }, createdBy: me.id });

    // Running clocks of this policy adopt it on request (重新计算), followed until every workflow was reached.
    await drawer.getByRole('button', { name: 'Close' }).or(drawer.getByRole('button', { name: '关闭' })).first().click();
    await drawer.waitFor({ state: 'detached' });
    const panel = page.locator('form#recalculation');
    await panel.getByRole('radio', { name: '采用最新策略版本' }).check();
    await panel.getByRole('combobox', { name: '策略' }).click();
    await page.locator('.ant-select-dropdown:visible').getByText('问题销单（复杂）', { exact: true }).click();
    await panel.getByLabel('变更原因').fill(`e2e ${tag}：运行中的复杂问题销单采用新时限`);
    await panel.getByRole('button', { name: '发起重新计算' }).click();
    const status = page.getByTestId('recalculation-status');
    await status.getByText('已完成').waitFor({ timeout: 60_000 });
    expect(problems).toEqual([]);
  });

  it('imports a two-row CSV built from the template and shows each row’s project; a bad file lists its rows’ problems', async () => {
    const template = await fetch(`${h.baseUrl}/imports/projects/template?format=csv`, { headers: { authorization: `Bearer ${admin}` } });
    expect(template.status).toBe(200);
    const [header, example] = (await template.text()).replace(/^\uFEFF/, '').split('\r\n');
    const columns = header.split(',');
    expect(example).not.toContain('"'); // plain cells: the row can be rewritten by position
    const companies = [`株洲导入甲动力科技有限公司${tag}`, `株洲导入乙新材料有限公司${tag}`];
    const rowFor = (company: string, i: number) => {
      const cells = example.split(',');
      cells[columns.indexOf('企业名称')] = company;
      cells[columns.indexOf('统一社会信用代码')] = '';
      cells[columns.indexOf('合同编号')] = `HT-${tag}-${i}`;
      return cells.join(',');
    };
    const csv = (rows: string[]) => Buffer.from(`\uFEFF${[header, ...rows].join('\r\n')}\r\n`, 'utf8');

    await page.goto('/ui/admin/imports');
    await page.getByText('点击或拖入 CSV / XLSX 文件上传').waitFor();
    const input = page.locator('input[type=file]');
    const bad = rowFor(`株洲导入丙有限公司${tag}`, 9).replace('建设', '未知阶段');
    await input.setInputFiles({ name: `坏文件-${tag}.csv`, mimeType: 'text/csv', buffer: csv([bad]) });
    const refused = page.getByTestId('import-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toContain('第1行');

    await input.setInputFiles({ name: `存量项目-${tag}.csv`, mimeType: 'text/csv', buffer: csv(companies.map(rowFor)) });
    await page.waitForURL(/\/ui\/admin\/imports\?id=/);
    const result = page.getByTestId('import-result');
    for (const company of companies) await result.getByRole('row', { name: new RegExp(company) }).getByText('建设').waitFor();
    await result.getByText('全部已启动').waitFor();
    expect(await page.getByTestId('import-refused').count()).toBe(0);

    const id = new URL(page.url()).searchParams.get('id')!;
    const stored = (await h.http('GET', `/imports/${id}`, { token: admin })).body;
    expect(stored.rows.map((r: { row: number; companyName: string; stage: string }) => [r.row, r.companyName, r.stage])).toEqual([
      [1, companies[0], 'construction'],
      [2, companies[1], 'construction'],
    ]);
    // Each company links to its project.
    expect(await result.getByRole('link', { name: companies[0] }).getAttribute('href')).toBe(`/ui/projects/${stored.rows[0].projectId}`);
    expect(problems).toEqual([]);
  });
});

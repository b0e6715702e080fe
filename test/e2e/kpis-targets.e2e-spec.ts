import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { addDays, shanghaiDate } from '@zs/domain';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { eventually } from '../support/eventually';
import { importSignedProjects } from '../support/imported-signings';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

/** Today in Asia/Shanghai, fixed once so every date of the file agrees. */
const TODAY = shanghaiDate(Date.now());
const day = (days: number): string => addDays(TODAY, days);
/** Names unique to this run: the database is shared by every suite and kept between runs. */
const RUN = randomUUID().slice(0, 8);
/** The targets of department a are for the current year, so its funds recorded today count against them. */
const YEAR = Number(TODAY.slice(0, 4));

type Row = { group: string | null; groupLabel: string; period: string | null; projectCount: number; kpis: Record<string, { value: number | null; numerator: number | null; denominator: number | null }> };

/**
 * KPIs and targets over HTTP: projects registered, decided, signed and funded through the API by
 * officers of fresh departments and teams; every grouping answers their figures; CSV and XLSX
 * exports parse back; targets are set (audited) and read; progress and 双过半 either side of 30 June.
 */
describe('KPIs and targets over HTTP', () => {
  let h: E2eHarness;
  let admin: Staff;
  let leader: Staff;
  let taskForce: Staff;
  let auditor: Staff;
  let ecbHead: Staff;
  let plainOfficer: Staff;
  const dep = { a: '', b: '', h: '' };
  const team = { a1: '', a2: '' };
  const chain = { x: `KPI链甲-${RUN}`, y: `KPI链乙-${RUN}` };
  let campaignId = '';
  const officer: Record<'a1' | 'a2' | 'b', Staff> = {} as never;
  const project: Record<'p1' | 'p2' | 'p3' | 'p4', string> = { p1: '', p2: '', p3: '', p4: '' };

  const call = (method: string, path: string, who: Staff, body?: unknown) => h.http(method, path, { token: who.token, body });
  const kpis = (query: string, who: Staff = auditor) => call('GET', `/kpis?${query}`, who);
  const rowOf = (rows: Row[], group: string | null) => rows.find((r) => r.group === group);

  async function created(path: string, body: unknown): Promise<string> {
    const res = await call('POST', path, admin, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  const officerUsername = (label: string) => `kpi-${label}-${RUN}`.toLowerCase();

  async function freshOfficer(label: string, departmentId: string, teamIds: string[]): Promise<Staff> {
    const username = officerUsername(label);
    const made = await call('POST', '/admin/users', admin, { username, displayName: `指标专员${label}${RUN}`, role: 'investment_officer', departmentId, teamIds });
    expect(made.status).toBe(201);
    const first = await h.http('POST', '/auth/login', { body: { username, password: made.body.temporaryPassword } });
    const changed = await h.http('POST', '/auth/password', { token: first.body.accessToken, body: { currentPassword: made.body.temporaryPassword, newPassword: `Zs-kpi-${RUN}-Pw9x` } });
    expect(changed.status).toBe(200);
    return { token: changed.body.accessToken, id: made.body.user.id, displayName: made.body.user.displayName, role: 'investment_officer' };
  }

  async function registered(who: Staff, industryChain: string, extra: Record<string, unknown> = {}): Promise<string> {
    const res = await call('POST', '/leads', who, { ...sampleLead({ industryChain }), ...extra });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function decided(id: string, action: 'accept' | 'reject'): Promise<void> {
    const res = await call('POST', `/projects/${id}/intake-decision`, taskForce, action === 'reject' ? { action, reason: '不符合产业定位' } : { action });
    expect(res.status).toBe(200);
  }

  async function signed(who: Staff, id: string, contractInvestmentYi: number): Promise<void> {
    await decided(id, 'accept');
    expect((await call('POST', `/projects/${id}/negotiation-outcome`, who, { outcome: 'proceed' })).status).toBe(200);
    const contract = sampleContract({
      contractNo: `KPI-${RUN}-${contractInvestmentYi}`,
      contractInvestmentYi,
      signedOn: TODAY,
      committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) },
      factoryAreaM2: 2_000,
    });
    const res = await call('POST', `/projects/${id}/contract`, who, contract);
    expect({ status: res.status, body: res.status === 200 ? null : res.body }).toEqual({ status: 200, body: null });
  }

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, leader, taskForce, auditor, ecbHead, plainOfficer] = await Promise.all(['admin', 'leader', 'taskforce', 'auditor', 'ecb-head', 'officer'].map((u) => loginStaff(h, u)));
    dep.a = await created('/admin/departments', { code: `kpi-a-${RUN}`, name: `指标甲局-${RUN}`, kind: 'direct' });
    dep.b = await created('/admin/departments', { code: `kpi-b-${RUN}`, name: `指标乙局-${RUN}`, kind: 'direct' });
    dep.h = await created('/admin/departments', { code: `kpi-h-${RUN}`, name: `双过半局-${RUN}`, kind: 'direct' });
    team.a1 = await created('/admin/teams', { name: `指标一组-${RUN}`, departmentId: dep.a });
    team.a2 = await created('/admin/teams', { name: `指标二组-${RUN}`, departmentId: dep.a });
    await created('/admin/industry-chains', { name: chain.x, kind: 'chain' });
    await created('/admin/industry-chains', { name: chain.y, kind: 'chain' });
    officer.a1 = await freshOfficer('a1', dep.a, [team.a1]);
    officer.a2 = await freshOfficer('a2', dep.a, [team.a2]);
    officer.b = await freshOfficer('b', dep.b, []);
    const campaign = await call('POST', '/campaigns', leader, { name: `指标攻势-${RUN}`, startsOn: day(-5), endsOn: day(5) });
    expect(campaign.status).toBe(201);
    campaignId = campaign.body.id;

    // p1: team a1, chain x, in the campaign, signed 3亿 and 1.5亿 in place; p2: team a2, chain y, signed 6亿;
    // p3: department b, chain x, rejected; p4: department b, chain y, undecided.
    project.p1 = await registered(officer.a1, chain.x, { campaignId });
    project.p2 = await registered(officer.a2, chain.y);
    project.p3 = await registered(officer.b, chain.x);
    project.p4 = await registered(officer.b, chain.y);
    await signed(officer.a1, project.p1, 3);
    await signed(officer.a2, project.p2, 6);
    await decided(project.p3, 'reject');
    const funds = await call('POST', `/projects/${project.p1}/funds`, officer.a1, { amountYi: 1.5, date: TODAY, source: 'equity', evidence: `进账单 ${RUN}` });
    expect(funds.status).toBe(200);
    // The projection writes the facts after each step: wait until the last one is in.
    await eventually('the facts of every step', async () => {
      const res = await kpis(`groupBy=department&department=${dep.a}`);
      return res.body.rows?.[0]?.kpis.funds_in_place_yi.value === 1.5 ? true : undefined;
    });
  }, 60_000);
  afterAll(async () => {
    await h?.teardown();
  });

  it('groups by department: the owner department is credited with every figure', async () => {
    const res = await kpis(`groupBy=department&from=${day(-1)}&asOf=${TODAY}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ groupBy: 'department', asOf: TODAY, from: day(-1) });
    const a = rowOf(res.body.rows, dep.a)!;
    const b = rowOf(res.body.rows, dep.b)!;
    expect(a).toMatchObject({ groupLabel: `指标甲局-${RUN}`, projectCount: 2 });
    expect(a.kpis).toMatchObject({
      projects_registered: { value: 2 },
      projects_signed: { value: 2 },
      contract_investment_yi: { value: 9 },
      signed_ge_1yi: { value: 2 },
      signed_ge_5yi: { value: 1 },
      signed_ge_10yi: { value: 0 },
      decision_48h_compliance: { value: 100, numerator: 2, denominator: 2 },
      lead_to_signing_days_mean: { value: 0, denominator: 2 },
      funds_in_place_yi: { value: 1.5 },
      fulfilment_rate: { value: 0, numerator: 0, denominator: 2 },
      satisfaction: { value: null, denominator: 0 },
    });
    expect(b).toMatchObject({ groupLabel: `指标乙局-${RUN}`, projectCount: 2 });
    expect(b.kpis).toMatchObject({
      projects_registered: { value: 2 },
      projects_signed: { value: 0 },
      decision_48h_compliance: { value: 100, numerator: 1, denominator: 1 },
      fulfilment_rate: { value: null, denominator: 0 },
    });
    // The definitions travel with the figures.
    expect(res.body.definitions.find((d: { code: string }) => d.code === 'fulfilment_rate')).toMatchObject({ label: '履约率', unit: '%' });
  });

  it('groups by team, officer, chain, campaign and period', async () => {
    const team1 = await kpis(`groupBy=team&department=${dep.a}`);
    expect(team1.body.rows.map((r: Row) => [r.group, r.groupLabel, r.kpis.contract_investment_yi.value]).sort()).toEqual(
      [
        [team.a1, `指标一组-${RUN}`, 3],
        [team.a2, `指标二组-${RUN}`, 6],
      ].sort(),
    );
    const officers = await kpis(`groupBy=officer&department=${dep.b}`);
    expect(officers.body.rows).toHaveLength(1);
    expect(officers.body.rows[0]).toMatchObject({ group: officer.b.id, groupLabel: officer.b.displayName, projectCount: 2 });
    const one = await kpis(`groupBy=officer&officer=${officer.a1.id}`);
    expect(one.body.rows.map((r: Row) => [r.group, r.kpis.projects_signed.value])).toEqual([[officer.a1.id, 1]]);
    const chains = await kpis(`groupBy=chain&chain=${encodeURIComponent(chain.x)}`);
    expect(chains.body.rows).toHaveLength(1);
    expect(chains.body.rows[0]).toMatchObject({ group: chain.x, projectCount: 2, kpis: { projects_signed: { value: 1 }, decision_48h_compliance: { denominator: 2 } } });
    const campaign = await kpis(`groupBy=campaign&campaign=${campaignId}`);
    expect(campaign.body.rows.map((r: Row) => [r.group, r.projectCount, r.kpis.funds_in_place_yi.value])).toEqual([[campaignId, 1, 1.5]]);
    const month = TODAY.slice(0, 7);
    const periods = await kpis(`groupBy=period&period=month&department=${dep.a}&from=${addDays(`${month}-01`, -1)}&asOf=${TODAY}`);
    expect(periods.status).toBe(200);
    const current = rowOf(periods.body.rows, month)!;
    expect(current.kpis).toMatchObject({ projects_signed: { value: 2 }, contract_investment_yi: { value: 9 } });
    expect(periods.body.rows[0].kpis.projects_signed.value).toBe(0);
    // The day before the registrations nothing had happened yet.
    const before = await kpis(`groupBy=department&department=${dep.a}&asOf=${day(-1)}`);
    expect(before.body.rows[0].kpis).toMatchObject({ projects_signed: { value: 0 }, funds_in_place_yi: { value: 0 }, decision_48h_compliance: { value: null } });
  });

  it('serves the definitions and refuses bad parameters and other roles', async () => {
    const defs = await call('GET', '/kpis/definitions', ecbHead);
    expect(defs.status).toBe(200);
    expect(defs.body.map((d: { code: string }) => d.code)).toEqual(expect.arrayContaining(['decision_48h_compliance', 'landing_rate', 'satisfaction', 'funds_vs_target']));
    for (const d of defs.body) expect(d.formula).toMatch(/[\u4e00-\u9fff]/);
    const bad = async (query: string, field: string) => {
      const res = await kpis(query);
      expect(res.status).toBe(400);
      expect(res.body.details.map((x: { field: string }) => x.field)).toContain(field);
    };
    await bad('groupBy=bureau', 'groupBy');
    await bad('period=week', 'period');
    await bad('asOf=2026-02-30', 'asOf');
    await bad('from=2026-05-01&to=2026-04-01', 'to');
    await bad('groupBy=department&period=month', 'from');
    await bad('groupBy=period', 'from');
    await bad('groupBy=period&period=month&from=1990-01-01', 'period');
    expect((await kpis('groupBy=department', plainOfficer)).status).toBe(403);
    expect((await call('GET', '/kpis/export?format=pdf', auditor)).status).toBe(400);
  });

  it('exports CSV (UTF-8 with BOM) and XLSX with Chinese headers that parse back', async () => {
    const csv = await fetch(`${h.baseUrl}/kpis/export?format=csv&groupBy=department&department=${dep.a}`, { headers: { authorization: `Bearer ${auditor.token}` } });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/text\/csv/);
    const bytes = Buffer.from(await csv.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(bytes.toString('utf8').slice(1));
    const [header, line] = records;
    expect(header[0]).toBe('部门');
    const col = (name: string) => header.indexOf(name);
    expect(col('履约率（%）')).toBeGreaterThan(0);
    expect(line[0]).toBe(`指标甲局-${RUN}`);
    expect(Number(line[col('合同投资额（亿元）')])).toBe(9);
    expect(Number(line[col('48小时决策合规率（分母）')])).toBe(2);

    const xlsx = await fetch(`${h.baseUrl}/kpis/export?format=xlsx&groupBy=team&department=${dep.a}`, { headers: { authorization: `Bearer ${auditor.token}` } });
    expect(xlsx.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('KPI')!;
    const headers = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(headers[0]).toBe('小分队');
    const signedCol = headers.indexOf('签约项目数（个）') + 1;
    const values = [2, 3].map((r) => [sheet.getRow(r).getCell(1).value, sheet.getRow(r).getCell(signedCol).value]);
    expect(values.sort()).toEqual([[`指标一组-${RUN}`, 1], [`指标二组-${RUN}`, 1]].sort());
    expect(workbook.getWorksheet('指标定义')!.rowCount).toBeGreaterThan(10);
  });

  it('sets targets (upsert, audited), lists them and refuses bad ones', async () => {
    const first = await call('PUT', '/targets', leader, { year: YEAR, scopeKind: 'department', scopeId: dep.a, contractInvestmentYi: 18, fundsInPlaceYi: 3 });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ year: YEAR, scopeKind: 'department', scopeId: dep.a, scopeName: `指标甲局-${RUN}`, contractInvestmentYi: 18, fundsInPlaceYi: 3, countGe1: null });
    const second = await call('PUT', '/targets', admin, { year: YEAR, scopeKind: 'department', scopeId: dep.a, contractInvestmentYi: 20, fundsInPlaceYi: 3, countGe5: 2 });
    expect(second.body).toMatchObject({ contractInvestmentYi: 20, countGe5: 2, updatedBy: admin.id });
    const list = await call('GET', `/targets?year=${YEAR}&scopeKind=department`, auditor);
    expect(list.body.filter((t: { scopeId: string }) => t.scopeId === dep.a)).toHaveLength(1);
    // The administrator who enters targets reads them back, but not the results against them.
    const adminList = await call('GET', `/targets?year=${YEAR}&scopeKind=department`, admin);
    expect(adminList.status).toBe(200);
    expect(adminList.body.find((t: { scopeId: string }) => t.scopeId === dep.a)).toMatchObject({ contractInvestmentYi: 20 });
    expect((await call('GET', `/targets/progress?year=${YEAR}&asOf=${YEAR}-06-30`, admin)).status).toBe(403);
    const audit = await call('GET', `/audit/admin-events?subject=${encodeURIComponent(`target:${YEAR}:department:${dep.a}`)}&pageSize=10`, auditor);
    expect(audit.status).toBe(200);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['target.created', 'target.updated']);

    const refused = async (who: Staff, body: unknown, status: number, field?: string) => {
      const res = await call('PUT', '/targets', who, body);
      expect(res.status).toBe(status);
      if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    };
    await refused(ecbHead, { year: 2026, scopeKind: 'zone', contractInvestmentYi: 1 }, 403);
    await refused(leader, { year: 2026, scopeKind: 'department', scopeId: randomUUID(), contractInvestmentYi: 1 }, 400, 'scopeId');
    await refused(leader, { year: YEAR, scopeKind: 'department', scopeId: dep.a, fundsInPlaceYi: -1 }, 400, 'fundsInPlaceYi');
    await refused(leader, { year: 1990, scopeKind: 'department', scopeId: dep.a, fundsInPlaceYi: 1 }, 400, 'year');
    await refused(leader, { year: 2026, scopeKind: 'bureau', scopeId: dep.a, fundsInPlaceYi: 1 }, 400, 'scopeKind');
    await refused(leader, { year: YEAR, scopeKind: 'department', scopeId: dep.a, countGe1: '3' }, 400, 'countGe1');
    expect((await call('GET', '/targets?year=abc', auditor)).status).toBe(400);

    // Funds against target in GET /kpis: 1.5 of 3 this year.
    const withTarget = await kpis(`groupBy=department&department=${dep.a}&from=${YEAR}-01-01`);
    expect(withTarget.body.rows[0].kpis.funds_vs_target).toEqual({ value: 50, numerator: 1.5, denominator: 3 });
  });

  it('双过半 per department either side of 30 June, from signing dates and funds entries of the first half year', async () => {
    // The first half of 2026 is past for the workflow (nothing may be dated before a registration made
    // today), so the projects come in through the 存量项目导入 with their real past: registered in
    // January, signed on 1 March and 30 June, funded on 1 April, 30 June and 1 July, owned by an
    // officer of department h (the import credits the owner's department, as every KPI does).
    const hOfficer = await freshOfficer('h', dep.h, []);
    const signedFirstHalf = await importSignedProjects(h, admin.token, [
      { owner: officerUsername('h'), registeredOn: '2026-01-05', signedOn: '2026-03-01', contractInvestmentYi: 6, funds: [{ date: '2026-04-01', amountYi: 3 }] },
      {
        owner: officerUsername('h'),
        registeredOn: '2026-01-05',
        signedOn: '2026-06-30',
        contractInvestmentYi: 5,
        funds: [
          { date: '2026-06-30', amountYi: 2 },
          { date: '2026-07-01', amountYi: 4 },
        ],
      },
    ]);
    // Each is the record of department h's officer, signed and funded on its past dates.
    for (const [id, signedOn, contractInvestmentYi, funds] of [
      [signedFirstHalf[0], '2026-03-01', 6, [{ date: '2026-04-01', amountYi: 3 }]],
      [signedFirstHalf[1], '2026-06-30', 5, [{ date: '2026-06-30', amountYi: 2 }, { date: '2026-07-01', amountYi: 4 }]],
    ] as const) {
      const view = await call('GET', `/projects/${id}`, admin);
      expect(view.body).toMatchObject({
        stage: 'construction',
        contract: { contractInvestmentYi, signedOn },
        funds: funds.map((f) => expect.objectContaining(f)),
        ownership: { owner: { userId: hOfficer.id, departmentId: dep.h } },
      });
    }
    const hFacts = await kpis(`groupBy=officer&officer=${hOfficer.id}&from=2026-01-01&asOf=2026-07-01`);
    // The projection wrote their facts with the read model: the officer's KPIs already carry them.
    expect(hFacts.body.rows).toMatchObject([{ group: hOfficer.id, projectCount: 2, kpis: { projects_signed: { value: 2 }, contract_investment_yi: { value: 11 }, funds_in_place_yi: { value: 9 } } }]);
    expect((await call('PUT', '/targets', leader, { year: 2026, scopeKind: 'department', scopeId: dep.h, contractInvestmentYi: 20, fundsInPlaceYi: 10, countGe5: 2 })).status).toBe(200);
    const status = async (asOf: string) => {
      const res = await call('GET', `/targets/progress?year=2026&scopeKind=department&asOf=${asOf}`, ecbHead);
      expect(res.status).toBe(200);
      expect(res.body.doubleHalfDefinition).toContain('双过半');
      return res.body.items.find((i: { target: { scopeId: string } }) => i.target.scopeId === dep.h);
    };
    expect((await status('2026-06-29')).doubleHalf).toMatchObject({ status: 'behind', label: '进度滞后', contractInvestment: { actual: 6, percent: 30 }, fundsInPlace: { actual: 3, percent: 30 } });
    expect((await status('2026-06-30')).doubleHalf).toMatchObject({ status: 'met', label: '已实现', contractInvestment: { actual: 11, percent: 55 }, fundsInPlace: { actual: 5, percent: 50 } });
    const july = await status('2026-07-01');
    expect(july.doubleHalf).toMatchObject({ status: 'met', evaluatedTo: '2026-06-30', fundsInPlace: { actual: 5 } });
    // Progress runs on past 30 June: the funds of 1 July count for the year.
    expect(july.measures.find((m: { measure: string }) => m.measure === 'fundsInPlaceYi')).toMatchObject({ target: 10, actual: 9, percent: 90 });
    expect(july.measures.find((m: { measure: string }) => m.measure === 'countGe5')).toMatchObject({ target: 2, actual: 2, percent: 100 });

    // A higher funds target: 5 of 12 by 30 June is a miss, and 1 July's 4 do not rescue it.
    expect((await call('PUT', '/targets', leader, { year: 2026, scopeKind: 'department', scopeId: dep.h, contractInvestmentYi: 20, fundsInPlaceYi: 12 })).status).toBe(200);
    expect((await status('2026-06-30')).doubleHalf.status).toBe('missed');
    expect((await status('2026-07-01')).doubleHalf).toMatchObject({ status: 'missed', label: '未实现' });
    expect((await call('GET', '/targets/progress?year=2026&asOf=2026-13-01', ecbHead)).status).toBe(400);
  });
});

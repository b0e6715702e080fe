import { randomBytes } from 'node:crypto';
import { addDays, creditCodeCheckChar, IMPORT_FIELD_LABELS, MILESTONE_KINDS, shanghaiDate } from '@zs/domain';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { eventually } from '../support/eventually';
import { loginStaff, type Staff } from '../support/e2e-staff';

/** 存量项目导入 over HTTP: 200 projects with past plans from a file, no alert for anything past, idempotent, all-or-nothing validation. */
describe('import of an existing portfolio (POST /imports/projects[/file])', () => {
  let h: E2eHarness;
  let admin: Staff;
  let officer: Staff;
  const today = shanghaiDate(Date.now());
  const d = (days: number) => addDays(today, days);
  /** Unique per run: the file's hash must not match an import of an earlier run on the same database. */
  const runTag = randomBytes(4).toString('hex');

  beforeAll(async () => {
    h = await startE2eHarness();
    [admin, officer] = await Promise.all([loginStaff(h, 'admin'), loginStaff(h, 'officer')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const KEYS = [
    'companyName', 'contactName', 'industryChain', 'estimatedInvestmentYi', 'sourceChannel', 'infoGrade', 'kind', 'stage', 'registeredOn', 'decidedOn',
    'contractNo', 'contractInvestmentYi', 'signedOn', 'committedConstructionStart', 'committedEquipmentEntry', 'committedProduction', 'committedFirstTax', 'factoryAreaM2',
    ...MILESTONE_KINDS.flatMap((k) => [`nodes.${k}.dueOn`, `nodes.${k}.completedOn`]),
    'commissioner', 'responsible', 'funds', 'completedOn', 'reporter', 'owner',
  ];
  const csv = (rows: Array<Record<string, string>>) =>
    `\uFEFF${KEYS.map((k) => IMPORT_FIELD_LABELS[k]).join(',')}\r\n${rows.map((r) => KEYS.map((k) => r[k] ?? '').join(',')).join('\r\n')}\r\n`;

  /** Row i of the portfolio: 120 in construction with past (done and overdue) and future nodes, 40 in service, 20 in negotiation, 10 pending intake, 10 completed. */
  function portfolioRow(i: number): Record<string, string> {
    const slot = i % 20;
    const stage = slot < 12 ? '建设' : slot < 16 ? '投产后服务' : slot < 18 ? '洽谈' : slot < 19 ? '48小时研判' : '履约完成';
    const base = {
      companyName: `导入示例${runTag}第${i + 1}号科技有限公司`,
      contactName: '王经理',
      industryChain: '先进轨道交通装备',
      estimatedInvestmentYi: String(1 + (i % 30)),
      sourceChannel: i % 2 ? '小分队招商' : 'all_staff_report',
      infoGrade: ['A', 'B', 'C'][i % 3],
      kind: '新引进',
      stage,
      registeredOn: stage === '48小时研判' ? d(-10) : d(-400),
      reporter: 'officer',
      owner: 'officer',
    };
    if (stage === '48小时研判') return base;
    if (stage === '洽谈') return { ...base, decidedOn: d(-398) };
    const done = stage !== '建设';
    const due: Record<string, [string, string]> = {
      company_registration: [d(-290), d(-292)],
      land_handover: [d(-250), d(-245)],
      project_filing: [d(-200), d(-200)],
      planning_permit: [d(-100), done ? d(-101) : ''], // open: 100 days overdue at import
      construction_permit: [d(-60), done ? d(-60) : ''],
      construction_start: [d(-30), done ? d(-33) : ''],
      equipment_entry: [done ? d(-20) : d(40), done ? d(-20) : ''], // open: due in 40 days
      trial_production: [done ? d(-15) : d(80), done ? d(-15) : ''],
      production: [done ? d(-10) : d(120), done ? d(-10) : ''],
    };
    return {
      ...base,
      decidedOn: d(-398),
      contractNo: `HT-${runTag}-${i}`,
      contractInvestmentYi: String(1 + (i % 30)),
      signedOn: d(-300),
      committedConstructionStart: d(-30),
      committedEquipmentEntry: d(40),
      committedProduction: d(120),
      committedFirstTax: d(200),
      factoryAreaM2: '8000',
      ...Object.fromEntries(MILESTONE_KINDS.flatMap((k) => [[`nodes.${k}.dueOn`, due[k][0]], [`nodes.${k}.completedOn`, due[k][1]]])),
      commissioner: i % 2 ? 'psb' : '', // half without a commissioner: that clock's deadline is long past too
      responsible: 'psb',
      funds: `${d(-200)}|0.5|企业自筹|ZJ-${i};${d(-100)}|1|银行贷款|DK-${i}`,
      ...(stage === '履约完成' ? { completedOn: d(-5) } : {}),
    };
  }

  async function upload(content: string | Buffer, fileName: string, headers: Record<string, string> = {}, token = admin.token): Promise<HttpResult> {
    const form = new FormData();
    form.append('file', new Blob([content]), fileName);
    const res = await fetch(`${h.baseUrl}/imports/projects/file`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...headers }, body: form });
    return { status: res.status, body: await res.json(), headers: res.headers };
  }

  const count = async (sql: string, params: unknown[] = []): Promise<number> => Number((await h.dataSource.query(sql, params))[0].n);

  let portfolio: { id: string; projectIds: string[]; file: string };

  it('imports 200 projects with past plans from a CSV file in seconds, each marked (who, when, file, row), one audit event each, no alert for anything past', async () => {
    const file = csv(Array.from({ length: 200 }, (_, i) => portfolioRow(i)));
    const fileName = `存量项目-${runTag}.csv`;
    const startedAt = Date.now();
    const res = await upload(file, fileName);
    const elapsedMs = Date.now() - startedAt;
    expect(res.status).toBe(201);
    expect(elapsedMs).toBeLessThan(30_000);
    expect(res.body).toMatchObject({ fileName, rowCount: 200, status: 'started', startedCount: 200, duplicate: false, importedBy: { userId: admin.id, role: 'admin' } });
    const projectIds: string[] = res.body.rows.map((r: { projectId: string }) => r.projectId);
    expect(new Set(projectIds).size).toBe(200);
    portfolio = { id: res.body.id, projectIds, file };

    // Every project recorded by its workflow: exactly one audit event, the import.
    await eventually('200 imported projects', async () => ((await count(`SELECT count(*) AS n FROM projects WHERE id = ANY($1::uuid[])`, [projectIds])) === 200 ? true : undefined), 60_000);
    const actions: Array<{ action: string; n: string }> = await h.dataSource.query(
      `SELECT action, count(*) AS n FROM audit_events WHERE project_id = ANY($1::uuid[]) GROUP BY action`,
      [projectIds],
    );
    expect(actions.map((a) => [a.action, Number(a.n)])).toEqual([['project.imported', 200]]);

    // Marked as imported (who, when, which file and row), at the stage the file gives.
    const [first]: Array<{ stage: string; imported: Record<string, unknown>; overdue: boolean }> = await h.dataSource.query(
      `SELECT stage, state->'imported' AS imported, (state->>'overdue')::boolean AS overdue FROM projects WHERE id = $1`,
      [projectIds[0]],
    );
    expect(first).toMatchObject({ stage: 'construction', overdue: true, imported: { importId: portfolio.id, file: fileName, row: 1, importedBy: { userId: admin.id } } });
    const stages: Array<{ stage: string; n: string }> = await h.dataSource.query(`SELECT stage, count(*) AS n FROM projects WHERE id = ANY($1::uuid[]) GROUP BY stage ORDER BY stage`, [projectIds]);
    expect(Object.fromEntries(stages.map((s) => [s.stage, Number(s.n)]))).toEqual({ construction: 120, service: 40, negotiation: 20, intake: 10, completed: 10 });
    const [constructionAudit]: Array<{ payload: { overdueAtImport: { nodes: Array<{ kind: string }> } } }> = await h.dataSource.query(
      `SELECT payload FROM audit_events WHERE project_id = $1`,
      [projectIds[0]],
    );
    expect(constructionAudit.payload.overdueAtImport.nodes.map((n) => n.kind)).toEqual(['planning_permit', 'construction_permit', 'construction_start']);

    // Nothing past alerted: no notification, nothing in the outbox, no warning or escalation event (give the clocks a moment).
    await new Promise((r) => setTimeout(r, 2_000));
    expect(await count(`SELECT count(*) AS n FROM notifications WHERE project_id = ANY($1::uuid[])`, [projectIds])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM notification_outbox WHERE split_part(dedupe_key, ':', 1) = ANY($1::text[])`, [projectIds])).toBe(0);
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE project_id = ANY($1::uuid[]) AND action <> 'project.imported'`, [projectIds])).toBe(0);

    // The import itself is in the admin chain, and GET /imports/:id gives each row's project.
    const [adminAudit]: Array<{ actor_user_id: string; payload: { rowCount: number; fileName: string } }> = await h.dataSource.query(
      `SELECT actor_user_id::text AS actor_user_id, payload FROM admin_audit_events WHERE action = 'projects.imported' AND subject = $1`,
      [`project_import:${portfolio.id}`],
    );
    expect(adminAudit).toMatchObject({ actor_user_id: admin.id, payload: { rowCount: 200, fileName } });
    const view = await h.http('GET', `/imports/${portfolio.id}`, { token: admin.token });
    expect(view.status).toBe(200);
    expect(view.body.rows[41]).toMatchObject({ row: 42, projectId: projectIds[41], started: true });
  });

  it('a re-upload of the same file, or a retry with the same Idempotency-Key, starts nothing twice', async () => {
    const again = await upload(portfolio.file, 'renamed-copy.csv', { 'Idempotency-Key': `reupload-${runTag}` });
    expect(again.status).toBe(201);
    expect(again.body).toMatchObject({ id: portfolio.id, duplicate: true, rowCount: 200, status: 'started' });
    expect(again.body.rows.map((r: { projectId: string }) => r.projectId)).toEqual(portfolio.projectIds);
    expect(await count(`SELECT count(*) AS n FROM project_imports WHERE sha256 = $1`, [again.body.sha256])).toBe(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await count(`SELECT count(*) AS n FROM audit_events WHERE project_id = ANY($1::uuid[])`, [portfolio.projectIds])).toBe(200);

    // The JSON route: the same key twice gives the same import; another body under that key is refused.
    const record = { ...portfolioRow(16), companyName: `JSON导入${runTag}有限公司`, stage: 'negotiation' };
    const key = { 'Idempotency-Key': `json-${runTag}` };
    const first = await h.http('POST', '/imports/projects', { token: admin.token, body: { records: [record] }, headers: key });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ fileName: null, rowCount: 1, status: 'started', duplicate: false });
    const second = await h.http('POST', '/imports/projects', { token: admin.token, body: { records: [record] }, headers: key });
    expect(second.body).toMatchObject({ id: first.body.id, duplicate: true });
    const other = await h.http('POST', '/imports/projects', { token: admin.token, body: { records: [{ ...record, companyName: '另一家公司' }] }, headers: key });
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('a bad file is refused with 400 naming each row and field in Chinese, and nothing is created', async () => {
    // Projects of this file's names only: the earlier tests' workflows may still be projecting theirs.
    const created = () => count(`SELECT count(*) AS n FROM projects WHERE company_name LIKE '坏文件${runTag}%' OR company_name = '甲'`);
    const before = { imports: await count(`SELECT count(*) AS n FROM project_imports`), projects: await created() };
    const rows = [
      { ...portfolioRow(0), companyName: `坏文件${runTag}甲` },
      { ...portfolioRow(1), companyName: `坏文件${runTag}乙`, signedOn: d(-500) }, // before the registration
      { ...portfolioRow(16), companyName: `坏文件${runTag}丙`, registeredOn: '9999-01-01', reporter: 'nobody-such' },
    ];
    const res = await upload(csv(rows), 'bad.csv');
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    const fields = res.body.details.map((x: { field: string }) => x.field);
    expect(fields).toEqual(expect.arrayContaining(['第2行·签约日期', '第3行·登记日期', '第3行·报送人账号']));
    expect(fields.some((f: string) => f.startsWith('第1行'))).toBe(false);
    expect(res.body.details.find((x: { field: string }) => x.field === '第2行·签约日期').message).toContain('不能早于研判通过日期');
    expect(res.body.details.find((x: { field: string }) => x.field === '第3行·登记日期').message).toContain('年份应在1900–2199之间');
    const unknownColumn = await upload('企业名称,当前阶段,颜色\r\n甲,建设,红\r\n', 'odd.csv');
    expect(unknownColumn.status).toBe(400);
    expect(unknownColumn.body.details[0].message).toContain('未知的列：颜色');
    expect(before.projects).toBe(0);
    expect({ imports: await count(`SELECT count(*) AS n FROM project_imports`), projects: await created() }).toEqual(before);
  });

  it('carries the lead fields of issue 10 (500强榜单, 上市公司, 专精特新等级, 投资方来源, 统一社会信用代码) into the project; a bad or repeated credit code is refused by row and column', async () => {
    const LEAD_KEYS = ['fortune500Lists', 'listedCompany', 'specializedSmeLevel', 'origin', 'creditCode'];
    const richCsv = (rows: Array<Record<string, string>>) =>
      `\uFEFF${[...KEYS, ...LEAD_KEYS].map((k) => IMPORT_FIELD_LABELS[k]).join(',')}\r\n${rows.map((r) => [...KEYS, ...LEAD_KEYS].map((k) => r[k] ?? '').join(',')).join('\r\n')}\r\n`;
    // A valid code of this run's own (the check character computed), typed as staff do: small letters, a space.
    const first17 = `91430211M${runTag.toUpperCase()}`;
    const creditCode = `${first17}${creditCodeCheckChar(first17)}`;
    const rich = {
      ...portfolioRow(16),
      companyName: `富字段导入${runTag}有限公司`,
      fortune500Lists: '世界500强、中国民营企业500强',
      listedCompany: '是',
      specializedSmeLevel: '国家级专精特新“小巨人”',
      origin: '首次在省内投资',
      creditCode: `${creditCode.slice(0, 8)} ${creditCode.slice(8).toLowerCase()}`,
    };
    const res = await upload(richCsv([rich]), `富字段-${runTag}.csv`);
    expect(res.status).toBe(201);
    const projectId: string = res.body.rows[0].projectId;
    await eventually('the imported project', async () => ((await count(`SELECT count(*) AS n FROM projects WHERE id = $1`, [projectId])) === 1 ? true : undefined), 30_000);

    const read = await h.http('GET', `/projects/${projectId}`, { token: admin.token });
    expect(read.status).toBe(200);
    expect(read.body.lead).toMatchObject({
      fortune500: true,
      fortune500Lists: ['global', 'private'],
      listedCompany: true,
      specializedSme: true,
      specializedSmeLevel: 'national_little_giant',
      origin: 'first_in_province',
      creditCode,
    });
    const [columns] = await h.dataSource.query(`SELECT fortune500_lists, listed_company, specialized_sme_level, origin, credit_code FROM projects WHERE id = $1`, [projectId]);
    expect(columns).toEqual({ fortune500_lists: ['global', 'private'], listed_company: true, specialized_sme_level: 'national_little_giant', origin: 'first_in_province', credit_code: creditCode });
    const listed = async (query: string): Promise<string[]> => {
      const found = await h.http('GET', `/projects?q=${encodeURIComponent(`富字段导入${runTag}`)}&pageSize=100&${query}`, { token: admin.token });
      expect(found.status).toBe(200);
      return found.body.items.map((p: { id: string }) => p.id);
    };
    expect(await listed('fortune500List=global')).toEqual([projectId]);
    expect(await listed('fortune500List=china')).toEqual([]);

    // A wrong check character, a list that does not exist, and one code on two rows: 400 naming each row and column, nothing imported.
    const badCode = `${first17}${creditCodeCheckChar(first17) === '0' ? '1' : '0'}`;
    const bad = await upload(
      richCsv([
        { ...rich, companyName: `坏代码${runTag}甲`, creditCode: badCode },
        { ...rich, companyName: `坏代码${runTag}乙`, fortune500Lists: '福布斯500强' },
        { ...rich, companyName: `坏代码${runTag}丙` },
      ]),
      'bad-codes.csv',
    );
    expect(bad.status).toBe(400);
    const details: Array<{ field: string; message: string }> = bad.body.details;
    expect(details.find((x) => x.field === '第1行·统一社会信用代码')?.message).toContain('校验位不符');
    expect(details.find((x) => x.field === '第2行·500强榜单')?.message).toContain('未知的榜单"福布斯500强"');
    expect(details.find((x) => x.field === '第2行·统一社会信用代码')?.message).toContain('与第3行相同');
    expect(details.find((x) => x.field === '第3行·统一社会信用代码')?.message).toContain('与第2行相同');
    expect(await count(`SELECT count(*) AS n FROM projects WHERE company_name LIKE $1`, [`坏代码${runTag}%`])).toBe(0);
  });

  it('serves the template (CSV with Chinese headers, XLSX) and refuses officers', async () => {
    const template = await fetch(`${h.baseUrl}/imports/projects/template?format=csv`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(template.status).toBe(200);
    const text = await template.text();
    expect(text.split('\r\n')[0]).toContain('企业名称,联系人');
    const xlsx = await fetch(`${h.baseUrl}/imports/projects/template?format=xlsx`, { headers: { authorization: `Bearer ${admin.token}` } });
    expect(Buffer.from(await xlsx.arrayBuffer()).subarray(0, 2).toString()).toBe('PK');
    // The XLSX template, filled in as it comes, imports as is.
    const res = await upload(Buffer.from(await (await fetch(`${h.baseUrl}/imports/projects/template?format=xlsx`, { headers: { authorization: `Bearer ${admin.token}` } })).arrayBuffer()), '模板.xlsx');
    expect([201, 400]).toContain(res.status);
    if (res.status === 400) throw new Error(`the template's own example was refused: ${JSON.stringify(res.body.details)}`);
    expect((await upload(portfolio.file, 'x.csv', {}, officer.token)).status).toBe(403);
  });
});

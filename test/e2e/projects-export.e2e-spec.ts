import { randomBytes } from 'node:crypto';
import ExcelJS from 'exceljs';
import { creditCodeCheckChar, type Lead } from '@zs/domain';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { loginStaff, type Staff } from '../support/e2e-staff';
import { sampleLead } from '../support/sample-lead';

/**
 * GET /projects/export: the filtered list of GET /projects as a file (CSV with BOM, XLSX), Chinese
 * headers and labels, every matching project in the list's order; refusals name the parameter.
 */
describe('project export', () => {
  let h: E2eHarness;
  let officer: Staff;
  // A token only this run's companies hold: `q` selects exactly them in the shared database.
  const token = randomBytes(4).toString('hex');
  const first17 = `91430211M${token.toUpperCase()}`;
  const creditCode = `${first17}${creditCodeCheckChar(first17)}`;
  const names = {
    big: `湘江新材料${token}${randomBytes(6).toString('hex')}有限公司`,
    small: `岳麓智能装备${token}${randomBytes(6).toString('hex')}有限公司`,
    mid: `星沙生物医药${token}${randomBytes(6).toString('hex')}有限公司`,
  };
  const ids: Record<keyof typeof names, string> = { big: '', small: '', mid: '' };

  beforeAll(async () => {
    h = await startE2eHarness();
    officer = await loginStaff(h, 'officer');
    const leads: Record<keyof typeof names, Partial<Lead>> = {
      big: { companyName: names.big, estimatedInvestmentYi: 12, infoGrade: 'A', kind: 'new', fortune500Lists: ['global'], fortune500: true, creditCode },
      small: { companyName: names.small, estimatedInvestmentYi: 0.5, infoGrade: 'B', kind: 'expansion', origin: 'outside_province' },
      mid: { companyName: names.mid, estimatedInvestmentYi: 3.2, infoGrade: 'C', kind: 'new', specializedSmeLevel: 'provincial' },
    };
    for (const key of Object.keys(leads) as Array<keyof typeof names>) {
      const res = await h.http('POST', '/leads', { token: officer.token, body: sampleLead(leads[key]) });
      expect(res.status).toBe(201);
      ids[key] = res.body.id;
    }
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const get = (query: string, auth = true) => fetch(`${h.baseUrl}/projects/export?${query}`, { headers: auth ? { authorization: `Bearer ${officer.token}` } : {} });

  /** The CSV's lines as header → cell records (no cell of these rows holds a comma or quote). */
  function csvRecords(text: string): Array<Record<string, string>> {
    const [header, ...lines] = text.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    const columns = header.split(',');
    return lines.map((line) => Object.fromEntries(line.split(',').map((cell, i) => [columns[i], cell])));
  }

  it('answers CSV with a BOM, Chinese headers and labels, a download name, and the rows the filters select', async () => {
    const res = await get(`q=${token}&sort=-estimatedInvestmentYi`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="projects-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''%E9%A1%B9%E7%9B%AE%E5%BA%93-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = Buffer.from(await res.arrayBuffer());
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = csvRecords(bytes.toString('utf8'));
    expect(records.map((r) => r['企业名称'])).toEqual([names.big, names.mid, names.small]);
    expect(records.map((r) => r['项目编号'])).toEqual([ids.big, ids.mid, ids.small]);
    expect(records[0]).toMatchObject({ 统一社会信用代码: creditCode, 阶段: '48小时研判', 信息等级: 'A类信息', 项目类型: '新引进', '500强': '世界500强', '预计投资（亿元）': '12', 报送人: officer.displayName });
    expect(records[1]).toMatchObject({ 专精特新: '省级专精特新', 信息等级: 'C类信息' });
    expect(records[2]).toMatchObject({ 项目类型: '增资扩产', 投资方来源: '省外', '500强': '否' });

    // The same filters as the list, the same projects in the same order.
    const list = await h.http('GET', `/projects?q=${token}&sort=-estimatedInvestmentYi`, { token: officer.token });
    expect(list.body.items.map((p: { id: string }) => p.id)).toEqual(records.map((r) => r['项目编号']));
  });

  it('honours the filters: kind, band, grade, 500强, and paging parameters are not part of it', async () => {
    const namesOf = async (query: string) => {
      const res = await get(`q=${token}&${query}`);
      expect(res.status).toBe(200);
      return csvRecords(await res.text()).map((r) => r['企业名称']).sort();
    };
    expect(await namesOf('kind=expansion')).toEqual([names.small]);
    expect(await namesOf('band=ge1')).toEqual([names.big, names.mid].sort());
    expect(await namesOf('minYi=1&maxYi=5')).toEqual([names.mid]);
    expect(await namesOf('fortune500=true')).toEqual([names.big]);
    expect(await namesOf('stage=negotiation')).toEqual([]);
    const paged = await get(`q=${token}&page=2`);
    expect([paged.status, ((await paged.json()) as any).details?.map((d: { field: string }) => d.field)]).toEqual([400, ['page']]);
  });

  it('answers XLSX that parses back with the headers and the selected rows', async () => {
    const res = await get(`q=${token}&infoGrade=A&format=xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toMatch(/filename="projects-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await res.arrayBuffer()) as never);
    const sheet = workbook.getWorksheet('项目库')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 4)).toEqual(['企业名称', '统一社会信用代码', '产业链', '阶段']);
    expect(sheet.rowCount).toBe(2);
    const row = (sheet.getRow(2).values as unknown[]).slice(1);
    expect(row[0]).toBe(names.big);
    expect(row[header.indexOf('预计投资（亿元）')]).toBe(12);
  });

  it('refuses a bad format or filter with 400 naming the parameter, and a caller without a token', async () => {
    for (const [query, field] of [
      ['format=pdf', 'format'],
      ['stage=nonsense', 'stage'],
      ['band=ge1&minYi=2', 'band'],
      ['registeredFrom=2026-02-30', 'registeredFrom'],
    ]) {
      const res = await get(query);
      const body: any = await res.json();
      expect({ query, status: res.status, code: body.code, fields: body.details?.map((d: { field: string }) => d.field) }).toEqual({ query, status: 400, code: 'VALIDATION_FAILED', fields: [field] });
    }
    expect((await get(`q=${token}`, false)).status).toBe(401);
  });
});

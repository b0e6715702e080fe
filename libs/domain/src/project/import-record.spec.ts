import { creditCodeClashes, parseImportRow, type ImportRowInput } from './import-record';
import { importProject } from './import-project';

/** 2026-06-15 10:00 Asia/Shanghai. */
const NOW = Date.parse('2026-06-15T02:00:00Z');
const CODE = '91430211MA4PQ8K2XM';

/** A project in negotiation: the lead columns are what matters here. */
const row: ImportRowInput = {
  companyName: '株洲示例动力科技有限公司',
  contactName: '王经理',
  industryChain: '先进轨道交通装备',
  estimatedInvestmentYi: '12.5',
  sourceChannel: '小分队招商',
  infoGrade: 'A',
  stage: '洽谈',
  registeredOn: '2026-01-01',
  decidedOn: '2026-01-03',
};

const errorsOf = (raw: ImportRowInput) => Object.fromEntries(parseImportRow(raw, NOW).errors.map((e) => [e.field, e.message]));

describe('parseImportRow: the lead fields of issue 10 (as POST /leads takes them)', () => {
  it('reads the file cells (Chinese labels, 、 or ; between lists, 是/否, a credit code typed with spaces and small letters) into the Lead', () => {
    const { row: parsed, errors } = parseImportRow(
      { ...row, fortune500Lists: '世界500强、中国民营企业500强', listedCompany: '是', specializedSmeLevel: '国家级专精特新“小巨人”', origin: '首次在省内投资', creditCode: ' 91430211 ma4pq8k2xm ' },
      NOW,
    );
    expect(errors).toEqual([]);
    expect(parsed!.lead).toMatchObject({
      fortune500: true,
      fortune500Lists: ['global', 'private'],
      listedCompany: true,
      specializedSme: true,
      specializedSmeLevel: 'national_little_giant',
      origin: 'first_in_province',
      creditCode: CODE,
    });
  });

  it('takes the JSON keys of POST /leads (codes, arrays, booleans, nulls), and the codes in a cell separated by ;', () => {
    const lead = parseImportRow({ ...row, fortune500: true, fortune500Lists: ['china'], listedCompany: false, specializedSmeLevel: 'provincial', origin: 'outside_province', creditCode: CODE }, NOW).row!.lead;
    expect(lead).toMatchObject({ fortune500: true, fortune500Lists: ['china'], listedCompany: false, specializedSme: true, specializedSmeLevel: 'provincial', origin: 'outside_province', creditCode: CODE });
    expect(parseImportRow({ ...row, fortune500Lists: 'global;china', specializedSmeLevel: null, origin: null, creditCode: null }, NOW).row!.lead).toMatchObject({ fortune500Lists: ['global', 'china'], specializedSme: false });
    expect(parseImportRow({ ...row, fortune500Lists: [], fortune500: false }, NOW).row!.lead).toMatchObject({ fortune500: false, fortune500Lists: [] });
    expect(parseImportRow({ ...row, fortune500Lists: '无' }, NOW).row!.lead).toMatchObject({ fortune500: false, fortune500Lists: [] });
  });

  it('leaves the new fields out of a row without them (as before issue 10: 500强企业 and 专精特新 否 unless given)', () => {
    const lead = parseImportRow(row, NOW).row!.lead;
    expect(lead).toMatchObject({ fortune500: false, specializedSme: false });
    for (const key of ['fortune500Lists', 'listedCompany', 'specializedSmeLevel', 'origin', 'creditCode']) expect(lead).not.toHaveProperty(key);
    expect(parseImportRow({ ...row, fortune500: '是', specializedSme: '是' }, NOW).row!.lead).toMatchObject({ fortune500: true, specializedSme: true });
  });

  it('names each bad value in Chinese: a wrong check character, an unknown or repeated list, an unknown level or origin, 上市公司 not 是/否', () => {
    const errors = errorsOf({ ...row, creditCode: '91430211MA4PQ8K2XA', fortune500Lists: '世界500强、福布斯', specializedSmeLevel: '市级', origin: '国外', listedCompany: '也许' });
    expect(errors.creditCode).toBe('统一社会信用代码：校验位不符（请核对是否录入错误）（收到"91430211MA4PQ8K2XA"）');
    expect(errors.fortune500Lists).toContain('500强榜单：未知的榜单"福布斯"');
    expect(errors.specializedSmeLevel).toContain('专精特新等级：应为以下之一：国家级专精特新"小巨人"、省级专精特新');
    expect(errors.origin).toContain('投资方来源：应为以下之一：省外、省内、首次在省内投资');
    expect(errors.listedCompany).toBe('上市公司：应为"是"或"否"');
    expect(errorsOf({ ...row, creditCode: '9143021' }).creditCode).toContain('须为18位（实为7位）');
    expect(errorsOf({ ...row, fortune500Lists: 'global、世界500强' }).fortune500Lists).toBe('500强榜单：榜单重复：世界500强');
  });

  it('refuses a flag that contradicts its detail, by the rules of POST /leads (resolveLeadFlags)', () => {
    expect(errorsOf({ ...row, fortune500: '否', fortune500Lists: '世界500强' }).fortune500).toBe('500强企业：“是否500强”与所填500强榜单矛盾');
    expect(errorsOf({ ...row, fortune500: '是', fortune500Lists: '无' }).fortune500).toBe('500强企业：“是否500强”与所填500强榜单矛盾');
    expect(errorsOf({ ...row, specializedSme: '否', specializedSmeLevel: '省级专精特新' }).specializedSme).toBe('专精特新：“是否专精特新”与所填级别矛盾');
    // A level left empty does not say "not 专精特新".
    expect(errorsOf({ ...row, specializedSme: '是' })).toEqual({});
  });

  it('carries the fields into the imported project state (read models and KPIs read state.lead)', () => {
    const parsed = parseImportRow({ ...row, fortune500Lists: '世界500强', creditCode: CODE, origin: '省外' }, NOW).row!;
    const actor = { userId: 'u-admin', role: 'admin' as const };
    const { state, audit } = importProject(
      { projectId: 'p-1', ...parsed, commissioner: null, nodes: [], registeredBy: actor, importedBy: actor, ownership: null },
      { importId: 'imp-1', importedBy: { userId: 'u-admin' }, importedAt: NOW, file: null, row: 1 },
      NOW,
    );
    expect(state.lead).toMatchObject({ fortune500: true, fortune500Lists: ['global'], creditCode: CODE, origin: 'outside_province' });
    expect(audit.payload).toMatchObject({ lead: { fortune500Lists: ['global'], creditCode: CODE } });
  });
});

describe('creditCodeClashes', () => {
  it('names every row of a file giving the same credit code (however typed, even on a row with other errors), each with the others', () => {
    const clashes = creditCodeClashes([
      { row: 1, input: { ...row, creditCode: CODE } },
      { row: 2, input: { ...row, creditCode: null } },
      { row: 3, input: { ...row, creditCode: '91430200MA4L12345F' } },
      { row: 4, input: { ...row, companyName: '', creditCode: ' 91430211 ma4pq8k2xm' } },
      { row: 5, input: row },
      { row: 6, input: { ...row, creditCode: 'not a code' } },
      { row: 7, input: { ...row, creditCode: 'not a code' } },
    ]);
    expect(clashes.map((c) => [c.row, c.error.field])).toEqual([[1, 'creditCode'], [4, 'creditCode']]);
    expect(clashes[0].error.message).toContain('与第4行相同');
    expect(clashes[1].error.message).toBe(`统一社会信用代码：与第1行相同（${CODE}），同一企业不应在导入中出现两次`);
    const three = creditCodeClashes([1, 2, 3].map((n) => ({ row: n, input: { ...row, creditCode: CODE } })));
    expect(three[0].error.message).toContain('与第2、第3行相同');
  });
});

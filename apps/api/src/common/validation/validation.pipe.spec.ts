import 'reflect-metadata';
import { RegisterLeadDto } from '../../modules/leads/dto/register-lead.dto';
import { ListProjectsQuery } from '../../modules/projects/dto/list-projects.query';
import { SignContractDto } from '../../modules/projects/dto/sign-contract.dto';
import { EstablishPlanDto } from '../../modules/projects/dto/milestone-plan.dto';
import { ApiException } from '../errors/api.exception';
import { toErrorResponse } from '../errors/error-envelope';
import { createValidationPipe } from './validation.pipe';

const pipe = createValidationPipe();
const lead = {
  companyName: '宁德时代',
  contactName: '张经理',
  industryChain: '新能源汽车',
  estimatedInvestmentYi: 12.5,
  sourceChannel: 'expo_event',
  infoGrade: 'A',
  fortune500: false,
  specializedSme: true,
  kind: 'new',
};

async function refusal(value: unknown, metatype: new () => object, type: 'body' | 'query' = 'body'): Promise<ApiException> {
  try {
    await pipe.transform(value, { type, metatype });
  } catch (err) {
    if (err instanceof ApiException) return err;
    throw err;
  }
  throw new Error('expected a validation failure');
}

/** The refusal as a caller reading `language` receives it. */
async function said(value: unknown, metatype: new () => object, language: 'zh-CN' | 'en' = 'zh-CN', type: 'body' | 'query' = 'body') {
  return toErrorResponse(await refusal(value, metatype, type), language);
}

describe('the global validation pipe', () => {
  it('accepts a valid lead unchanged', async () => {
    await expect(pipe.transform({ ...lead }, { type: 'body', metatype: RegisterLeadDto })).resolves.toMatchObject(lead);
  });

  it.each([
    [-1, '预计投资额（亿元）须为大于 0 的数', 'estimated investment (100 million yuan) must be a positive number'],
    [0, '预计投资额（亿元）须为大于 0 的数', 'estimated investment (100 million yuan) must be a positive number'],
    ['5', '预计投资额（亿元）须为数字', 'estimated investment (100 million yuan) must be a JSON number'],
    [1.23456, '预计投资额（亿元）最多 4 位小数', 'estimated investment (100 million yuan) must have at most 4 decimal places'],
    [1e-7, '预计投资额（亿元）最多 4 位小数', 'estimated investment (100 million yuan) must have at most 4 decimal places'],
    [1.5e-7, '预计投资额（亿元）最多 4 位小数', 'estimated investment (100 million yuan) must have at most 4 decimal places'],
    [10_001, '预计投资额（亿元）不能超过 10000', 'estimated investment (100 million yuan) must be at most 10000'],
  ])('refuses estimatedInvestmentYi = %p naming the field by its label', async (value, zh, en) => {
    const e = await refusal({ ...lead, estimatedInvestmentYi: value }, RegisterLeadDto);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(toErrorResponse(e)).toMatchObject({ message: zh, details: [{ field: 'estimatedInvestmentYi', label: '预计投资额（亿元）', message: zh }] });
    expect(toErrorResponse(e, 'en')).toMatchObject({ message: en, details: [{ field: 'estimatedInvestmentYi', label: 'estimated investment (100 million yuan)', message: en }] });
  });

  it('names a missing required text by its Chinese label', async () => {
    const { companyName: _omitted, ...rest } = lead;
    expect(await said(rest, RegisterLeadDto)).toMatchObject({ details: [{ field: 'companyName', label: '公司名称', message: '公司名称须为文本' }] });
    expect(await said({ ...lead, companyName: '' }, RegisterLeadDto)).toMatchObject({ message: '公司名称不能为空' });
    expect(await said({ ...lead, companyName: '   ' }, RegisterLeadDto)).toMatchObject({ message: '公司名称不能为空白' });
    expect(await said({ ...lead, companyName: '株'.repeat(201) }, RegisterLeadDto, 'en')).toMatchObject({ message: 'company name must be at most 200 characters' });
  });

  it('lists the allowed values of an enum with their labels (codes accepted)', async () => {
    const zh = await said({ ...lead, sourceChannel: '小分队' }, RegisterLeadDto);
    expect(zh.details?.[0]).toMatchObject({ field: 'sourceChannel', label: '线索来源' });
    expect(zh.message).toContain('线索来源须为以下之一：all_staff_report（全民招商）、small_team（小分队招商）');
    const en = await said({ ...lead, sourceChannel: '小分队' }, RegisterLeadDto, 'en');
    expect(en.message).toBe('source channel must be one of: all_staff_report, small_team, resident_office, consultant, agency, investor_referral, expo_event, inbound_visit');
    expect((await said({ ...lead, fortune500Lists: ['moon'] }, RegisterLeadDto)).message).toContain('500强榜单中的每一项须为以下之一：global（世界500强）');
  });

  it('names nested and array fields by their path labels', async () => {
    const contract = { contractInvestmentYi: 5, signedOn: '2026-01-05', committed: { constructionStart: '2026-02-01', equipmentEntry: '2026-03-01', production: '2026-02-30', firstTax: '2026-06-01' }, landAreaM2: 1 };
    expect(await said(contract, SignContractDto)).toMatchObject({
      message: '承诺投产日期须为真实存在的日期 YYYY-MM-DD',
      details: [{ field: 'committed.production', label: '承诺投产日期' }],
    });
    const node = { kind: 'company_registration', responsibleUserId: 'u', responsibleName: '王' };
    const plan = await said({ nodes: [node, node, { ...node, kind: 'nope' }] }, EstablishPlanDto);
    expect(plan.details).toEqual([{ field: 'nodes[2].kind', label: '第3个节点的类型', message: expect.stringMatching(/^第3个节点的类型须为以下之一：company_registration（/) }]);
    expect((await said({ nodes: [node, node, { ...node, kind: 'nope' }] }, EstablishPlanDto, 'en')).details?.[0].label).toBe('kind of node 3');
  });

  it('refuses a NUL character or a lone surrogate anywhere, naming the field', async () => {
    for (const bad of ['A\u0000B', 'x\ud800y']) {
      expect(await said({ ...lead, notes: bad }, RegisterLeadDto)).toMatchObject({ details: [{ field: 'notes', label: '备注', message: '备注含有空字符或无效的 Unicode 字符' }] });
    }
  });

  it('never coerces strings to booleans', async () => {
    const e = await said({ ...lead, fortune500: 'true' }, RegisterLeadDto);
    expect(e.details?.[0]).toMatchObject({ field: 'fortune500', message: '是否500强须为 true 或 false' });
  });

  it('refuses unknown properties and non-object bodies', async () => {
    expect((await said({ ...lead, registeredBy: 'x' }, RegisterLeadDto)).message).toBe('不允许提交字段 registeredBy');
    expect((await said({ ...lead, registeredBy: 'x' }, RegisterLeadDto, 'en')).message).toBe('property registeredBy should not exist');
    expect((await said([lead], RegisterLeadDto)).message).toBe('请求体须为 JSON 对象');
    expect((await said([lead], RegisterLeadDto, 'en')).message).toBe('request body must be a JSON object');
  });

  it('lists every field in the message when several are wrong', async () => {
    const both = await said({ ...lead, companyName: '', infoGrade: 'Z' }, RegisterLeadDto);
    expect(both.details?.map((d) => d.field)).toEqual(['companyName', 'infoGrade']);
    expect(both.message).toBe(`公司名称不能为空；${both.details?.[1].message}`);
  });

  it('converts only plain digits in query strings and applies defaults', async () => {
    await expect(pipe.transform({}, { type: 'query', metatype: ListProjectsQuery })).resolves.toMatchObject({ page: 1, pageSize: 20, sort: '-registeredAt' });
    await expect(pipe.transform({ page: '3', pageSize: '5' }, { type: 'query', metatype: ListProjectsQuery })).resolves.toMatchObject({ page: 3, pageSize: 5 });
    expect((await said({ page: '1e3' }, ListProjectsQuery, 'en', 'query')).message).toBe('page must be a whole number');
    expect((await said({ pageSize: '101' }, ListProjectsQuery, 'zh-CN', 'query')).message).toBe('每页条数不能超过 100');
    expect((await said({ limit: '1' }, ListProjectsQuery, 'en', 'query')).message).toBe('property limit should not exist');
    expect((await said({ registeredFrom: '9999-01-01' }, ListProjectsQuery, 'zh-CN', 'query')).message).toBe('登记日期起须在 1900-01-01 至 2199-12-31 之间');
  });
});

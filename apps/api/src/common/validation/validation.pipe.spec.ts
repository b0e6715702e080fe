import 'reflect-metadata';
import { RegisterLeadDto } from '../../modules/leads/dto/register-lead.dto';
import { ListProjectsQuery } from '../../modules/projects/dto/list-projects.query';
import { ApiException } from '../errors/api.exception';
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

describe('the global validation pipe', () => {
  it('accepts a valid lead unchanged', async () => {
    await expect(pipe.transform({ ...lead }, { type: 'body', metatype: RegisterLeadDto })).resolves.toMatchObject(lead);
  });

  it.each([
    [-1, 'estimatedInvestmentYi must be a positive number'],
    [0, 'estimatedInvestmentYi must be a positive number'],
    ['5', 'estimatedInvestmentYi must be a JSON number'],
    [1.23456, 'estimatedInvestmentYi must have at most 4 decimal places'],
    [1e-7, 'estimatedInvestmentYi must have at most 4 decimal places'],
    [1.5e-7, 'estimatedInvestmentYi must have at most 4 decimal places'],
    [10_001, 'estimatedInvestmentYi must be at most 10000'],
  ])('refuses estimatedInvestmentYi = %p naming the field', async (value, message) => {
    const e = await refusal({ ...lead, estimatedInvestmentYi: value }, RegisterLeadDto);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.message).toContain(message);
    expect(e.details).toEqual([{ field: 'estimatedInvestmentYi', message: expect.stringContaining(message) }]);
  });

  it('refuses a NUL character or a lone surrogate anywhere, naming the field', async () => {
    for (const bad of ['A\u0000B', 'x\ud800y']) {
      const e = await refusal({ ...lead, notes: bad }, RegisterLeadDto);
      expect(e.details).toEqual([{ field: 'notes', message: expect.stringContaining('NUL character or invalid Unicode') }]);
    }
  });

  it('never coerces strings to booleans', async () => {
    const e = await refusal({ ...lead, fortune500: 'true' }, RegisterLeadDto);
    expect(e.details?.[0].field).toBe('fortune500');
  });

  it('refuses unknown properties and non-object bodies', async () => {
    expect((await refusal({ ...lead, registeredBy: 'x' }, RegisterLeadDto)).message).toContain('registeredBy should not exist');
    expect((await refusal([lead], RegisterLeadDto)).message).toBe('request body must be a JSON object');
  });

  it('converts only plain digits in query strings and applies defaults', async () => {
    await expect(pipe.transform({}, { type: 'query', metatype: ListProjectsQuery })).resolves.toMatchObject({ page: 1, pageSize: 20, sort: '-registeredAt' });
    await expect(pipe.transform({ page: '3', pageSize: '5' }, { type: 'query', metatype: ListProjectsQuery })).resolves.toMatchObject({ page: 3, pageSize: 5 });
    expect((await refusal({ page: '1e3' }, ListProjectsQuery, 'query')).message).toBe('page must be a whole number');
    expect((await refusal({ pageSize: '101' }, ListProjectsQuery, 'query')).message).toBe('pageSize must be at most 100');
    expect((await refusal({ limit: '1' }, ListProjectsQuery, 'query')).message).toBe('property limit should not exist');
  });
});

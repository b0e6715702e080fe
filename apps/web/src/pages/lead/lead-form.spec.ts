import { creditCodeCheckChar } from '@zs/domain';
import { ApiError } from '../../api/api-error';
import { creditCodeFormProblem, duplicateCandidatesOf, investmentProblem, leadBodyOf, newIdempotencyKey } from './lead-form';

const VALID_CODE = '91440300708461136T';

describe('lead form rules', () => {
  it('checks the credit code with the domain rule: length, characters, check character; blank is fine', () => {
    expect(creditCodeFormProblem(undefined)).toBeNull();
    expect(creditCodeFormProblem('  ')).toBeNull();
    expect(creditCodeFormProblem(VALID_CODE)).toBeNull();
    expect(creditCodeFormProblem(' 9144 0300 7084 6113 6t ')).toBeNull();
    expect(creditCodeFormProblem('9144030070846113')).toMatch(/^统一社会信用代码须为18位/);
    expect(creditCodeFormProblem('91440300708461136I')).toMatch(/不允许的字符/);
    const wrongCheck = VALID_CODE.slice(0, 17) + (creditCodeCheckChar(VALID_CODE.slice(0, 17)) === '0' ? '1' : '0');
    expect(creditCodeFormProblem(wrongCheck)).toMatch(/校验位不符/);
  });

  it('refuses an investment that is missing, not positive, too large or too precise', () => {
    expect(investmentProblem(undefined)).toMatch(/请填写/);
    expect(investmentProblem(0)).toMatch(/大于 0/);
    expect(investmentProblem(20000)).toMatch(/不得超过 10000/);
    expect(investmentProblem(1.23456)).toMatch(/4 位小数/);
    expect(investmentProblem(12.5)).toBeNull();
  });

  it('builds the body: flags derived from the lists and level, blanks left out, code normalised', () => {
    const body = leadBodyOf({
      companyName: ' 宁德时代新能源科技股份有限公司 ',
      creditCode: '9144 0300 7084 6113 6t',
      contactName: '张经理',
      contactPhone: ' ',
      industryChain: '新能源汽车',
      estimatedInvestmentYi: 12.5,
      kind: 'new',
      sourceChannel: 'small_team',
      infoGrade: 'A',
      fortune500Lists: ['china'],
      specializedSme: false,
      specializedSmeLevel: 'provincial',
      notes: '',
    });
    expect(body).toEqual({
      companyName: '宁德时代新能源科技股份有限公司',
      creditCode: VALID_CODE,
      contactName: '张经理',
      industryChain: '新能源汽车',
      estimatedInvestmentYi: 12.5,
      kind: 'new',
      sourceChannel: 'small_team',
      infoGrade: 'A',
      fortune500: true,
      fortune500Lists: ['china'],
      listedCompany: false,
      specializedSme: false,
      specializedSmeLevel: null,
      origin: null,
    });
    expect(leadBodyOf({ specializedSme: true, specializedSmeLevel: 'national_little_giant' }, 'p-1')).toMatchObject({
      specializedSme: true,
      specializedSmeLevel: 'national_little_giant',
      fortune500: false,
      confirmDuplicateOf: 'p-1',
    });
  });

  it('reads the projects a duplicate warning names, once each, with the id out of the reason', () => {
    const id1 = '0b6c3c5e-1111-4222-8333-444455556666';
    const id2 = '0b6c3c5e-1111-4222-8333-444455556667';
    const error = new ApiError(409, 'DUPLICATE_SUSPECTED', '疑似重复登记', [
      { field: 'creditCode', label: '统一社会信用代码', message: `已有项目 ${id1}「株洲智造有限公司」（48小时研判）：统一社会信用代码相同` },
      { field: 'companyName', label: '企业名称', message: `已有项目 ${id1}「株洲智造有限公司」（48小时研判）：企业名称相同` },
      { field: 'companyName', label: '企业名称', message: `已有项目 ${id2.toUpperCase()}「株洲智造科技」（洽谈）：企业名称相近 0.71` },
    ]);
    expect(duplicateCandidatesOf(error)).toEqual([
      { projectId: id1, companyName: '株洲智造有限公司', reason: '（48小时研判）：统一社会信用代码相同' },
      { projectId: id2, companyName: '株洲智造科技', reason: '（洽谈）：企业名称相近 0.71' },
    ]);
    expect(duplicateCandidatesOf(new ApiError(400, 'VALIDATION_FAILED', 'x', error.details))).toEqual([]);
  });

  it('makes a fresh key per form, in the characters the API accepts', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(/^[A-Za-z0-9_.:-]{1,200}$/);
    expect(newIdempotencyKey()).not.toBe(a);
  });
});

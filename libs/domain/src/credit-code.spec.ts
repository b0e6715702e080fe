import { DomainError } from './errors';
import { creditCodeCheckChar, creditCodeProblem, normaliseCreditCode, requireCreditCode } from './credit-code';

// Codes published on the companies' own business licences (国家企业信用信息公示系统).
const REAL_CODES = [
  '914403001922038216', // 华为技术有限公司
  '91440300708461136T', // 深圳市腾讯计算机系统有限公司
  '91330100799655058B', // 阿里巴巴（中国）有限公司
  '91350900587527783P', // 宁德时代新能源科技股份有限公司
  '911100001000044477', // 中国石油化工股份有限公司
];

describe('统一社会信用代码 (GB 32100-2015)', () => {
  it.each(REAL_CODES)('accepts the real code %s', (code) => {
    expect(creditCodeProblem(code)).toBeNull();
    expect(requireCreditCode(code)).toBe(code);
  });

  it('computes the check character, including the letter and the 0 cases', () => {
    expect(creditCodeCheckChar('91440300708461136')).toBe('T');
    expect(creditCodeCheckChar('91110000100004447')).toBe('7');
    expect(creditCodeCheckChar('9144030070846113I')).toBeNull();
    expect(creditCodeCheckChar('123')).toBeNull();
  });

  it('refuses a code with one character mistyped (the check character no longer matches)', () => {
    expect(creditCodeProblem('914403001922038217')).toMatch(/校验位/);
    expect(creditCodeProblem('91440300708461137T')).toMatch(/校验位/);
    // Two neighbouring digits swapped: the weights differ, so the check catches it.
    expect(creditCodeProblem('914403001922038126')).toMatch(/校验位/);
  });

  it('refuses wrong lengths and forbidden characters', () => {
    expect(creditCodeProblem('91440300708461136')).toMatch(/18位/);
    expect(creditCodeProblem('91440300708461136TT')).toMatch(/18位/);
    expect(creditCodeProblem('9144030070846113IT')).toMatch(/字符/); // I is not in the charset
    expect(creditCodeProblem('91A40300708461136T')).toMatch(/字符/); // the region code is digits
    expect(creditCodeProblem('')).toMatch(/18位/);
  });

  it('normalises spaces and lower case before checking', () => {
    expect(normaliseCreditCode(' 91440300 708461136t ')).toBe('91440300708461136T');
    expect(requireCreditCode('91440300708461136t')).toBe('91440300708461136T');
  });

  it('names the field in the refusal', () => {
    expect(() => requireCreditCode('914403001922038217')).toThrow(DomainError);
    try {
      requireCreditCode(42, 'creditCode');
    } catch (err) {
      expect((err as DomainError).field).toBe('creditCode');
      expect((err as DomainError).code).toBe('VALIDATION_FAILED');
    }
    expect.assertions(3);
  });
});

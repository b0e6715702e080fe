import { DomainError, ERROR_CODES } from './errors';
import { localized } from './i18n/localized';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 31 symbols (digits and the capitals
 * without I, O, S, V, Z, which are too easily misread). Positions: 1 登记管理部门, 2 机构类别,
 * 3–8 行政区划码 (digits), 9–17 主体标识码 (组织机构代码), 18 the check character computed here.
 */
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{2}\d{6}[0-9A-HJ-NPQRTUWXY]{10}$/;

/** The check character (position 18) of the first 17 characters, or null when one of them is not in the charset. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (value < 0) return null;
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Why `code` is not a valid 统一社会信用代码 (in Chinese, for staff), or null when it is. Expects the normalised form. */
export function creditCodeProblem(code: string): string | null {
  if (code.length !== 18) return `须为18位（实为${code.length}位）`;
  if (!SHAPE.test(code)) return '含有不允许的字符（仅数字及除 I、O、S、V、Z 以外的大写字母，第3–8位须为数字）';
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return '校验位不符（请核对是否录入错误）';
  return null;
}

/** Spaces removed and letters upper-cased: how staff type a code is not what it is. */
export function normaliseCreditCode(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The normalised code, or a VALIDATION_FAILED naming `field`. */
export function requireCreditCode(raw: unknown, field = 'creditCode'): string {
  if (typeof raw !== 'string') throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}须为文本', '{field} must be a string'), field);
  const code = normaliseCreditCode(raw);
  const problem = creditCodeProblem(code);
  if (problem) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}${problem}`, `{field} is not a valid unified social credit code (${problem})`), field);
  return code;
}

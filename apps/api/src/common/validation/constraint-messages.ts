import { localized, MAX_ESTIMATED_INVESTMENT_YI, STAGES, STAGE_LABELS, type Localized } from '@zs/domain';
import { calendarDateProblem, DATE_PROBLEMS, dateTimeProblem } from './date-range';

/** A failed class-validator constraint: its name, its arguments (as declared) and the value refused. */
export interface FailedConstraint {
  name: string;
  args: readonly unknown[];
  value: unknown;
  /** The constraint applies to each item of an array (`{ each: true }`). */
  each?: boolean;
  /** Labels of enum values, code → Chinese label, when the allowed values have them. */
  valueLabels?: Readonly<Record<string, string>> | null;
}

type Template = (c: FailedConstraint) => Localized;

const ISO_DATE_SOURCE = String.raw`^\d{4}-\d{2}-\d{2}$`;
const n = (c: FailedConstraint, i = 0): string => String(c.args[i]);

/** `a（标签）、b（标签）` in Chinese, `a, b` in English. */
function allowedValues(values: readonly unknown[], labels: Readonly<Record<string, string>> | null | undefined): Localized {
  const zh = values.map((v) => (labels && typeof v === 'string' && labels[v] ? `${v}（${labels[v]}）` : String(v))).join('、');
  return localized(zh, values.map(String).join(', '));
}

function oneOf(values: readonly unknown[], c: FailedConstraint): Localized {
  const allowed = allowedValues(values, c.valueLabels);
  return localized(`{field}须为以下之一：${allowed.zh}`, `{field} must be one of: ${allowed.en}`);
}

/**
 * The message of each class-validator constraint the API's DTOs use, from its name and arguments,
 * in Chinese and English, `{field}` standing for the field's label. The DTOs' own `message`
 * options are not what the caller reads: one template per constraint keeps the wording uniform and
 * both languages complete (constraint-messages.spec.ts checks that every constraint the DTOs
 * declare has one).
 */
export const CONSTRAINT_TEMPLATES: Readonly<Record<string, Template>> = {
  isDefined: () => localized('{field}为必填项', '{field} is required'),
  isString: () => localized('{field}须为文本', '{field} must be a string'),
  isNotEmpty: () => localized('{field}不能为空', '{field} must not be empty'),
  matches: (c) => {
    const source = c.args[0] instanceof RegExp ? c.args[0].source : String(c.args[0]);
    if (source === String.raw`\S`) return localized('{field}不能为空白', '{field} must not be blank');
    if (source === ISO_DATE_SOURCE) return DATE_PROBLEMS.shape;
    return localized('{field}格式不正确', '{field} is not in the expected format');
  },
  maxLength: (c) => localized(`{field}不能超过 ${n(c)} 个字符`, `{field} must be at most ${n(c)} characters`),
  minLength: (c) => localized(`{field}至少须有 ${n(c)} 个字符`, `{field} must be at least ${n(c)} characters`),
  isLength: (c) =>
    c.args[1] === undefined
      ? localized(`{field}至少须有 ${n(c)} 个字符`, `{field} must be at least ${n(c)} characters`)
      : localized(`{field}的长度须在 ${n(c)} 至 ${n(c, 1)} 个字符之间`, `{field} must be ${n(c)} to ${n(c, 1)} characters long`),
  isIn: (c) => oneOf((c.args[0] as readonly unknown[]) ?? [], c),
  isEnum: (c) => oneOf(Object.values((c.args[0] as Record<string, unknown>) ?? {}).filter((v) => typeof v === 'string'), c),
  isInt: () => localized('{field}须为整数', '{field} must be a whole number'),
  isNumber: () => localized('{field}须为数字', '{field} must be a JSON number'),
  isNumberString: () => localized('{field}须为数字', '{field} must be a number'),
  isPositive: () => localized('{field}须为大于 0 的数', '{field} must be a positive number'),
  min: (c) => localized(`{field}不能小于 ${n(c)}`, `{field} must be at least ${n(c)}`),
  max: (c) => localized(`{field}不能超过 ${n(c)}`, `{field} must be at most ${n(c)}`),
  maxDecimalPlaces: (c) => localized(`{field}最多 ${n(c)} 位小数`, `{field} must have at most ${n(c)} decimal places`),
  isBoolean: () => localized('{field}须为 true 或 false', '{field} must be a boolean (true or false)'),
  isUuid: () => localized('{field}须为编号（UUID）', '{field} must be an id (UUID)'),
  isEmail: () => localized('{field}须为有效的电子邮箱地址', '{field} must be an e-mail address'),
  isUrl: () => localized('{field}须为有效的网址', '{field} must be a URL'),
  isArray: () => localized('{field}须为列表', '{field} must be an array'),
  arrayMinSize: (c) => localized(`{field}至少须有 ${n(c)} 项`, `{field} must contain at least ${n(c)} items`),
  arrayMaxSize: (c) => localized(`{field}最多 ${n(c)} 项`, `{field} must contain at most ${n(c)} items`),
  arrayUnique: () => localized('{field}不能有重复项', '{field} must not contain duplicates'),
  arrayContains: (c) => {
    const values = allowedValues((c.args[0] as readonly unknown[]) ?? [], c.valueLabels);
    return localized(`{field}须包含：${values.zh}`, `{field} must contain: ${values.en}`);
  },
  isObject: () => localized('{field}须为对象', '{field} must be an object'),
  nestedValidation: () => localized('{field}须为对象或列表', '{field} must be an object or an array'),
  isDateString: () => DATE_PROBLEMS.dateTime,
  isIso8601: () => DATE_PROBLEMS.dateTime,
  isAcceptedCalendarDate: (c) => calendarDateProblem(c.value) ?? DATE_PROBLEMS.shape,
  isQueryDate: (c) => calendarDateProblem(c.value) ?? DATE_PROBLEMS.shape,
  isAcceptedDateTime: (c) => dateTimeProblem(c.value) ?? DATE_PROBLEMS.dateTime,
  isCalendarDate: () => DATE_PROBLEMS.notReal,
  isZhCalendarDate: () => DATE_PROBLEMS.notReal,
  isQueryAmount: () =>
    localized(`{field}须为 0 至 ${MAX_ESTIMATED_INVESTMENT_YI} 亿元之间的金额`, `{field} must be between 0 and ${MAX_ESTIMATED_INVESTMENT_YI} (100 million yuan)`),
  isStageList: () => {
    const stages = allowedValues(STAGES, STAGE_LABELS);
    return localized(`{field}须为以下阶段中的一个或多个（以逗号分隔）：${stages.zh}`, `{field} must be one or more of (comma-separated): ${stages.en}`);
  },
  // forbidNonWhitelisted: a property the DTO does not declare.
  whitelistValidation: () => localized('不允许提交字段 {field}', 'property {field} should not exist'),
  // forbidUnknownValues: the body is not an object at all.
  unknownValue: () => localized('请求体须为 JSON 对象', 'request body must be a JSON object'),
};

/** Whether a constraint has its own wording (the others fall back to a generic one). */
export function hasConstraintTemplate(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(CONSTRAINT_TEMPLATES, name);
}

/** The message of one failed constraint, `{field}` naming the field (or each of its items). */
export function constraintMessage(c: FailedConstraint): Localized {
  const template = hasConstraintTemplate(c.name) ? CONSTRAINT_TEMPLATES[c.name] : null;
  const text = template ? template(c) : localized('{field}不符合要求', '{field} is invalid');
  if (!c.each) return text;
  return localized(text.zh.split('{field}').join('{field}中的每一项'), text.en.split('{field}').join('each item of {field}'));
}

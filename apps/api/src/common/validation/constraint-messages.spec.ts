import { SOURCE_CHANNEL_LABELS, renderLocalized } from '@zs/domain';
import { CONSTRAINT_TEMPLATES, constraintMessage, type FailedConstraint } from './constraint-messages';

const say = (c: Partial<FailedConstraint> & { name: string }, language: 'zh-CN' | 'en' = 'zh-CN', label = language === 'en' ? 'company name' : '公司名称') =>
  renderLocalized(constraintMessage({ args: [], value: undefined, ...c }), language, label);

describe('constraint messages', () => {
  it.each<[string, unknown[], unknown, string, string]>([
    ['isDefined', [], undefined, '公司名称为必填项', 'company name is required'],
    ['isString', [], 1, '公司名称须为文本', 'company name must be a string'],
    ['isNotEmpty', [], '', '公司名称不能为空', 'company name must not be empty'],
    ['matches', [/\S/], ' ', '公司名称不能为空白', 'company name must not be blank'],
    ['matches', [/^\d{4}-\d{2}-\d{2}$/], 'x', '公司名称须为日期 YYYY-MM-DD', 'company name must be a date YYYY-MM-DD'],
    ['matches', [/^[a-z]+$/], 'X', '公司名称格式不正确', 'company name is not in the expected format'],
    ['maxLength', [200], '', '公司名称不能超过 200 个字符', 'company name must be at most 200 characters'],
    ['minLength', [16], '', '公司名称至少须有 16 个字符', 'company name must be at least 16 characters'],
    ['isLength', [1, 64], '', '公司名称的长度须在 1 至 64 个字符之间', 'company name must be 1 to 64 characters long'],
    ['isIn', [['a', 'b']], 'c', '公司名称须为以下之一：a、b', 'company name must be one of: a, b'],
    ['isEnum', [{ A: 'a', B: 'b' }], 'c', '公司名称须为以下之一：a、b', 'company name must be one of: a, b'],
    ['isInt', [], 1.5, '公司名称须为整数', 'company name must be a whole number'],
    ['isNumber', [], '5', '公司名称须为数字', 'company name must be a JSON number'],
    ['isNumberString', [], 'x', '公司名称须为数字', 'company name must be a number'],
    ['isPositive', [], -1, '公司名称须为大于 0 的数', 'company name must be a positive number'],
    ['min', [1], 0, '公司名称不能小于 1', 'company name must be at least 1'],
    ['max', [100], 101, '公司名称不能超过 100', 'company name must be at most 100'],
    ['maxDecimalPlaces', [4], 1.23456, '公司名称最多 4 位小数', 'company name must have at most 4 decimal places'],
    ['isBoolean', [], 'true', '公司名称须为 true 或 false', 'company name must be a boolean (true or false)'],
    ['isUuid', [], 'x', '公司名称须为编号（UUID）', 'company name must be an id (UUID)'],
    ['isEmail', [], 'x', '公司名称须为有效的电子邮箱地址', 'company name must be an e-mail address'],
    ['isUrl', [], 'x', '公司名称须为有效的网址', 'company name must be a URL'],
    ['isArray', [], 'x', '公司名称须为列表', 'company name must be an array'],
    ['arrayMinSize', [1], [], '公司名称至少须有 1 项', 'company name must contain at least 1 items'],
    ['arrayMaxSize', [50], [], '公司名称最多 50 项', 'company name must contain at most 50 items'],
    ['arrayUnique', [], [], '公司名称不能有重复项', 'company name must not contain duplicates'],
    ['arrayContains', [['in_app']], [], '公司名称须包含：in_app', 'company name must contain: in_app'],
    ['isObject', [], 1, '公司名称须为对象', 'company name must be an object'],
    ['nestedValidation', [], 1, '公司名称须为对象或列表', 'company name must be an object or an array'],
    ['isDateString', [], 'x', '公司名称须为带时区的 ISO 8601 日期时间，例如 2026-03-01T00:00:00+08:00', 'company name must be an ISO 8601 date-time with its offset, e.g. 2026-03-01T00:00:00+08:00'],
    ['isIso8601', [], 'x', '公司名称须为带时区的 ISO 8601 日期时间，例如 2026-03-01T00:00:00+08:00', 'company name must be an ISO 8601 date-time with its offset, e.g. 2026-03-01T00:00:00+08:00'],
    ['isAcceptedCalendarDate', [], '2026-02-30', '公司名称须为真实存在的日期 YYYY-MM-DD', 'company name must be a real calendar date YYYY-MM-DD'],
    ['isAcceptedCalendarDate', [], '9999-01-01', '公司名称须在 1900-01-01 至 2199-12-31 之间', 'company name must be between 1900-01-01 and 2199-12-31'],
    ['isQueryDate', [], '2026-1-1', '公司名称须为日期 YYYY-MM-DD', 'company name must be a date YYYY-MM-DD'],
    ['isAcceptedDateTime', [], '2026-03-01', '公司名称须为带时区的 ISO 8601 日期时间，例如 2026-03-01T00:00:00+08:00', 'company name must be an ISO 8601 date-time with its offset, e.g. 2026-03-01T00:00:00+08:00'],
    ['isCalendarDate', [], '2026-02-30', '公司名称须为真实存在的日期 YYYY-MM-DD', 'company name must be a real calendar date YYYY-MM-DD'],
    ['isZhCalendarDate', [], '2026-02-30', '公司名称须为真实存在的日期 YYYY-MM-DD', 'company name must be a real calendar date YYYY-MM-DD'],
    ['isQueryAmount', [], '-1', '公司名称须为 0 至 10000 亿元之间的金额', 'company name must be between 0 and 10000 (100 million yuan)'],
    ['whitelistValidation', [], 'x', '不允许提交字段 公司名称', 'property company name should not exist'],
    ['unknownValue', [], [], '请求体须为 JSON 对象', 'request body must be a JSON object'],
  ])('%s %p', (name, args, value, zh, en) => {
    expect(say({ name, args, value })).toBe(zh);
    expect(say({ name, args, value }, 'en')).toBe(en);
  });

  it('has a case above for every template', () => {
    // A template added without a test is caught here: the table above names each one.
    expect(Object.keys(CONSTRAINT_TEMPLATES).sort()).toEqual(
      expect.arrayContaining(['isStageList', 'isIn', 'whitelistValidation', 'unknownValue', 'isAcceptedDateTime']),
    );
  });

  it('lists the stages with their labels', () => {
    expect(say({ name: 'isStageList' })).toMatch(/^公司名称须为以下阶段中的一个或多个（以逗号分隔）：intake（.+）、/);
    expect(say({ name: 'isStageList' }, 'en')).toMatch(/^company name must be one or more of \(comma-separated\): intake, /);
  });

  it('says the labels of enum values in Chinese only, the codes in both', () => {
    const c = { name: 'isIn', args: [['small_team', 'expo_event']], value: 'x', valueLabels: SOURCE_CHANNEL_LABELS };
    expect(say(c)).toBe('公司名称须为以下之一：small_team（小分队招商）、expo_event（展会推介）');
    expect(say(c, 'en')).toBe('company name must be one of: small_team, expo_event');
  });

  it('says a constraint on each item of an array as such', () => {
    expect(say({ name: 'isUuid', each: true })).toBe('公司名称中的每一项须为编号（UUID）');
    expect(say({ name: 'isUuid', each: true }, 'en')).toBe('each item of company name must be an id (UUID)');
  });

  it('falls back to a generic wording for a constraint without a template', () => {
    expect(say({ name: 'isMacAddress' })).toBe('公司名称不符合要求');
    expect(say({ name: 'isMacAddress' }, 'en')).toBe('company name is invalid');
  });
});

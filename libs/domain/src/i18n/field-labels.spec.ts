import { ERROR_CODES } from '../errors';
import { ERROR_CODE_LABELS } from './error-code-labels';
import { fieldLabel, hasFieldLabel, labelKey } from './field-labels';
import { localized, renderLocalized } from './localized';

describe('fieldLabel', () => {
  it.each([
    ['companyName', '公司名称', 'company name'],
    ['committed.production', '承诺投产日期', 'committed production'],
    ['nodes[2].kind', '第3个节点的类型', 'kind of node 3'],
    ['nodes[0].todos[1]', '第1个节点的第2项待办事项', 'to-do 2 of node 1'],
    ['memberUserIds[0]', '第1位队员', 'team member 1'],
    ['warnings[1].fraction', '第2级预警的时限比例', 'fraction of warning 2'],
    ['ownership.owner.userId', '项目负责人', 'project owner'],
    ['plan.nodes[1].responsibleUserId', '第2个节点的责任人', 'responsible person of node 2'],
    ['records[4].signedOn', '第5条记录的签约日期', 'signing date of record 5'],
  ])('%s → %s / %s', (path, zh, en) => {
    expect(fieldLabel(path, 'zh-CN')).toBe(zh);
    expect(fieldLabel(path, 'en')).toBe(en);
  });

  it('falls back to the last name, then the code, never to nothing', () => {
    expect(fieldLabel('something.deep.reason', 'zh-CN')).toBe('原因');
    expect(fieldLabel('registeredBy', 'zh-CN')).toBe('registeredBy');
    expect(fieldLabel('unknownList[3]', 'zh-CN')).toBe('第4项');
    expect(fieldLabel('unknownList[3]', 'en')).toBe('unknownList item 4');
  });

  it('keys array items by []', () => {
    expect(labelKey('nodes[2].todos[0]')).toBe('nodes[].todos[]');
    expect(hasFieldLabel('nodes[7].dueOn')).toBe(true);
    expect(hasFieldLabel('nodes[7].colour')).toBe(false);
  });
});

describe('renderLocalized', () => {
  it('puts the label where {field} stands, in the chosen language', () => {
    const text = localized('{field}不能为空', '{field} must not be empty');
    expect(renderLocalized(text, 'zh-CN', '公司名称')).toBe('公司名称不能为空');
    expect(renderLocalized(text, 'en', 'company name')).toBe('company name must not be empty');
  });
});

describe('ERROR_CODE_LABELS', () => {
  it('says every error code in both languages', () => {
    for (const code of Object.values(ERROR_CODES)) {
      expect(ERROR_CODE_LABELS[code].zh).toMatch(/[\u4e00-\u9fff]/);
      expect(ERROR_CODE_LABELS[code].en).toMatch(/^[ -~]+$/);
    }
  });
});

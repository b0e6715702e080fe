import { ApiError, fieldErrorsOf, fieldPath } from './api-error';

describe('ApiError', () => {
  it('reads the envelope the API sends', () => {
    const e = ApiError.fromEnvelope(400, { code: 'VALIDATION_FAILED', message: '公司名称不能为空', details: [{ field: 'companyName', label: '公司名称', message: '公司名称不能为空' }], correlationId: 'c1' });
    expect([e.status, e.code, e.message, e.details[0].label, e.correlationId]).toEqual([400, 'VALIDATION_FAILED', '公司名称不能为空', '公司名称', 'c1']);
  });

  it('survives a body that is not an envelope', () => {
    const e = ApiError.fromEnvelope(502, 'Bad Gateway');
    expect([e.status, e.code, e.details]).toEqual([502, 'INTERNAL', []]);
  });
});

describe('fieldErrorsOf', () => {
  it('turns API field paths into form field names, two problems of one field together', () => {
    expect(fieldPath('committed.production')).toEqual(['committed', 'production']);
    expect(fieldPath('nodes[2].dueDate')).toEqual(['nodes', 2, 'dueDate']);
    expect(
      fieldErrorsOf([
        { field: 'nodes[2].dueDate', message: 'a' },
        { field: 'nodes[2].dueDate', message: 'b' },
        { field: 'body', message: 'not a field' },
        { field: 'companyName', message: 'c' },
      ]),
    ).toEqual([
      { name: ['nodes', 2, 'dueDate'], errors: ['a', 'b'] },
      { name: ['companyName'], errors: ['c'] },
    ]);
  });
});

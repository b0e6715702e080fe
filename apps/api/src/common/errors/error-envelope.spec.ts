import { BadRequestException, NotFoundException } from '@nestjs/common';
import { DomainError, ERROR_CODES, localized } from '@zs/domain';
import { ApiException, fieldRefusal, fromDomainError } from './api.exception';
import { DETAILS_PLACEHOLDER, toErrorResponse } from './error-envelope';
import { QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

describe('toErrorResponse', () => {
  it('says an ApiException in Chinese by default, naming the field by its label, the code unchanged', () => {
    const e = fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'companyName', localized('{field}不能为空', '{field} must not be empty'));
    expect(toErrorResponse(e)).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: '公司名称不能为空',
      details: [{ field: 'companyName', label: '公司名称', message: '公司名称不能为空' }],
    });
  });

  it('says the same refusal in English when asked', () => {
    const e = fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'companyName', localized('{field}不能为空', '{field} must not be empty'));
    expect(toErrorResponse(e, 'en')).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'company name must not be empty',
      details: [{ field: 'companyName', label: 'company name', message: 'company name must not be empty' }],
    });
  });

  it('names nested and array fields by their path labels, the path kept as the field', () => {
    const e = new ApiException(ERROR_CODES.VALIDATION_FAILED, localized(DETAILS_PLACEHOLDER, DETAILS_PLACEHOLDER), [
      { field: 'committed.production', message: localized('{field}不能早于承诺设备进场日期', '{field} must not be before committed.equipmentEntry') },
      { field: 'nodes[2].kind', message: localized('{field}不能为空', '{field} must not be empty') },
    ]);
    expect(toErrorResponse(e)).toMatchObject({
      message: '承诺投产日期不能早于承诺设备进场日期；第3个节点的类型不能为空',
      details: [
        { field: 'committed.production', label: '承诺投产日期' },
        { field: 'nodes[2].kind', label: '第3个节点的类型', message: '第3个节点的类型不能为空' },
      ],
    });
    expect(toErrorResponse(e, 'en').message).toBe('committed production must not be before committed.equipmentEntry; kind of node 3 must not be empty');
  });

  it('says a domain refusal in both languages', () => {
    const e = fromDomainError(new DomainError(ERROR_CODES.WRONG_STAGE, localized('项目处于「签约」阶段', 'project is in stage signing')));
    expect(toErrorResponse(e)).toEqual({ statusCode: 409, code: 'WRONG_STAGE', message: '项目处于「签约」阶段' });
    expect(toErrorResponse(e, 'en').message).toBe('project is in stage signing');
  });

  it('maps an unknown route to NOT_FOUND, in both languages', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'))).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: '接口不存在：GET /nope' });
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'), 'en').message).toBe('Cannot GET /nope');
  });

  it('words a body-parser JSON error without echoing the parser', () => {
    const e = new BadRequestException(`Expected property name or '}' in JSON at position 1`);
    expect(toErrorResponse(e)).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: '请求体不是有效的 JSON' });
    expect(toErrorResponse(e, 'en').message).toBe('request body is not valid JSON');
  });

  it('passes http-errors client errors (unsupported charset) through with their status', () => {
    const e = Object.assign(new Error('unsupported charset "LATIN1"'), { status: 415, expose: true });
    expect(toErrorResponse(e, 'en')).toEqual({ statusCode: 415, code: 'VALIDATION_FAILED', message: 'unsupported charset "LATIN1"' });
    expect(toErrorResponse(e).message).toBe('请求内容不符合要求（unsupported charset "LATIN1"）');
  });

  it("says body-parser's payload too large plainly, with the limit, naming the body", () => {
    const e = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large', limit: 102_400 });
    expect(toErrorResponse(e)).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: '请求体超过 100 KiB 上限',
      details: [{ field: 'body', label: '请求体', message: '请求体不能超过 100 KiB 上限' }],
    });
    expect(toErrorResponse(e, 'en')).toMatchObject({
      message: 'request body is larger than 100 KiB',
      details: [{ field: 'body', label: 'request body', message: 'request body must be at most 100 KiB' }],
    });
  });

  it('hides anything unexpected behind a generic 500', () => {
    const response = toErrorResponse(new Error('relation "projects" does not exist'));
    expect(response.statusCode).toBe(500);
    expect(response.code).toBe('INTERNAL');
    expect(response.message).not.toContain('projects');
    expect(response.message).toMatch(/关联编号/);
  });

  it('answers 503 when PostgreSQL cannot be reached (refused, terminated, shutting down, gone under a transaction), 500 for a broken statement', () => {
    const released = new QueryRunnerProviderAlreadyReleasedError();
    const commitAfterRelease = new QueryRunnerAlreadyReleasedError();
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const terminated = new Error('Connection terminated unexpectedly');
    const shutdown = Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) });
    for (const e of [refused, terminated, shutdown, released, commitAfterRelease]) {
      expect(toErrorResponse(e)).toMatchObject({ statusCode: 503, code: 'ENGINE_UNAVAILABLE' });
    }
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });
    expect(toErrorResponse(syntax).statusCode).toBe(500);
  });
});

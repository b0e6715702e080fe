import { BadRequestException, NotFoundException } from '@nestjs/common';
import { ApiException } from './api.exception';
import { toErrorResponse } from './error-envelope';

describe('toErrorResponse', () => {
  it('keeps an ApiException as raised, details included', () => {
    const e = new ApiException('VALIDATION_FAILED', 'reason is required', [{ field: 'reason', message: 'reason is required' }]);
    expect(toErrorResponse(e)).toEqual({
      statusCode: 400,
      code: 'VALIDATION_FAILED',
      message: 'reason is required',
      details: [{ field: 'reason', message: 'reason is required' }],
    });
  });

  it('maps an unknown route to NOT_FOUND', () => {
    expect(toErrorResponse(new NotFoundException('Cannot GET /nope'))).toEqual({ statusCode: 404, code: 'NOT_FOUND', message: 'Cannot GET /nope' });
  });

  it('words a body-parser JSON error without echoing the parser', () => {
    const e = new BadRequestException(`Expected property name or '}' in JSON at position 1`);
    expect(toErrorResponse(e)).toEqual({ statusCode: 400, code: 'VALIDATION_FAILED', message: 'request body is not valid JSON' });
  });

  it('passes http-errors client errors (unsupported charset) through with their status', () => {
    const e = Object.assign(new Error('unsupported charset "LATIN1"'), { status: 415, expose: true });
    expect(toErrorResponse(e)).toEqual({ statusCode: 415, code: 'VALIDATION_FAILED', message: 'unsupported charset "LATIN1"' });
  });

  it("says body-parser's payload too large plainly, with the limit, naming the body", () => {
    const e = Object.assign(new Error('request entity too large'), { status: 413, expose: true, type: 'entity.too.large', limit: 102_400 });
    expect(toErrorResponse(e)).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: 'request body is larger than 100 KiB（请求体超过 100 KiB 上限）',
      details: [{ field: 'body', message: 'must be at most 100 KiB' }],
    });
  });

  it('hides anything unexpected behind a generic 500', () => {
    const response = toErrorResponse(new Error('relation "projects" does not exist'));
    expect(response.statusCode).toBe(500);
    expect(response.code).toBe('INTERNAL');
    expect(response.message).not.toContain('projects');
  });

  it('answers 503 when PostgreSQL cannot be reached (refused, terminated, shutting down), 500 for a broken statement', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const terminated = new Error('Connection terminated unexpectedly');
    const shutdown = Object.assign(new Error('query failed'), { driverError: Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }) });
    for (const e of [refused, terminated, shutdown]) {
      expect(toErrorResponse(e)).toMatchObject({ statusCode: 503, code: 'ENGINE_UNAVAILABLE' });
    }
    const syntax = Object.assign(new Error('syntax error at or near "SELEC"'), { code: '42601' });
    expect(toErrorResponse(syntax).statusCode).toBe(500);
  });
});

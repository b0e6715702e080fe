import { ERROR_CODES } from '@zs/domain';
import { codeForHttpStatus, httpStatusForCode } from './error-status';

describe('httpStatusForCode', () => {
  it.each([
    [ERROR_CODES.VALIDATION_FAILED, 400],
    [ERROR_CODES.UNAUTHENTICATED, 401],
    [ERROR_CODES.FORBIDDEN_ROLE, 403],
    [ERROR_CODES.FORBIDDEN_NOT_OWNER, 403],
    [ERROR_CODES.PASSWORD_CHANGE_REQUIRED, 403],
    [ERROR_CODES.NOT_FOUND, 404],
    [ERROR_CODES.WRONG_STAGE, 409],
    [ERROR_CODES.PAYLOAD_TOO_LARGE, 413],
    [ERROR_CODES.IDEMPOTENCY_CONFLICT, 422],
    [ERROR_CODES.RATE_LIMITED, 429],
    [ERROR_CODES.ENGINE_UNAVAILABLE, 503],
    [ERROR_CODES.INTERNAL, 500],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusForCode(code)).toBe(status);
  });

  it('covers every domain error code', () => {
    for (const code of Object.values(ERROR_CODES)) {
      expect(httpStatusForCode(code)).toBeGreaterThanOrEqual(400);
    }
  });
});

describe('codeForHttpStatus', () => {
  it('gives framework errors the code a client expects', () => {
    expect(codeForHttpStatus(404)).toBe('NOT_FOUND');
    expect(codeForHttpStatus(401)).toBe('UNAUTHENTICATED');
    expect(codeForHttpStatus(413)).toBe('PAYLOAD_TOO_LARGE');
    expect(codeForHttpStatus(429)).toBe('RATE_LIMITED');
    expect(codeForHttpStatus(415)).toBe('VALIDATION_FAILED');
    expect(codeForHttpStatus(502)).toBe('INTERNAL');
  });
});

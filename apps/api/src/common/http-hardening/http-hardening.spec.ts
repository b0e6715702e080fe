import { toErrorResponse } from '../errors/error-envelope';
import { bodyTooDeep, isDocsPath } from './http-hardening';

describe('isDocsPath', () => {
  it.each(['/docs', '/docs/', '/docs/swagger-ui.css', '/docs-json', '/docs?x=1', '/docs/swagger-ui-init.js'])('%s is the Swagger UI', (url) => {
    expect(isDocsPath(url, 'docs')).toBe(true);
  });
  it.each(['/', '/documents', '/projects/docs', '/auth/login', undefined])('%s is the JSON API', (url) => {
    expect(isDocsPath(url, 'docs')).toBe(false);
  });
});

describe('bodyTooDeep', () => {
  it('is a 400 naming the body, in English and Chinese', () => {
    const e = bodyTooDeep(32);
    expect(e.getStatus()).toBe(400);
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(toErrorResponse(e)).toMatchObject({ message: '请求体嵌套层级不能超过 32 层', details: [{ field: 'body', label: '请求体' }] });
    expect(toErrorResponse(e, 'en')).toMatchObject({ message: 'request body must not be nested deeper than 32 levels', details: [{ field: 'body', label: 'request body' }] });
  });
});

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
    expect(e.message).toBe('request body is nested deeper than 32 levels（请求体嵌套层级超过 32 层）');
    expect(e.details).toEqual([{ field: 'body', message: 'must not be nested deeper than 32 levels' }]);
  });
});

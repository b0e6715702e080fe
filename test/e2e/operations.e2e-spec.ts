import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';

/** What operators and client generators rely on: health and the OpenAPI document. */
describe('health and OpenAPI', () => {
  let h: E2eHarness;
  beforeAll(async () => {
    h = await startE2eHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('reports database and Temporal up, without a token', async () => {
    const res = await h.http('GET', '/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
  });

  it('serves an OpenAPI document covering every route, with bearer auth and the page schemas', async () => {
    const res = await h.http('GET', '/docs-json');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/auth/login',
        '/leads',
        '/projects',
        '/projects/{id}',
        '/projects/{id}/history',
        '/projects/{id}/intake-decision',
        '/projects/{id}/intake-info',
        '/notifications',
        '/health',
      ]),
    );
    expect(res.body.components.securitySchemes).toHaveProperty('bearer');
    expect(res.body.components.schemas.ProjectPageDto.properties.items.items.$ref).toBe('#/components/schemas/ProjectViewDto');
    expect(res.body.components.schemas.NotificationPageDto.properties.items.items.$ref).toBe('#/components/schemas/NotificationViewDto');
    expect(Object.keys(res.body.paths['/projects/{id}/intake-decision'].post.responses)).toEqual(
      expect.arrayContaining(['200', '400', '403', '404', '409', '422', '503']),
    );
  });

  it('answers every response with a correlation id, echoing a valid X-Request-Id', async () => {
    const res = await h.http('GET', '/health', { headers: { 'x-request-id': 'trace-abc-123' } });
    expect(res.headers.get('x-request-id')).toBe('trace-abc-123');
  });
});

import { randomUUID } from 'node:crypto';
import { MILESTONE_KINDS } from '@zs/domain';
import { DEFAULT_DEMO_PASSWORD } from '@zs/api';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { speaking } from '../support/in-language';
import { sampleLead } from '../support/sample-lead';

/**
 * Issue 9, HTTP hardening, against the real API: security headers, rate limits (429 +
 * Retry-After), body nesting and size limits, the accepted date range on every date
 * parameter, and /docs switched off.
 *
 * Two apps on the same database: `h` with the harness's defaults (generous rate limits, docs on)
 * and `limited` with small limits, docs off, and one trusted proxy hop, so each test picks its
 * own client address with X-Forwarded-For and starts with empty counters.
 */
const RANGE = 'between 1900-01-01 and 2199-12-31';
const LIMITS = { RATE_LIMIT_LOGIN_PER_ACCOUNT: '3', RATE_LIMIT_LOGIN_PER_IP: '6', RATE_LIMIT_WRITES: '5', RATE_LIMIT_WINDOW_SECONDS: '60' };

let h: E2eHarness;
let limited: E2eHarness;
let tokens: Record<'officer' | 'psb' | 'admin' | 'auditor', string>;

beforeAll(async () => {
  // The wording checked below is the English one (issue 11: Chinese unless asked otherwise).
  h = speaking(await startE2eHarness(), 'en');
  limited = speaking(await startE2eHarness({ worker: false, apiEnv: { ...LIMITS, API_DOCS_ENABLED: 'false', API_TRUST_PROXY: '1' } }), 'en');
  tokens = { officer: await h.login('officer'), psb: await h.login('psb'), admin: await h.login('admin'), auditor: await h.login('auditor') };
});

afterAll(async () => {
  await limited?.teardown();
  await h?.teardown();
});

function expectEnvelope(res: HttpResult, status: number, code: string): void {
  expect({ status: res.status, body: res.body }).toMatchObject({
    status,
    body: { statusCode: status, code, message: expect.any(String), correlationId: expect.any(String) },
  });
}

/** A 400 whose details name `field` with a message containing `message`. */
function expectFieldRefused(res: HttpResult, field: string, message: string | RegExp = RANGE): void {
  expectEnvelope(res, 400, 'VALIDATION_FAILED');
  expect(res.body.details).toContainEqual({ field, label: expect.any(String), message: expect.stringMatching(message) });
}

function expectSecurityHeaders(res: HttpResult): void {
  const csp = res.headers.get('content-security-policy') ?? '';
  expect(csp).toContain("default-src 'none'");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(res.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
  expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  expect(res.headers.get('x-frame-options')).toBe('DENY');
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.headers.get('cache-control')).toBe('no-store');
  expect(res.headers.get('x-powered-by')).toBeNull();
}

/** Nested arrays `depth` deep around a string. */
const deepArray = (depth: number) => '['.repeat(depth) + '"x"' + ']'.repeat(depth);
const deepObject = (depth: number) => '{"a":'.repeat(depth) + '"x"' + '}'.repeat(depth);

describe('security headers', () => {
  it('are on a normal answer, an error, an unknown route and a body-parser refusal', async () => {
    const health = await h.http('GET', '/health');
    expect([200, 503]).toContain(health.status);
    expectSecurityHeaders(health);

    const unauthenticated = await h.http('GET', '/projects');
    expectEnvelope(unauthenticated, 401, 'UNAUTHENTICATED');
    expectSecurityHeaders(unauthenticated);

    const unknown = await h.http('GET', '/no-such-route', { token: tokens.officer });
    expectEnvelope(unknown, 404, 'NOT_FOUND');
    expectSecurityHeaders(unknown);

    const malformed = await h.http('POST', '/auth/login', { rawBody: '{"username":' });
    expectEnvelope(malformed, 400, 'VALIDATION_FAILED');
    expectSecurityHeaders(malformed);
  });

  it('give the Swagger UI only what it needs, still unframeable', async () => {
    const docs = await h.http('GET', '/docs');
    expect(docs.status).toBe(200);
    const csp = docs.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-eval');
    expect(docs.headers.get('x-frame-options')).toBe('DENY');
    expect(docs.headers.get('x-powered-by')).toBeNull();
    expect((await h.http('GET', '/docs-json')).status).toBe(200);
  });
});

describe('rate limits', () => {
  const login = (ip: string, username: string, password = 'wrong-password') =>
    limited.http('POST', '/auth/login', { body: { username, password }, headers: { 'x-forwarded-for': ip } });

  function expectRateLimited(res: HttpResult, windowSeconds = 60): void {
    expectEnvelope(res, 429, 'RATE_LIMITED');
    expect(res.body.message).toMatch(/^too many requests; retry after \d+ s$/);
    const retryAfter = Number(res.headers.get('retry-after'));
    expect(Number.isInteger(retryAfter)).toBe(true);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(windowSeconds);
    expectSecurityHeaders(res);
  }

  it('stop a login flood per address and username, leaving other names and addresses alone', async () => {
    const name = `flood-${randomUUID().slice(0, 8)}`;
    for (let i = 0; i < 3; i++) expectEnvelope(await login('10.9.0.1', name), 401, 'UNAUTHENTICATED');
    expectRateLimited(await login('10.9.0.1', name));
    // Case and blanks do not make another account.
    expectRateLimited(await login('10.9.0.1', ` ${name.toUpperCase()} `));
    // Another name from the same address, and the same name from another address, still get an answer.
    expectEnvelope(await login('10.9.0.1', `${name}-other`), 401, 'UNAUTHENTICATED');
    expectEnvelope(await login('10.9.0.2', name), 401, 'UNAUTHENTICATED');
    // The real user logs in from their own address.
    const ok = await login('10.9.0.3', 'officer', DEFAULT_DEMO_PASSWORD);
    expect(ok.status).toBe(200);
  });

  it('stop a login flood per address across usernames', async () => {
    for (let i = 0; i < 6; i++) expectEnvelope(await login('10.9.1.1', `spray-${i}-${randomUUID().slice(0, 6)}`), 401, 'UNAUTHENTICATED');
    expectRateLimited(await login('10.9.1.1', `spray-7-${randomUUID().slice(0, 6)}`));
    // Even the right password waits: the address is blocked, not the account.
    expectRateLimited(await login('10.9.1.1', 'officer', DEFAULT_DEMO_PASSWORD));
    expect((await login('10.9.1.2', 'officer', DEFAULT_DEMO_PASSWORD)).status).toBe(200);
  });

  it('stop a write flood per account: other accounts and reads go on', async () => {
    const tokenOf = async (username: string, ip: string) => {
      const res = await login(ip, username, DEFAULT_DEMO_PASSWORD);
      expect(res.status).toBe(200);
      return res.body.accessToken as string;
    };
    const officer = await tokenOf('officer', '10.9.2.1');
    const ecbHead = await tokenOf('ecb-head', '10.9.2.2');
    const write = (token: string, ip: string) =>
      // An invalid lead: refused by validation (no workflow), yet counted as a write.
      limited.http('POST', '/leads', { token, body: { ...sampleLead(), estimatedInvestmentYi: -1 }, headers: { 'x-forwarded-for': ip } });

    for (let i = 0; i < 5; i++) expectFieldRefused(await write(officer, '10.9.2.3'), 'estimatedInvestmentYi', /positive/);
    expectRateLimited(await write(officer, '10.9.2.3'));
    // Counted per account, not per address: another address does not help the officer ...
    expectRateLimited(await write(officer, '10.9.2.4'));
    // ... and the same address does not block another account.
    expectFieldRefused(await write(ecbHead, '10.9.2.3'), 'estimatedInvestmentYi', /positive/);
    // Reads are not limited.
    const read = await limited.http('GET', '/projects', { token: officer, headers: { 'x-forwarded-for': '10.9.2.3' } });
    expect(read.status).toBe(200);
  });
});

describe('body limits', () => {
  it('refuses a 2,000-deep login body with 400 naming body, never a 500', async () => {
    for (const nested of [deepArray(2000), deepObject(2000)]) {
      const res = await h.http('POST', '/auth/login', { rawBody: `{"username":"officer","password":${nested}}` });
      expectFieldRefused(res, 'body', /nested deeper than 32 levels/);
      expect(res.body.message).toBe('request body must not be nested deeper than 32 levels');
    }
  });

  it('refuses a 2,000-deep body on an authenticated route, before the handler', async () => {
    const res = await h.http('POST', '/leads', { token: tokens.officer, rawBody: JSON.stringify({ ...sampleLead(), notes: 'x' }).replace('"x"', deepArray(2000)) });
    expectFieldRefused(res, 'body', /nested deeper than 32 levels/);
  });

  it('lets a body at the limit through to ordinary validation', async () => {
    const res = await h.http('POST', '/auth/login', { rawBody: `{"username":${deepArray(31)},"password":"x"}` });
    expectFieldRefused(res, 'username', /must be a string/);
  });

  it('refuses an oversized body with 413 naming body', async () => {
    const big = 'x'.repeat(101 * 1024);
    for (const res of [
      await h.http('POST', '/auth/login', { body: { username: 'officer', password: big } }),
      await h.http('POST', '/leads', { token: tokens.officer, body: { ...sampleLead(), notes: big } }),
    ]) {
      expectEnvelope(res, 413, 'PAYLOAD_TOO_LARGE');
      expect(res.body.message).toBe('request body is larger than 100 KiB');
      expect(res.body.details).toEqual([{ field: 'body', label: 'request body', message: 'request body must be at most 100 KiB' }]);
    }
  });
});

describe('date parameters', () => {
  const project = randomUUID();
  const committed = { constructionStart: '2026-08-15', equipmentEntry: '2026-09-20', production: '2026-12-01', firstTax: '2027-03-31' };
  const contract = (patch: Record<string, unknown>) => ({ contractInvestmentYi: 6.8, signedOn: '2026-07-28', committed, landAreaM2: 1000, ...patch });
  const node = (dueOn: string) => ({ kind: MILESTONE_KINDS[0], responsibleUserId: randomUUID(), responsibleName: '刘洋', dueOn });
  const post = (token: string, path: string, body: unknown) => h.http('POST', `/projects/${project}/${path}`, { token, body });

  it.each(['0000-01-01', '1899-12-31', '2200-01-01', '9999-12-31'])('refuses %s in every body date, naming the field', async (bad) => {
    const { officer, psb } = tokens;
    expectFieldRefused(await post(officer, 'negotiation-contacts', { kind: 'visit', date: bad, participants: '王经理', outcome: '有意向' }), 'date');
    expectFieldRefused(await post(officer, 'contract', contract({ signedOn: bad })), 'signedOn');
    for (const key of Object.keys(committed)) {
      expectFieldRefused(await post(officer, 'contract', contract({ committed: { ...committed, [key]: bad } })), `committed.${key}`);
    }
    expectFieldRefused(await post(psb, 'milestone-plan', { nodes: [node('2026-09-01'), node(bad)] }), 'nodes[1].dueOn');
    expectFieldRefused(await post(psb, 'milestone-plan/rebaseline', { reason: '顺延', changes: [{ kind: MILESTONE_KINDS[1], dueOn: bad }] }), 'changes[0].dueOn');
    expectFieldRefused(await post(psb, `milestones/${MILESTONE_KINDS[0]}/complete`, { completedOn: bad, evidence: '营业执照' }), 'completedOn');
    expectFieldRefused(await post(psb, 'progress', { date: bad, note: '主体结构' }), 'date');
    expectFieldRefused(await post(psb, 'production', { actualDate: bad, evidence: '首批产品下线' }), 'actualDate');
  });

  it('refuses an impossible body date, naming the field', async () => {
    expectFieldRefused(await post(tokens.officer, 'contract', contract({ signedOn: '2026-02-30' })), 'signedOn', /real calendar date/);
    expectFieldRefused(await post(tokens.psb, 'progress', { date: '2026-13-01', note: '主体结构' }), 'date', /real calendar date/);
  });

  it('refuses out-of-range and impossible days in GET /sla/calendar, naming from or to', async () => {
    const calendar = (query: string) => h.http('GET', `/sla/calendar?${query}`, { token: tokens.officer });
    expectFieldRefused(await calendar('from=9999-12-31&to=9999-12-31'), 'from');
    expectFieldRefused(await calendar('from=2026-01-01&to=9999-12-31'), 'to');
    expectFieldRefused(await calendar('from=0000-01-01&to=2026-01-01'), 'from');
    expectFieldRefused(await calendar('from=2026-02-30&to=2026-03-01'), 'from', /real calendar date/);
    expectFieldRefused(await calendar('from=2026-03-02&to=2026-03-01'), 'to', /must not be before from/);
    expectFieldRefused(await calendar('from=2026-01-01&to=2027-01-02'), 'to', /at most 366 days/);
    // The last accepted days answer.
    const edge = await calendar('from=2199-12-01&to=2199-12-31');
    expect(edge.status).toBe(200);
    expect(edge.body.days).toHaveLength(31);
  });

  it('refuses out-of-range and impossible days in PUT and DELETE /sla/calendar/overrides/:date, naming date', async () => {
    const body = { working: false, name: '测试', reason: '越界日期' };
    for (const bad of ['0000-01-01', '9999-12-31', '1899-12-31', '2026-02-30']) {
      expectFieldRefused(await h.http('PUT', `/sla/calendar/overrides/${bad}`, { token: tokens.admin, body }), 'date', /between|real calendar date/);
      expectFieldRefused(await h.http('DELETE', `/sla/calendar/overrides/${bad}?reason=x`, { token: tokens.admin }), 'date', /between|real calendar date/);
    }
  });

  it('refuses out-of-range date-times in the security audit queries, naming from or to', async () => {
    for (const path of ['/audit/security-events', '/audit/admin-events']) {
      expectFieldRefused(await h.http('GET', `${path}?from=9999-12-31T00:00:00Z`, { token: tokens.auditor }), 'from');
      expectFieldRefused(await h.http('GET', `${path}?to=2200-01-01T00:00:00Z`, { token: tokens.auditor }), 'to');
      expectFieldRefused(await h.http('GET', `${path}?to=0000-01-01T00:00:00Z`, { token: tokens.auditor }), 'to', /ISO 8601|between/);
      expect((await h.http('GET', `${path}?from=2026-01-01T00:00:00%2B08:00&to=2026-02-01T00:00:00Z`, { token: tokens.auditor })).status).toBe(200);
    }
  });
});

describe('API docs', () => {
  it('are not served when API_DOCS_ENABLED=false', async () => {
    for (const path of ['/docs', '/docs/', '/docs-json']) {
      const res = await limited.http('GET', path);
      expectEnvelope(res, 404, 'NOT_FOUND');
    }
    expect((await limited.http('GET', '/health')).status).not.toBe(404);
  });
});

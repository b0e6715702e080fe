import { randomUUID } from 'node:crypto';
import { startE2eHarness, type E2eHarness, type HttpResult } from '../support/e2e-harness';
import { sampleLead } from '../support/sample-lead';

const ZH = { 'accept-language': 'zh-CN,zh;q=0.9' };
const EN = { 'accept-language': 'en-US,en;q=0.9' };

/** The envelope in the language asked for: status, code, Content-Language and a correlation id. */
function expectEnvelope(res: HttpResult, status: number, code: string, language: 'zh-CN' | 'en'): void {
  expect({ status: res.status, code: res.body.code, statusCode: res.body.statusCode }).toEqual({ status, code, statusCode: status });
  expect(res.headers.get('content-language')).toBe(language);
  expect(res.headers.get('vary') ?? '').toMatch(/Accept-Language/i);
  expect(res.body.correlationId).toEqual(expect.any(String));
}

/** Issue 11: every error in the caller's language (Accept-Language; Chinese by default), fields named by their labels. */
describe('error messages in the caller’s language', () => {
  let h: E2eHarness;
  let officer: string;
  let taskForce: string;

  beforeAll(async () => {
    h = await startE2eHarness({ updateTimeoutMs: 5000 });
    [officer, taskForce] = await Promise.all([h.login('officer'), h.login('taskforce')]);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  describe('a validation error on a lead registration', () => {
    const badLead = { ...sampleLead(), companyName: '', sourceChannel: '小分队' };

    it('names each field by its Chinese label, by default and when asked for Chinese', async () => {
      for (const headers of [undefined, ZH, { 'accept-language': 'fr-FR' }]) {
        const res = await h.http('POST', '/leads', { token: officer, body: badLead, headers });
        expectEnvelope(res, 400, 'VALIDATION_FAILED', 'zh-CN');
        expect(res.body.details).toEqual([
          { field: 'companyName', label: '公司名称', message: '公司名称不能为空' },
          { field: 'sourceChannel', label: '线索来源', message: expect.stringMatching(/^线索来源须为以下之一：all_staff_report（全民招商）、small_team（小分队招商）、/) },
        ]);
        expect(res.body.message).toBe(`公司名称不能为空；${res.body.details[1].message}`);
      }
    });

    it('says the same in English when asked, the field codes unchanged', async () => {
      const res = await h.http('POST', '/leads', { token: officer, body: badLead, headers: EN });
      expectEnvelope(res, 400, 'VALIDATION_FAILED', 'en');
      expect(res.body.details).toEqual([
        { field: 'companyName', label: 'company name', message: 'company name must not be empty' },
        { field: 'sourceChannel', label: 'source channel', message: expect.stringMatching(/^source channel must be one of: all_staff_report, small_team, /) },
      ]);
    });

    it('names a nested field by its path label', async () => {
      const res = await h.http('POST', `/projects/${randomUUID()}/contract`, {
        token: officer,
        body: { contractInvestmentYi: 5, signedOn: '2026-01-05', committed: { constructionStart: '2026-02-01', equipmentEntry: '2026-03-01', production: '2026-02-30', firstTax: '2026-06-01' }, landAreaM2: 1 },
      });
      expectEnvelope(res, 400, 'VALIDATION_FAILED', 'zh-CN');
      expect(res.body.details).toEqual([{ field: 'committed.production', label: '承诺投产日期', message: '承诺投产日期须为真实存在的日期 YYYY-MM-DD' }]);
    });
  });

  describe('a wrong-stage refusal from the workflow', () => {
    let id: string;
    beforeAll(async () => {
      const registered = await h.http('POST', '/leads', { token: officer, body: sampleLead() });
      expect(registered.status).toBe(201);
      id = registered.body.id;
      expect((await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' } })).status).toBe(200);
    });

    it('says in Chinese that the decision was taken and the stage the project is in', async () => {
      const res = await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' } });
      expectEnvelope(res, 409, 'WRONG_STAGE', 'zh-CN');
      expect(res.body.message).toBe('承接研判已完成：项目处于「洽谈」阶段');
    });

    it('says it in English when asked', async () => {
      const res = await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' }, headers: EN });
      expectEnvelope(res, 409, 'WRONG_STAGE', 'en');
      expect(res.body.message).toBe('the intake decision was already taken: project is in stage negotiation (洽谈)');
    });

    it('names the field of a workflow validation refusal by its label', async () => {
      const res = await h.http('POST', `/projects/${id}/negotiation-contacts`, {
        token: officer,
        body: { kind: 'visit', date: '2099-01-01', participants: '王经理', location: '园区', outcome: '有意向' },
      });
      expect(res.status).toBe(400);
      expect(res.body.details?.[0]).toMatchObject({ field: 'date', label: '日期' });
      expect(res.body.details?.[0].message).toMatch(/晚于今天/);
    });
  });

  it('says a 404 in both languages', async () => {
    const missing = randomUUID();
    const zh = await h.http('GET', `/projects/${missing}`, { token: officer });
    expectEnvelope(zh, 404, 'NOT_FOUND', 'zh-CN');
    expect(zh.body.message).toBe(`项目 ${missing} 不存在`);
    const en = await h.http('GET', `/projects/${missing}`, { token: officer, headers: EN });
    expectEnvelope(en, 404, 'NOT_FOUND', 'en');
    expect(en.body.message).toBe(`project ${missing} not found`);
    const route = await h.http('GET', '/no-such-route', { token: officer });
    expectEnvelope(route, 404, 'NOT_FOUND', 'zh-CN');
    expect(route.body.message).toBe('接口不存在：GET /no-such-route');
  });

  it('says a 401 in both languages', async () => {
    const zh = await h.http('GET', '/projects');
    expectEnvelope(zh, 401, 'UNAUTHENTICATED', 'zh-CN');
    expect(zh.body.message).toMatch(/^请先登录/);
    const en = await h.http('GET', '/projects', { headers: EN });
    expectEnvelope(en, 401, 'UNAUTHENTICATED', 'en');
    expect(en.body.message).toBe('a bearer token is required (Authorization: Bearer <token>)');
  });

  it('says an idempotency conflict in both languages', async () => {
    const key = `error-language-${randomUUID()}`;
    const first = await h.http('POST', '/leads', { token: officer, body: sampleLead(), headers: { 'idempotency-key': key } });
    expect(first.status).toBe(201);
    const other = { ...sampleLead(), companyName: `另一家公司${randomUUID().slice(0, 8)}` };
    const zh = await h.http('POST', '/leads', { token: officer, body: other, headers: { 'idempotency-key': key } });
    expectEnvelope(zh, 422, 'IDEMPOTENCY_CONFLICT', 'zh-CN');
    expect(zh.body.message).toBe('该幂等键（Idempotency-Key）已用于另一请求');
    const en = await h.http('POST', '/leads', { token: officer, body: other, headers: { 'idempotency-key': key, ...EN } });
    expectEnvelope(en, 422, 'IDEMPOTENCY_CONFLICT', 'en');
    expect(en.body.message).toBe('Idempotency-Key was used with a different request');
  });

  it('says the 413 body limit in both languages, naming the body', async () => {
    const big = { ...sampleLead(), notes: 'x'.repeat(101 * 1024) };
    const zh = await h.http('POST', '/leads', { token: officer, body: big });
    expectEnvelope(zh, 413, 'PAYLOAD_TOO_LARGE', 'zh-CN');
    expect(zh.body).toMatchObject({ message: '请求体超过 100 KiB 上限', details: [{ field: 'body', label: '请求体', message: '请求体不能超过 100 KiB 上限' }] });
    const en = await h.http('POST', '/leads', { token: officer, body: big, headers: EN });
    expectEnvelope(en, 413, 'PAYLOAD_TOO_LARGE', 'en');
    expect(en.body).toMatchObject({ message: 'request body is larger than 100 KiB', details: [{ field: 'body', label: 'request body', message: 'request body must be at most 100 KiB' }] });
  });

  it('gives the labels of the codes a lead accepts in GET /reference-data', async () => {
    const res = await h.http('GET', '/reference-data', { token: officer });
    expect(res.status).toBe(200);
    expect(res.body.sourceChannels).toContainEqual({ code: 'small_team', label: '小分队招商' });
    expect(res.body.fortune500Lists).toContainEqual({ code: 'global', label: '世界500强' });
    expect(res.body.investmentBands).toContainEqual({ code: 'ge10', label: '10亿元及以上' });
    expect(res.body.errorCodes).toContainEqual({ code: 'WRONG_STAGE', label: '项目当前所处阶段不能办理此步骤' });
  });
});

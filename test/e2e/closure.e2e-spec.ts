import { addDays, shanghaiDate } from '@zs/domain';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { auditOf, tableCounts } from '../support/read-model';
import { sampleContract } from '../support/sample-contract';
import { sampleLead } from '../support/sample-lead';

const TODAY = shanghaiDate(Date.now());

/** 合同终止 and 履约完成 over HTTP: only leadership closes a project, with reason (and approver). */
describe('closing a project over HTTP', () => {
  let h: E2eHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startE2eHarness();
    for (const u of ['officer', 'taskforce', 'esb', 'leader', 'auditor']) tokens[u] = await h.login(u);
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const post = (user: string, path: string, body: unknown) => h.http('POST', path, { token: tokens[user], body });

  async function signedProject(): Promise<string> {
    const { body: project } = await post('officer', '/leads', sampleLead());
    await post('taskforce', `/projects/${project.id}/intake-decision`, { action: 'accept' });
    await post('officer', `/projects/${project.id}/negotiation-outcome`, { outcome: 'proceed' });
    const contract = sampleContract({
      signedOn: TODAY,
      committed: { constructionStart: addDays(TODAY, 10), equipmentEntry: addDays(TODAY, 20), production: addDays(TODAY, 90), firstTax: addDays(TODAY, 180) },
    });
    const signed = await post('officer', `/projects/${project.id}/contract`, contract);
    expect(signed.status).toBe(200);
    return project.id;
  }

  it('terminates a signed contract with reason and approver, recorded for auditors', async () => {
    const id = await signedProject();
    const res = await post('leader', `/projects/${id}/termination`, { reason: '企业经营困难无法履约', approver: '管委会主任 陈刚' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ stage: 'terminated', closure: { outcome: 'terminated', reason: '企业经营困难无法履约', approver: '管委会主任 陈刚' } });
    const history = await h.http('GET', `/projects/${id}/history`, { token: tokens.auditor });
    expect(history.body.items.at(-1)).toMatchObject({ action: 'contract.terminated', actorRole: 'zone_leadership', stageBefore: 'construction', stageAfter: 'terminated' });
  });

  it('refuses the wrong role, a missing approver, an unsigned project and completion without a fulfilled check, changing nothing', async () => {
    const id = await signedProject();
    const { body: unsigned } = await post('officer', '/leads', sampleLead());
    const before = await tableCounts(h.dataSource);
    const history = await auditOf(h.dataSource, id);
    const cases: Array<[string, string, unknown, number, string, string?]> = [
      ['esb', `/projects/${id}/termination`, { reason: 'x', approver: 'y' }, 403, 'FORBIDDEN_ROLE'],
      ['leader', `/projects/${id}/termination`, { reason: '无法履约' }, 400, 'VALIDATION_FAILED', 'approver'],
      ['leader', `/projects/${unsigned.id}/termination`, { reason: 'x', approver: 'y' }, 409, 'WRONG_STAGE'],
      ['leader', `/projects/${id}/completion`, { reason: '完成' }, 409, 'WRONG_STAGE'],
      ['esb', `/projects/${id}/fulfilment-checks`, { investmentInPlaceYi: 1, taxPaidWanYuan: 0, fulfilled: true, note: 'n' }, 409, 'WRONG_STAGE'],
      ['esb', `/projects/${id}/fulfilment-checks`, { investmentInPlaceYi: '1', taxPaidWanYuan: 0, fulfilled: true, note: 'n' }, 400, 'VALIDATION_FAILED', 'investmentInPlaceYi'],
    ];
    for (const [user, path, body, status, code, field] of cases) {
      const res = await post(user, path, body);
      expect([path, res.status, res.body.code]).toEqual([path, status, code]);
      if (field) expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
    }
    expect(await tableCounts(h.dataSource)).toEqual(before);
    expect(await auditOf(h.dataSource, id)).toEqual(history);
  });
});

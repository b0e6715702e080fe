import type { WorkflowHandle } from '@temporalio/client';
import { concludeNegotiationUpdate, decideIntakeUpdate, PROJECT_STEPS, projectStateQuery, signContractUpdate } from '@zs/contracts';
import { addDays, shanghaiDate, type Actor, type ProjectState } from '@zs/domain';
import { auditOf } from '../support/read-model';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { projectedState } from '../support/projected';

const ECB_HEAD: Actor = { userId: 'u-ecb', role: 'economic_cooperation_bureau_head', displayName: '经合局长' };
const ESB: Actor = { userId: 'u-esb', role: 'enterprise_service_bureau', displayName: '赵静' };
const OTHER_OFFICER: Actor = { userId: 'u-officer-2', role: 'investment_officer', displayName: '赵专员', departmentId: 'dep-other' };
const NEW_OWNER = { userId: 'u-officer-3', displayName: '钱专员', departmentId: 'dep-2', teamId: 'team-7' };

/**
 * The four steps issue 10 added through the step catalogue, on the time-skipping server: each
 * registered from the catalogue, refused by its validator (stage, role, per-person rule, a repeat)
 * without changing anything, applied and audited once otherwise.
 */
describe('steps added through the catalogue (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const send = (handle: WorkflowHandle, update: unknown, actor: Actor, command: unknown, updateId?: string) =>
    (handle.executeUpdate as (u: unknown, o: unknown) => Promise<{ state: ProjectState }>)(update, { args: [{ actor, command }], ...(updateId ? { updateId } : {}) });
  const refusal = (p: Promise<unknown>) => p.then(() => null, (e: { cause?: { type?: string; message?: string } }) => e.cause?.type);
  const stateOf = async (handle: WorkflowHandle) => (await handle.query(projectStateQuery)).state;

  it('records visits at any open stage without restarting the negotiation cadence; only the owner, the reporting department or a head', async () => {
    const { projectId, handle } = await h.register();
    const accepted = await send(handle, decideIntakeUpdate, TASK_FORCE, { action: 'accept' });
    const today = shanghaiDate(accepted.state.intake.decision!.decidedAt);
    const cadence = accepted.state.negotiation!.followUp;
    const visit = { kind: 'trip', date: today, participants: '李专员', summary: '赴深圳拜访企业总部' };

    expect(await refusal(send(handle, PROJECT_STEPS.recordVisit.update, OTHER_OFFICER, visit))).toBe('FORBIDDEN_NOT_OWNER');
    expect(await refusal(send(handle, PROJECT_STEPS.recordVisit.update, OFFICER, { ...visit, kind: 'party' }))).toBe('VALIDATION_FAILED');
    const before = await stateOf(handle);
    expect(before.visits ?? []).toEqual([]);

    const visited = await send(handle, PROJECT_STEPS.recordVisit.update, OFFICER, visit);
    expect(visited.state.visits).toEqual([expect.objectContaining({ kind: 'trip', date: today, stage: 'negotiation' })]);
    expect(visited.state.negotiation!.followUp).toEqual(cadence);
    await send(handle, PROJECT_STEPS.recordVisit.update, ECB_HEAD, { ...visit, kind: 'meeting' });

    // Reassigning the owner: the bureau head only; the new owner may then record visits.
    expect(await refusal(send(handle, PROJECT_STEPS.reassignOwnership.update, OFFICER, { owner: NEW_OWNER, reason: '调岗' }))).toBe('FORBIDDEN_ROLE');
    const reassigned = await send(handle, PROJECT_STEPS.reassignOwnership.update, ECB_HEAD, { owner: NEW_OWNER, campaignId: 'camp-1', reason: '调岗' });
    expect(reassigned.state.ownership).toMatchObject({ owner: NEW_OWNER, campaignId: 'camp-1', reporter: { userId: OFFICER.userId } });
    await send(handle, PROJECT_STEPS.recordVisit.update, { userId: NEW_OWNER.userId, role: 'investment_officer' }, { ...visit, kind: 'call' });

    await projectedState(h.dataSource, handle);
    const audit = await auditOf(h.dataSource, projectId);
    expect(audit.filter((a) => a.action === 'project.visit_recorded')).toHaveLength(3);
    const ownership = audit.filter((a) => a.action === 'project.ownership_reassigned');
    expect(ownership).toHaveLength(1);
    expect(ownership[0]!.payload).toMatchObject({ before: { owner: null, campaignId: null }, after: { owner: NEW_OWNER, campaignId: 'camp-1' }, reason: '调岗' });
  });

  it('keeps a funds ledger from signing on, with the update id as the entry id, and the first tax once', async () => {
    const { projectId, handle } = await h.register();
    const accepted = await send(handle, decideIntakeUpdate, TASK_FORCE, { action: 'accept' });
    const today = shanghaiDate(accepted.state.intake.decision!.decidedAt);
    const funds = { amountYi: 1.25, date: today, source: 'equity', evidence: '银行进账单 001' };

    expect(await refusal(send(handle, PROJECT_STEPS.recordFundsInPlace.update, ESB, funds))).toBe('WRONG_STAGE');
    expect(await refusal(send(handle, PROJECT_STEPS.recordFirstTax.update, ESB, { date: today }))).toBe('WRONG_STAGE');
    await send(handle, concludeNegotiationUpdate, OFFICER, { outcome: 'proceed' });
    await send(handle, signContractUpdate, OFFICER, sampleContract({ signedOn: today, committed: { constructionStart: addDays(today, 10), equipmentEntry: addDays(today, 40), production: addDays(today, 120), firstTax: addDays(today, 200) } }));

    expect(await refusal(send(handle, PROJECT_STEPS.recordFundsInPlace.update, { userId: 'u-l', role: 'zone_leadership' }, funds))).toBe('FORBIDDEN_ROLE');
    expect(await refusal(send(handle, PROJECT_STEPS.recordFundsInPlace.update, ESB, { ...funds, amountYi: -1 }))).toBe('VALIDATION_FAILED');
    const first = await send(handle, PROJECT_STEPS.recordFundsInPlace.update, ESB, funds, 'funds-entry-1');
    expect(first.state.stage).toBe('construction');
    expect(first.state.funds).toEqual([expect.objectContaining({ entryId: 'funds-entry-1', amountYi: 1.25, date: today, source: 'equity' })]);
    // The same update id again is answered, not applied twice.
    const repeat = await send(handle, PROJECT_STEPS.recordFundsInPlace.update, ESB, funds, 'funds-entry-1');
    expect(repeat.state.funds).toHaveLength(1);
    const second = await send(handle, PROJECT_STEPS.recordFundsInPlace.update, OFFICER, { ...funds, amountYi: 0.5, source: 'loan' });
    expect(second.state.funds).toHaveLength(2);
    expect(second.state.funds![1]!.entryId).toMatch(/.+/);
    expect(second.state.funds![1]!.entryId).not.toBe('funds-entry-1');

    expect(await refusal(send(handle, PROJECT_STEPS.recordFirstTax.update, OFFICER, { date: today }))).toBe('FORBIDDEN_ROLE');
    const taxed = await send(handle, PROJECT_STEPS.recordFirstTax.update, ESB, { date: today, amountWanYuan: 86.5 });
    expect(taxed.state.firstTax).toMatchObject({ date: today, amountWanYuan: 86.5 });
    expect(await refusal(send(handle, PROJECT_STEPS.recordFirstTax.update, ESB, { date: today }))).toBe('ALREADY_EXISTS');

    await projectedState(h.dataSource, handle);
    const audit = await auditOf(h.dataSource, projectId);
    expect(audit.filter((a) => a.action === 'funds.recorded').map((a) => a.payload.amountYi)).toEqual([1.25, 0.5]);
    expect(audit.filter((a) => a.action === 'tax.first_recorded')).toHaveLength(1);
    expect((await stateOf(handle)).funds).toHaveLength(2);
  });
});

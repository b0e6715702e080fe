import type { WorkflowHandle } from '@temporalio/client';
import { useWallClockPolicies } from '../support/sla-policies';
import { assignCommissionerUpdate, concludeNegotiationUpdate, decideIntakeUpdate, projectStateQuery, signContractUpdate } from '@zs/contracts';
import type { Actor } from '@zs/domain';
import { eventually } from '../support/eventually';
import { auditOf, notificationsOf } from '../support/read-model';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const PSB: Actor = { userId: 'u-psb', role: 'project_service_bureau', displayName: '刘洋' };

/** 签约 and the handover to the Project Service Bureau: the commissioner must be named within 24 h. */
describe('signing and commissioner assignment (time-skipping)', () => {
  let h: TimeSkippingHarness;
  let restorePolicies: () => Promise<void>;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    // the seeded policy counts one working day; these boundaries are wall-clock hours
    restorePolicies = await useWallClockPolicies(h.dataSource, { commissioner_assignment: 24 });
  });
  afterAll(async () => {
    await restorePolicies?.();
    await h?.teardown();
  });

  async function signedProject() {
    const { projectId, handle } = await h.register({ infoGrade: 'C' });
    await handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    // Signed on the registration day (the server's clock moves on from test to test): never before it (issue 10).
    const contract = sampleContract({}, (await handle.query(projectStateQuery)).state.registeredAt);
    const signed = await handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: contract }] });
    let offset = 0;
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { projectId, handle: handle as WorkflowHandle, at, signed, contract };
  }
  const clockAlerts = async (projectId: string) =>
    (await notificationsOf(h.dataSource, projectId)).filter((n) => n.dedupe_key.includes(':commissioner_assignment:')).map((n) => `${n.kind}:${n.level}:${n.recipient_role}`);
  const waitFor = (projectId: string, n: number) =>
    eventually(`${n} alerts`, async () => {
      const rows = await clockAlerts(projectId);
      return rows.length >= n ? rows : undefined;
    });

  it('moves to construction with the contract and starts the 24-hour handover clock', async () => {
    const { signed, contract } = await signedProject();
    expect(signed.state.stage).toBe('construction');
    expect(signed.state.contract).toMatchObject({ contractInvestmentYi: 6.8, signedOn: contract.signedOn, committed: contract.committed, factoryAreaM2: 12_000, landAreaM2: 0 });
    expect(signed.state.handover?.clock).toMatchObject({ clock: 'commissioner_assignment', budgetMs: 24 * HOUR, stoppedAt: null });
  });

  it('warns the bureau at 18 h, escalates to it at 24 h and to zone leadership at 48 h', async () => {
    const { projectId, at } = await signedProject();
    await at(18 * HOUR - MIN);
    expect(await clockAlerts(projectId)).toEqual([]);
    await at(18 * HOUR);
    expect(await waitFor(projectId, 1)).toEqual(['sla.warning:1:project_service_bureau']);
    await at(24 * HOUR - MIN);
    expect(await clockAlerts(projectId)).toHaveLength(1);
    await at(24 * HOUR);
    expect(await waitFor(projectId, 2)).toContain('sla.escalated:1:project_service_bureau');
    await at(48 * HOUR - MIN);
    expect(await clockAlerts(projectId)).toHaveLength(2);
    await at(48 * HOUR);
    expect(await waitFor(projectId, 3)).toContain('sla.escalated:2:zone_leadership');
  });

  it('a commissioner named at 23 h 59 min stops the clock: no escalation, ever', async () => {
    const { projectId, handle, at } = await signedProject();
    await at(24 * HOUR - MIN);
    const assigned = await handle.executeUpdate(assignCommissionerUpdate, {
      args: [{ actor: PSB, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }],
    });
    expect(assigned.state.handover?.commissioner).toMatchObject({ userId: 'u-zhang', name: '张专员' });
    await at(100 * HOUR);
    expect(await clockAlerts(projectId)).toEqual(['sla.warning:1:project_service_bureau']);
    expect((await handle.query(projectStateQuery)).state.handover?.clock.stoppedAt).not.toBeNull();
    const actions = (await auditOf(h.dataSource, projectId)).map((a) => a.action);
    expect(actions).toEqual([
      'lead.registered',
      'intake.accepted',
      'negotiation.proceeded_to_signing',
      'signing.contract_signed',
      'sla.warning',
      'handover.commissioner_assigned',
    ]);
  });
});

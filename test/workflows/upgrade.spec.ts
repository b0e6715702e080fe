import { join } from 'node:path';
import {
  assignCommissionerUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  projectStateQuery,
  recordNegotiationContactUpdate,
  signContractUpdate,
} from '@zs/contracts';
import { buildWorkflowBundle } from '@zs/worker';
import { stackEnv } from '../setup/stack-env';
import { eventually } from '../support/eventually';
import { auditOf, notificationsOf } from '../support/read-model';
import { datesFrom } from '../support/relative-dates';
import { sampleContract } from '../support/sample-contract';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';
import { projectedState } from '../support/projected';

const DAY = 24 * 60 * 60 * 1000;
const PREVIOUS = join(__dirname, 'fixtures/v0-intake-only');

/**
 * Projects live for years while the code changes. Projects run on the previous release
 * (a frozen copy of its workflow code), the worker is replaced by today's, and they carry
 * on: no non-determinism, the new steps work, and new timers start only behind patch gates.
 */
describe('upgrading running workflows from the previous release (time-skipping)', () => {
  let h: TimeSkippingHarness;
  let previousBundle: { code: string };
  beforeAll(async () => {
    h = await startTimeSkippingHarness({ worker: false });
    previousBundle = { code: (await buildWorkflowBundle(join(PREVIOUS, 'workflows/src/index.ts'), join(PREVIOUS, 'tsconfig.json'))).code };
  });
  afterAll(async () => {
    await h?.teardown();
  });

  it('carries projects started on the previous code through the new stages', async () => {
    // No sticky cache: on this test server a sticky queue's timeout runs on the locked (not
    // skipping) clock, so tasks would wait for the stopped worker; a real server moves them after 5 s.
    const stopPrevious = await h.runWorker(previousBundle, { maxCachedWorkflows: 0 });
    const accepted = await h.register({ infoGrade: 'A' });
    await accepted.handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    const waiting = await h.register({ infoGrade: 'B' });
    const lost = await h.register({ infoGrade: 'C' });
    await lost.handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    await stopPrevious();

    const stopCurrent = await h.runWorker({ codePath: stackEnv('workflowBundle') });
    try {
      // Accepted on the old code: the negotiation steps added since work on it.
      // Dated from the registration day: nothing before it is accepted (issue 10).
      const registeredAt = accepted.snapshot.state.registeredAt;
      const visit = { kind: 'visit', date: datesFrom(registeredAt).registeredOn, participants: '李明', location: '企业总部', outcome: '确认意向' };
      const contacted = await accepted.handle.executeUpdate(recordNegotiationContactUpdate, { args: [{ actor: OFFICER, command: visit as never }] });
      expect(contacted.state.negotiation?.contacts).toHaveLength(1);
      await accepted.handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
      const signed = await accepted.handle.executeUpdate(signContractUpdate, { args: [{ actor: OFFICER, command: sampleContract({}, registeredAt) }] });
      expect(signed.state.stage).toBe('construction');
      const psb = { userId: 'u-psb', role: 'project_service_bureau' as const };
      await accepted.handle.executeUpdate(assignCommissionerUpdate, { args: [{ actor: psb, command: { commissionerUserId: 'u-zhang', commissionerName: '张专员' } }] });
      await projectedState(h.dataSource, accepted.handle);
      expect((await auditOf(h.dataSource, accepted.projectId)).map((a) => a.action)).toEqual([
        'lead.registered',
        'intake.accepted',
        'negotiation.contact_recorded',
        'negotiation.proceeded_to_signing',
        'signing.contract_signed',
        'handover.commissioner_assigned',
      ]);

      // Accepted on the old code, then lost on the new one: the workflow completes.
      await lost.handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'lost', reason: '企业选择外地落户' } }] });
      expect(await lost.handle.result()).toMatchObject({ stage: 'lost' });

      // Still in intake at the upgrade: accepted on the new code, it gets the new follow-up cadence (grade B: 2 days).
      await waiting.handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
      await h.env.sleep(2 * DAY);
      const reminders = await eventually('a follow-up reminder', async () => {
        const rows = (await notificationsOf(h.dataSource, waiting.projectId)).filter((n) => n.kind === 'follow_up.reminder');
        return rows.length ? rows : undefined;
      });
      expect(reminders[0]).toMatchObject({ recipient_user_id: OFFICER.userId });
      expect((await waiting.handle.query(projectStateQuery)).state.negotiation?.followUp.missedInRow).toBe(1);
    } finally {
      await stopCurrent();
    }
  });
});

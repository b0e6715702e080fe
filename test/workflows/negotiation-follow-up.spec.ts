import type { WorkflowHandle } from '@temporalio/client';
import { concludeNegotiationUpdate, decideIntakeUpdate, projectStateQuery, recordNegotiationContactUpdate } from '@zs/contracts';
import type { RecordContactCommand } from '@zs/domain';
import { eventually } from '../support/eventually';
import { datesFrom } from '../support/relative-dates';
import { auditOf, notificationsOf } from '../support/read-model';
import { OFFICER, startTimeSkippingHarness, TASK_FORCE, type TimeSkippingHarness } from '../support/time-skipping-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

/**
 * 洽谈跟进 on the time-skipping server: the follow-up cadence of the information grade
 * (B: every 2 days) at its boundaries, the owner's reminders, the escalation on the third
 * miss in a row, and a recorded contact restarting the cadence.
 */
describe('negotiation follow-up cadence (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  const contact = (date: string): RecordContactCommand => ({ kind: 'visit', date, participants: '李明、王经理', location: '企业总部', outcome: '确认用地需求' });
  const alerts = async (projectId: string) =>
    (await notificationsOf(h.dataSource, projectId)).map((n) => `${n.kind}:${n.recipient_role}:${n.recipient_user_id ?? '-'}`);
  const waitForAlerts = (projectId: string, count: number) =>
    eventually(`${count} alerts`, async () => {
      const rows = await alerts(projectId);
      return rows.length >= count ? rows : undefined;
    });

  async function acceptedProject(grade: 'A' | 'B' | 'C') {
    const { projectId, handle } = await h.register({ infoGrade: grade });
    const accepted = await handle.executeUpdate(decideIntakeUpdate, { args: [{ actor: TASK_FORCE, command: { action: 'accept' } }] });
    // A contact may not be dated before the registration (issue 10), nor after today.
    const { registeredOn } = datesFrom(accepted.state.registeredAt);
    let offset = 0;
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { projectId, handle: handle as WorkflowHandle, at, registeredOn };
  }

  const REMINDER = `follow_up.reminder:investment_officer:${OFFICER.userId}`;
  const ESCALATION = 'sla.escalated:economic_cooperation_bureau_head:-';

  it('reminds the owner at each missed 2-day follow-up (grade B) and escalates on the third miss in a row', async () => {
    const { projectId, handle, at } = await acceptedProject('B');
    await at(2 * DAY - MIN);
    expect(await alerts(projectId)).toEqual([]);

    await at(2 * DAY);
    expect(await waitForAlerts(projectId, 1)).toEqual([REMINDER]);
    expect((await handle.query(projectStateQuery)).state.overdue).toBe(true);

    await at(4 * DAY - MIN);
    expect(await alerts(projectId)).toEqual([REMINDER]);
    await at(4 * DAY);
    await waitForAlerts(projectId, 2);

    await at(6 * DAY - MIN);
    expect(await alerts(projectId)).toEqual([REMINDER, REMINDER]);
    await at(6 * DAY);
    expect(await waitForAlerts(projectId, 4)).toEqual([REMINDER, REMINDER, REMINDER, ESCALATION]);

    const actions = (await auditOf(h.dataSource, projectId)).map((a) => a.action);
    expect(actions.slice(2)).toEqual(['negotiation.follow_up_missed', 'negotiation.follow_up_missed', 'negotiation.follow_up_escalated']);
  });

  it('a contact just before the due time resets the cadence; the next is due a full cadence later', async () => {
    const { projectId, handle, at, registeredOn } = await acceptedProject('A');
    await at(1 * DAY - MIN);
    const after = await handle.executeUpdate(recordNegotiationContactUpdate, { args: [{ actor: OFFICER, command: contact(registeredOn) }] });
    expect(after.state.negotiation?.followUp.missedInRow).toBe(0);

    await at(2 * DAY - 2 * MIN);
    expect(await alerts(projectId)).toEqual([]);
    await at(2 * DAY);
    expect(await waitForAlerts(projectId, 1)).toEqual([REMINDER]);
  });

  it('weekly cadence for grade C, and no reminder after the negotiation is concluded', async () => {
    const { projectId, handle, at } = await acceptedProject('C');
    await at(7 * DAY - MIN);
    expect(await alerts(projectId)).toEqual([]);
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'proceed' } }] });
    await at(60 * DAY);
    expect(await alerts(projectId)).toEqual([]);
    expect((await handle.query(projectStateQuery)).state.stage).toBe('signing');
  });

  it('lost ends the workflow with the reason recorded', async () => {
    const { projectId, handle } = await acceptedProject('A');
    await handle.executeUpdate(concludeNegotiationUpdate, { args: [{ actor: OFFICER, command: { outcome: 'lost', reason: '企业选择外地落户' } }] });
    expect(await handle.result()).toMatchObject({ stage: 'lost', negotiation: { outcome: { kind: 'lost', reason: '企业选择外地落户' } } });
    expect((await auditOf(h.dataSource, projectId)).map((a) => `${a.action}:${a.stage_after}`)).toEqual([
      'lead.registered:intake',
      'intake.accepted:negotiation',
      'negotiation.lost:lost',
    ]);
  });
});

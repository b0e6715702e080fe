import {
  acceptServiceRequestUpdate,
  completeProjectUpdate,
  raiseServiceRequestUpdate,
  rateServiceRequestUpdate,
  recordFulfilmentCheckUpdate,
  resolveServiceRequestUpdate,
  serviceRequestRegisteredUpdate,
  terminateContractUpdate,
  transferServiceRequestUpdate,
} from '@zs/contracts';
import { projectIntervals } from '@zs/domain';
import { eventually } from '../support/eventually';
import { driveToService, ESB, LEADER, PSB, step } from '../support/lifecycle-journey';
import { auditOf, notificationsOf } from '../support/read-model';
import { startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;


/** A project's whole life on the time-skipping server, with the audit history asserted in order. */
describe('the whole project lifecycle (time-skipping)', () => {
  let h: TimeSkippingHarness;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
  });
  afterAll(async () => {
    await h?.teardown();
  });

  /** The shared journey to production, then a clock measured from there. */
  async function toService() {
    const journey = await driveToService(h, { infoGrade: 'A' });
    let offset = 0;
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { ...journey, at };
  }

  it('runs from lead through service requests to completed fulfilment, every step audited once, in order', async () => {
    const { projectId, handle, produced } = await toService();
    expect(produced.state.stage).toBe('service');
    expect(projectIntervals(produced.state)).toMatchObject({ signingToEquipmentEntryDays: 14, signingToProductionDays: 30 });

    // Two service requests: one transferred to the department that owns it, one reopened after an unsatisfied rating.
    const raise = async (title: string) => {
      const { workflowId } = await step(handle, raiseServiceRequestUpdate, ESB, { category: 'normal', title, description: '请协调', department: '自然资源局' });
      const request = h.env.client.workflow.getHandle(workflowId);
      await request.executeUpdate(serviceRequestRegisteredUpdate);
      return request;
    };
    const power = await raise('用电增容');
    await step(power, transferServiceRequestUpdate, PSB, { toDepartment: '供电公司', reason: '不属本局职责' });
    await step(power, acceptServiceRequestUpdate, ESB, {});
    await step(power, resolveServiceRequestUpdate, ESB, { resolution: '已增容' });
    await step(power, rateServiceRequestUpdate, ESB, { rating: 'satisfied' });
    const road = await raise('道路积水');
    await step(road, acceptServiceRequestUpdate, ESB, {});
    await step(road, resolveServiceRequestUpdate, ESB, { resolution: '已疏通' });
    await step(road, rateServiceRequestUpdate, ESB, { rating: 'unsatisfied', comment: '仍积水' });
    await step(road, resolveServiceRequestUpdate, ESB, { resolution: '新建管网' });
    await step(road, rateServiceRequestUpdate, ESB, { rating: 'basically_satisfied' });
    expect([(await power.result()).status, (await road.result()).reopenCount]).toEqual(['closed', 1]);

    const checked = await step(handle, recordFulfilmentCheckUpdate, ESB, { investmentInPlaceYi: 6.8, taxPaidWanYuan: 320, fulfilled: true, note: '资金全部到位' });
    expect(checked.state.fulfilment.checks[0].comparison).toMatchObject({ committedInvestmentYi: 6.8, investmentRatio: 1, productionOnTime: true });
    await step(handle, completeProjectUpdate, LEADER, { reason: '合同约定事项全部履行' });
    expect(await handle.result()).toMatchObject({ stage: 'completed', closure: { outcome: 'completed' } });

    const audit = await auditOf(h.dataSource, projectId);
    // The project's own events are numbered without gaps; each service request keeps its own sequence.
    const own = audit.filter((a) => a.workflow_id === handle.workflowId);
    expect(own.map((a) => a.seq)).toEqual(own.map((_, i) => i + 1));
    expect(audit.map((a) => `${a.action}:${a.actor_role}`)).toEqual([
      'lead.registered:investment_officer',
      'intake.accepted:intake_task_force',
      'negotiation.contact_recorded:investment_officer',
      'negotiation.proceeded_to_signing:investment_officer',
      'signing.contract_signed:investment_officer',
      'handover.commissioner_assigned:project_service_bureau',
      'construction.plan_established:project_service_bureau',
      'construction.progress_logged:project_service_bureau',
      ...Array(8).fill('construction.milestone_completed:project_service_bureau'),
      'production.started:project_service_bureau',
      'service.request_raised:enterprise_service_bureau',
      'service.request_transferred:project_service_bureau',
      'service.request_accepted:enterprise_service_bureau',
      'service.request_resolved:enterprise_service_bureau',
      'service.request_closed:enterprise_service_bureau',
      'service.request_raised:enterprise_service_bureau',
      'service.request_accepted:enterprise_service_bureau',
      'service.request_resolved:enterprise_service_bureau',
      'service.request_reopened:enterprise_service_bureau',
      'service.request_resolved:enterprise_service_bureau',
      'service.request_closed:enterprise_service_bureau',
      'fulfilment.checked:enterprise_service_bureau',
      'project.completed:zone_leadership',
    ]);
    expect(audit.map((a) => a.stage_after).filter((s, i, all) => s !== all[i - 1])).toEqual([
      'intake',
      'negotiation',
      'signing',
      'construction',
      'service',
      'completed',
    ]);
  });

  it('reminds the enterprise service bureau when the quarterly check falls due, once', async () => {
    const { projectId, handle, at } = await toService();
    // Quarterly from production, which `toService` recorded just before `at` starts counting.
    const due = 91 * DAY;
    const reminders = async () => (await notificationsOf(h.dataSource, projectId)).filter((n) => n.kind === 'fulfilment.due');
    await at(due - MIN);
    expect(await reminders()).toEqual([]);
    await at(due);
    await eventually('the fulfilment reminder', async () => ((await reminders()).length === 1 ? true : undefined));
    await at(due + 30 * DAY);
    expect(await reminders()).toHaveLength(1);
    const checked = await step(handle, recordFulfilmentCheckUpdate, ESB, { investmentInPlaceYi: 3, taxPaidWanYuan: 0, fulfilled: false, note: '资金到位不足一半' });
    expect(checked.state.fulfilment.checks[0].comparison.investmentRatio).toBeCloseTo(0.4412, 4);
    await expect(step(handle, completeProjectUpdate, LEADER, { reason: '提前结束' })).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
  });

  it('terminates a signed contract with reason and approver; only leadership may', async () => {
    const { projectId, handle } = await toService();
    await expect(step(handle, terminateContractUpdate, ESB, { reason: 'x', approver: 'y' })).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
    await expect(step(handle, terminateContractUpdate, LEADER, { reason: '企业经营困难无法履约' })).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
    await step(handle, terminateContractUpdate, LEADER, { reason: '企业经营困难无法履约', approver: '管委会主任 陈刚' });
    expect(await handle.result()).toMatchObject({ stage: 'terminated', closure: { outcome: 'terminated', approver: '管委会主任 陈刚' } });
    expect((await auditOf(h.dataSource, projectId)).at(-1)).toMatchObject({ action: 'contract.terminated', stage_before: 'service', stage_after: 'terminated' });
  });
});

import type { WorkflowHandle } from '@temporalio/client';
import { useWallClockPolicies } from '../support/sla-policies';
import {
  acceptServiceRequestUpdate,
  raiseServiceRequestUpdate,
  rateServiceRequestUpdate,
  resolveServiceRequestUpdate,
  serviceRequestRegisteredUpdate,
  transferServiceRequestUpdate,
} from '@zs/contracts';
import { eventually } from '../support/eventually';
import { driveToService, ESB, PSB, step } from '../support/lifecycle-journey';
import { auditOf, notificationsOf } from '../support/read-model';
import { OFFICER, startTimeSkippingHarness, type TimeSkippingHarness } from '../support/time-skipping-harness';

const MIN = 60_000;
const HOUR = 60 * MIN;

/** 企业点单 → 部门接单 → 问题销单 → 评价: each request a child workflow with its own clocks. */
describe('post-production service requests (time-skipping)', () => {
  let h: TimeSkippingHarness;
  let restorePolicies: () => Promise<void>;
  beforeAll(async () => {
    h = await startTimeSkippingHarness();
    // the seeded policies count working days; these boundaries are wall-clock hours
    restorePolicies = await useWallClockPolicies(h.dataSource, { service_accept: 24, 'service_resolve:normal': 120, 'service_resolve:complex': 360 });
  });
  afterAll(async () => {
    await restorePolicies?.();
    await h?.teardown();
  });

  async function raise(project: WorkflowHandle, category: 'urgent' | 'normal' | 'complex', title: string) {
    const { workflowId } = await step(project, raiseServiceRequestUpdate, ESB, { category, title, description: `${title}，请协调解决`, department: '自然资源局' });
    const request = h.env.client.workflow.getHandle(workflowId);
    const raised = await request.executeUpdate(serviceRequestRegisteredUpdate);
    let offset = 0;
    const at = async (ms: number) => {
      if (ms > offset) await h.env.sleep(ms - offset);
      offset = Math.max(offset, ms);
    };
    return { request, raised, at };
  }
  const alertsOf = async (projectId: string, requestId: string) =>
    (await notificationsOf(h.dataSource, projectId)).filter((n) => n.dedupe_key.includes(requestId)).map((n) => `${n.kind}:${n.level}:${n.recipient_role}`);
  const waitAlerts = (projectId: string, requestId: string, n: number) =>
    eventually(`${n} alerts`, async () => {
      const rows = await alertsOf(projectId, requestId);
      return rows.length >= n ? rows : undefined;
    });

  it('one request transferred, one reopened after an unsatisfied rating, all in the project history', async () => {
    const { projectId, handle } = await driveToService(h);

    const first = await raise(handle, 'normal', '用电增容');
    const transferred = await step(first.request, transferServiceRequestUpdate, PSB, { toDepartment: '供电公司', reason: '电力增容不属本局职责' });
    expect(transferred).toMatchObject({ department: '供电公司', status: 'dispatched', transfers: [{ from: '自然资源局', to: '供电公司' }] });
    await step(first.request, acceptServiceRequestUpdate, ESB, {});
    await step(first.request, resolveServiceRequestUpdate, ESB, { resolution: '已完成增容至2000kVA' });
    const closed = await step(first.request, rateServiceRequestUpdate, ESB, { rating: 'satisfied' });
    expect(closed.status).toBe('closed');
    expect(await first.request.result()).toMatchObject({ status: 'closed' });

    const second = await raise(handle, 'urgent', '厂区道路积水');
    await step(second.request, acceptServiceRequestUpdate, ESB, {});
    await step(second.request, resolveServiceRequestUpdate, ESB, { resolution: '已疏通排水' });
    const reopened = await step(second.request, rateServiceRequestUpdate, ESB, { rating: 'unsatisfied', comment: '雨后仍积水' });
    expect(reopened).toMatchObject({ status: 'accepted', reopenCount: 1 });
    await step(second.request, resolveServiceRequestUpdate, ESB, { resolution: '新建排水管网' });
    expect((await step(second.request, rateServiceRequestUpdate, ESB, { rating: 'basically_satisfied' })).status).toBe('closed');
    // A closed request's workflow ends once its events are projected (the steps answered before).
    await second.request.result();

    const history = await auditOf(h.dataSource, projectId);
    const service = history.filter((a) => a.action.startsWith('service.')).map((a) => a.action);
    expect(service).toEqual([
      'service.request_raised',
      'service.request_transferred',
      'service.request_accepted',
      'service.request_resolved',
      'service.request_closed',
      'service.request_raised',
      'service.request_accepted',
      'service.request_resolved',
      'service.request_reopened',
      'service.request_resolved',
      'service.request_closed',
    ]);
  });

  it('acceptance: warning at 18 h, escalation at 24 h; a transfer restarts the clock for the new department', async () => {
    const { projectId, handle } = await driveToService(h);
    const { request, raised, at } = await raise(handle, 'normal', '办理施工许可咨询');
    await at(18 * HOUR - MIN);
    expect(await alertsOf(projectId, raised.requestId)).toEqual([]);
    await at(18 * HOUR);
    expect(await waitAlerts(projectId, raised.requestId, 1)).toEqual(['sla.warning:1:enterprise_service_bureau']);
    await at(24 * HOUR);
    expect(await waitAlerts(projectId, raised.requestId, 2)).toContain('sla.escalated:1:enterprise_service_bureau');
    await step(request, transferServiceRequestUpdate, PSB, { toDepartment: '住建局', reason: '施工许可由住建局办理' });
    await at(24 * HOUR + 18 * HOUR - MIN);
    expect(await alertsOf(projectId, raised.requestId)).toHaveLength(2);
    await at(24 * HOUR + 18 * HOUR);
    expect(await waitAlerts(projectId, raised.requestId, 3)).toHaveLength(3);
  });

  it('resolution limit by category: urgent 48 h (escalation at 48 h, not at 47 h 59 min)', async () => {
    const { projectId, handle } = await driveToService(h);
    const { request, raised, at } = await raise(handle, 'urgent', '停水');
    await step(request, acceptServiceRequestUpdate, ESB, {});
    const resolveAlerts = async () => (await alertsOf(projectId, raised.requestId)).filter((a) => a.startsWith('sla.escalated'));
    await at(48 * HOUR - MIN);
    expect(await resolveAlerts()).toEqual([]);
    await at(48 * HOUR);
    await eventually('the resolve escalation', async () => ((await resolveAlerts()).length ? true : undefined));
  });

  it('refuses out-of-order and wrong-role steps without changing anything', async () => {
    const { projectId, handle } = await driveToService(h);
    await expect(step(handle, raiseServiceRequestUpdate, OFFICER, { category: 'normal', title: 't', description: 'd', department: 'x' })).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
    await expect(step(handle, raiseServiceRequestUpdate, ESB, { category: 'whenever', title: 't', description: 'd', department: 'x' })).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
    const { request } = await raise(handle, 'complex', '人才公寓');
    await expect(step(request, resolveServiceRequestUpdate, ESB, { resolution: 'r' })).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
    await expect(step(request, rateServiceRequestUpdate, ESB, { rating: 'satisfied' })).rejects.toMatchObject({ cause: { type: 'WRONG_STAGE' } });
    await expect(step(request, acceptServiceRequestUpdate, OFFICER, {})).rejects.toMatchObject({ cause: { type: 'FORBIDDEN_ROLE' } });
    await expect(step(request, transferServiceRequestUpdate, ESB, { toDepartment: '自然资源局', reason: 'r' })).rejects.toMatchObject({ cause: { type: 'VALIDATION_FAILED' } });
    const actions = (await auditOf(h.dataSource, projectId)).filter((a) => a.action.startsWith('service.')).map((a) => a.action);
    expect(actions).toEqual(['service.request_raised']);
  });
});

import type { Actor } from '../roles';
import { deadlineAt as clockDeadlineAt } from '../sla/sla-clock';
import { SERVICE_ACCEPT_POLICY, SERVICE_RESOLVE_POLICIES } from '../sla/sla-policy';
import { pauseServiceClock } from './service-request-clocks';
import { serviceRequestTaskRecords, serviceRequestTasks } from './service-request-tasks';
import { acceptServiceRequest, raiseServiceRequest, rateServiceRequest, resolveServiceRequest } from './service-request-transitions';

const HOUR_MS = 60 * 60 * 1000;
const T0 = Date.parse('2026-07-01T02:00:00Z');
const esb: Actor = { userId: 'esb-1', role: 'enterprise_service_bureau' };
const leader: Actor = { userId: 'leader-1', role: 'zone_leadership' };
const raised = () => raiseServiceRequest('r1', 'p1', '株洲智造动力科技有限公司', { category: 'normal', title: '用电增容', description: 'd', department: '供电公司' }, esb, T0).state;
const accepted = () => acceptServiceRequest(raised(), {}, esb, T0 + HOUR_MS).state;
const resolved = () => resolveServiceRequest(accepted(), { resolution: '已办结' }, esb, T0 + 2 * HOUR_MS).state;
const brief = (state: Parameters<typeof serviceRequestTasks>[0], now: number) =>
  serviceRequestTasks(state, 'service', now).map((t) => [t.step, t.stepLabel, t.assignee, t.deadlineAt, t.remainingMs, t.overdue]);

describe('serviceRequestTasks', () => {
  it('accept, resolve, rate: each against its clock (the rating without one), for the Enterprise Service Bureau', () => {
    const now = T0 + 3 * HOUR_MS;
    const acceptBy = T0 + SERVICE_ACCEPT_POLICY.budgetMs;
    const resolveBy = T0 + HOUR_MS + SERVICE_RESOLVE_POLICIES.normal.budgetMs;
    expect(brief(raised(), now)).toEqual([['service.accept:r1', '部门接单：用电增容', { role: 'enterprise_service_bureau' }, acceptBy, acceptBy - now, false]]);
    expect(brief(accepted(), now)).toEqual([['service.resolve:r1', '问题销单：用电增容', { role: 'enterprise_service_bureau' }, resolveBy, resolveBy - now, false]]);
    expect(brief(resolved(), now)).toEqual([['service.rate:r1', '服务评价：用电增容', { role: 'enterprise_service_bureau' }, null, null, false]]);
    expect(serviceRequestTasks(raised(), 'construction', now)[0]).toMatchObject({ projectId: 'p1', companyName: '株洲智造动力科技有限公司', stage: 'construction' });
    expect(brief(raised(), acceptBy)[0][5]).toBe(true);
  });

  it('none once closed', () => {
    const closed = rateServiceRequest(resolved(), { rating: 'satisfied' }, esb, T0 + 3 * HOUR_MS).state;
    expect(serviceRequestTasks(closed, 'service', T0)).toEqual([]);
    expect(serviceRequestTaskRecords(closed, 'service')).toEqual([]);
  });

  it('a paused clock: the time left is stored, the deadline counted from now (as deadlineAt(clock, now))', () => {
    const paused = pauseServiceClock(accepted(), { clock: 'service_resolve', reason: '等待环评批复' }, leader, T0 + 2 * HOUR_MS).state;
    const left = SERVICE_RESOLVE_POLICIES.normal.budgetMs - HOUR_MS;
    expect(serviceRequestTaskRecords(paused, 'service')).toEqual([expect.objectContaining({ deadlineAt: null, pausedRemainingMs: left, late: false })]);
    for (const now of [T0, T0 + 5 * HOUR_MS, T0 + 1000 * HOUR_MS]) {
      const [task] = serviceRequestTasks(paused, 'service', now);
      expect(task).toMatchObject({ deadlineAt: clockDeadlineAt(paused.resolveClock!, now), remainingMs: left, overdue: false });
    }
  });
});

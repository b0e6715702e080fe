import { decideIntake, provideIntakeInfo, registerLead } from '../project/intake-transitions';
import type { Actor } from '../roles';
import { projectClockRecords } from './clock-records';

const officer: Actor = { userId: 'o', role: 'investment_officer' };
const taskForce: Actor = { userId: 't', role: 'intake_task_force' };
const lead = {
  companyName: '株洲智造', contactName: 'n', industryChain: 'x', estimatedInvestmentYi: 1, sourceChannel: 'agency' as const,
  infoGrade: 'A' as const, fortune500: false, specializedSme: false, kind: 'new' as const,
};
const H = 3_600_000;

describe('projectClockRecords: the SLA read-model rows an event writes', () => {
  const registered = registerLead('p1', lead, officer, 1000).state;

  it('writes an open clock with its department, deadline and status', () => {
    expect(projectClockRecords('wf', registered, 1000, true)).toEqual([
      expect.objectContaining({ id: 'wf:intake_decision:1000', clock: 'intake_decision', department: '项目承接专班', deadlineAt: 1000 + 48 * H, status: 'running', stoppedAt: null }),
    ]);
  });

  it('shows a paused clock as paused, with its deadline moving', () => {
    const paused = decideIntake(registered, { action: 'request_info', missing: '用地需求' }, taskForce, 2000).state;
    const [row] = projectClockRecords('wf', paused, 2000 + 5 * H, false);
    expect(row).toMatchObject({ status: 'paused', pausedAt: 2000, pausedMs: 5 * H, deadlineAt: 1000 + 48 * H + 5 * H });
    const resumed = provideIntakeInfo(paused, { response: '已补充' }, officer, 2000 + 5 * H).state;
    expect(projectClockRecords('wf', resumed, 2000 + 5 * H, false)[0]).toMatchObject({ status: 'running', pausedAt: null, pausedMs: 5 * H });
  });

  it('writes a clock once more when the event stops it, then never again', () => {
    const accepted = decideIntake(registered, { action: 'accept' }, taskForce, 3000).state;
    expect(projectClockRecords('wf', accepted, 3000, true)).toEqual([expect.objectContaining({ clock: 'intake_decision', status: 'met', stoppedAt: 3000 })]);
    expect(projectClockRecords('wf', { ...accepted, seq: accepted.seq + 1 }, 4000, false)).toEqual([]);
  });

  it('marks the breach with the deadline once the budget is used up, and not a millisecond before', () => {
    const deadline = 1000 + 48 * H;
    expect(projectClockRecords('wf', registered, deadline - 1, false)[0]).toMatchObject({ status: 'running', breachedAt: null });
    expect(projectClockRecords('wf', registered, deadline, false)[0]).toMatchObject({ status: 'overdue', breachedAt: deadline });
    // Paused after the breach (the pause is an event): the breach instant is still the deadline as it was.
    const paused = decideIntake(registered, { action: 'request_info', missing: '补充' }, taskForce, deadline + H).state;
    expect(projectClockRecords('wf', paused, deadline + H, false)[0]).toMatchObject({ status: 'paused', breachedAt: deadline });
  });
});

import { DomainError } from '../errors';
import type { Actor } from '../roles';
import { decideIntake, provideIntakeInfo, registerLead } from './intake-transitions';

const officer: Actor = { userId: 'o', role: 'investment_officer' };
const taskForce: Actor = { userId: 't', role: 'intake_task_force' };
const lead = {
  companyName: 'c', contactName: 'n', industryChain: 'x', estimatedInvestmentYi: 1, sourceChannel: 'agency' as const,
  infoGrade: 'A' as const, fortune500: false, specializedSme: false, kind: 'new' as const,
};
const code = (fn: () => unknown) => {
  try {
    fn();
    return 'ok';
  } catch (e) {
    return e instanceof DomainError ? e.code : String(e);
  }
};

describe('intake transitions', () => {
  const registered = registerLead('p1', lead, officer, 1000).state;

  it('records one audit entry per change with stage before and after', () => {
    const t = decideIntake(registered, { action: 'accept' }, taskForce, 2000);
    expect(t.state.stage).toBe('negotiation');
    expect(t.audit).toMatchObject({ seq: 2, action: 'intake.accepted', stageBefore: 'intake', stageAfter: 'negotiation', actor: taskForce });
  });

  it('refuses wrong role, wrong stage and invalid input', () => {
    expect(code(() => registerLead('p', lead, { userId: 'a', role: 'auditor' }, 0))).toBe('FORBIDDEN_ROLE');
    expect(code(() => decideIntake(registered, { action: 'accept' }, officer, 2000))).toBe('FORBIDDEN_ROLE');
    expect(code(() => decideIntake(registered, { action: 'reject', reason: '  ' }, taskForce, 2000))).toBe('VALIDATION_FAILED');
    expect(code(() => decideIntake(registered, { action: 'request_info' }, taskForce, 2000))).toBe('VALIDATION_FAILED');
    const accepted = decideIntake(registered, { action: 'accept' }, taskForce, 2000).state;
    expect(code(() => decideIntake(accepted, { action: 'reject', reason: 'r' }, taskForce, 3000))).toBe('WRONG_STAGE');
    expect(code(() => provideIntakeInfo(registered, { response: 'r' }, officer, 3000))).toBe('WRONG_STAGE');
  });

  it('allows one open information request at a time and resumes on the answer', () => {
    const asked = decideIntake(registered, { action: 'request_info', missing: 'm' }, taskForce, 2000).state;
    expect(code(() => decideIntake(asked, { action: 'request_info', missing: 'again' }, taskForce, 2500))).toBe('WRONG_STAGE');
    const answered = provideIntakeInfo(asked, { response: 'r' }, officer, 5000);
    expect(answered.state.intake.clock).toMatchObject({ pausedAt: null, pausedMs: 3000 });
    expect(answered.audit.payload).toMatchObject({ clockAction: 'resumed', pausedForMs: 3000 });
  });
});

import { registerLead, decideIntake } from '../project/intake-transitions';
import type { ProjectState } from '../project/project-state';
import type { Lead } from '../lead';
import { authorizeCommissionerAssignment, authorizeConstructionStep, authorizeOwnerStep, authorizeProjectClock, authorizeServiceClock, projectRuleFacts } from './state-rules';

const officer = { userId: 'u-officer', role: 'investment_officer' as const };
const taskForce = { userId: 'u-tf', role: 'intake_task_force' as const };
const lead = { companyName: '株洲示例有限公司' } as unknown as Lead;

describe('the rules read from a project state', () => {
  const registered = registerLead('p1', lead, officer, 0).state;
  it('reads owner, commissioner and the open information request', () => {
    expect(projectRuleFacts(registered)).toEqual({ ownerUserId: 'u-officer', commissionerUserId: null, infoRequestOpen: false });
    const asked = decideIntake(registered, { action: 'request_info', missing: '财务报表' }, taskForce, 1).state;
    expect(projectRuleFacts(asked).infoRequestOpen).toBe(true);
    const named: ProjectState = { ...registered, handover: { clock: registered.intake.clock, commissioner: { userId: 'u-zhang', name: '张', assignedBy: officer, assignedAt: 1 } } };
    expect(projectRuleFacts(named).commissionerUserId).toBe('u-zhang');
    expect(() => authorizeConstructionStep(named, {}, { userId: 'u-zhang', role: 'project_service_bureau' })).not.toThrow();
    expect(() => authorizeConstructionStep(named, {}, { userId: 'u-wang', role: 'project_service_bureau' })).toThrow(/建设步骤限项目专员/);
    expect(() => authorizeCommissionerAssignment(named, {}, { userId: 'u-wang', role: 'project_service_bureau' })).toThrow(/更换项目专员/);
  });
  it('refuses through the adapters with FORBIDDEN_NOT_OWNER', () => {
    expect(() => authorizeOwnerStep(registered, {}, officer)).not.toThrow();
    expect(() => authorizeOwnerStep(registered, {}, { userId: 'u-x', role: 'investment_officer' })).toThrow(expect.objectContaining({ code: 'FORBIDDEN_NOT_OWNER' }));
    expect(() => authorizeProjectClock('pause')(registered, { clock: 'intake_decision', reason: 'x' }, taskForce)).toThrow(/暂停计时须符合/);
    expect(() => authorizeProjectClock('pause')(registered, { clock: 'intake_decision', reason: 'x' }, { userId: 'u-esb', role: 'enterprise_service_bureau' })).toThrow(/限时限责任方/);
    expect(() => authorizeServiceClock('pause')({} as never, { clock: 'service_accept', reason: 'x' }, { userId: 'u-esb', role: 'enterprise_service_bureau' })).not.toThrow();
  });
});

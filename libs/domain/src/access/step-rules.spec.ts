import { DomainError, ERROR_CODES } from '../errors';
import {
  clockPauseVerdict,
  commissionerAssignmentVerdict,
  constructionStepVerdict,
  enforceRule,
  namedPersonProblems,
  ownerStepVerdict,
  type RuleActor,
  type RuleVerdict,
} from './step-rules';

const officer: RuleActor = { userId: 'u-officer', role: 'investment_officer' };
const otherOfficer: RuleActor = { userId: 'u-officer-2', role: 'investment_officer' };
const ecbHead: RuleActor = { userId: 'u-ecb-head', role: 'economic_cooperation_bureau_head' };
const commissioner: RuleActor = { userId: 'u-zhang', role: 'project_service_bureau' };
const otherPsb: RuleActor = { userId: 'u-wang', role: 'project_service_bureau' };
const leader: RuleActor = { userId: 'u-leader', role: 'zone_leadership' };
const taskForce: RuleActor = { userId: 'u-tf', role: 'intake_task_force' };
const esb: RuleActor = { userId: 'u-esb', role: 'enterprise_service_bureau' };

const refusedBy = (v: RuleVerdict) => (v.allowed ? null : v.rule);

describe('owner steps (information, contacts, conclude/lost, contract)', () => {
  const project = { ownerUserId: officer.userId };
  it('allows the owning officer and the Economic Cooperation Bureau head', () => {
    expect(ownerStepVerdict(officer, project)).toEqual({ allowed: true });
    expect(ownerStepVerdict(ecbHead, project)).toEqual({ allowed: true });
  });
  it("refuses another officer (one officer marking another's lead lost)", () => {
    const v = ownerStepVerdict(otherOfficer, project);
    expect(refusedBy(v)).toBe('owner_step');
    expect(v.allowed ? '' : v.message).toContain('洽谈步骤限项目负责人');
  });
  it('accepts a department scope without requiring it', () => {
    expect(ownerStepVerdict({ ...officer, scope: { departmentIds: ['招商一局'], teamIds: ['t1'] } }, project)).toEqual({ allowed: true });
    expect(refusedBy(ownerStepVerdict({ ...otherOfficer, scope: { departmentIds: ['招商一局'] } }, project))).toBe('owner_step');
  });
});

describe('construction steps (plan, rebaseline, milestones, progress, production)', () => {
  it('allows the named commissioner and the bureau head (zone leadership)', () => {
    expect(constructionStepVerdict(commissioner, { commissionerUserId: 'u-zhang' })).toEqual({ allowed: true });
    expect(constructionStepVerdict(leader, { commissionerUserId: 'u-zhang' })).toEqual({ allowed: true });
    expect(constructionStepVerdict(leader, { commissionerUserId: null })).toEqual({ allowed: true });
  });
  it('refuses another bureau member, and every member while no commissioner is named', () => {
    expect(refusedBy(constructionStepVerdict(otherPsb, { commissionerUserId: 'u-zhang' }))).toBe('construction_step');
    const none = constructionStepVerdict(commissioner, { commissionerUserId: null });
    expect(refusedBy(none)).toBe('construction_step');
    expect(none.allowed ? '' : none.message).toContain('尚未指派项目专员');
  });
  it('refuses the Economic Cooperation Bureau head (not the head of this bureau)', () => {
    expect(refusedBy(constructionStepVerdict(ecbHead, { commissionerUserId: 'u-zhang' }))).toBe('construction_step');
  });
});

describe('naming the commissioner', () => {
  it('lets the bureau name the first one, and the head at any time', () => {
    expect(commissionerAssignmentVerdict(otherPsb, { commissionerUserId: null })).toEqual({ allowed: true });
    expect(commissionerAssignmentVerdict(leader, { commissionerUserId: null })).toEqual({ allowed: true });
    expect(commissionerAssignmentVerdict(leader, { commissionerUserId: 'u-zhang' })).toEqual({ allowed: true });
  });
  it('refuses a member (even the commissioner) changing a named commissioner', () => {
    expect(refusedBy(commissionerAssignmentVerdict(otherPsb, { commissionerUserId: 'u-zhang' }))).toBe('commissioner_reassignment');
    expect(refusedBy(commissionerAssignmentVerdict(commissioner, { commissionerUserId: 'u-zhang' }))).toBe('commissioner_reassignment');
  });
});

describe('pausing and resuming clocks', () => {
  it('lets the task force pause its intake clock only while an information request is open, and resume it', () => {
    expect(clockPauseVerdict(taskForce, { clock: 'intake_decision', action: 'pause', infoRequestOpen: true })).toEqual({ allowed: true });
    expect(refusedBy(clockPauseVerdict(taskForce, { clock: 'intake_decision', action: 'pause', infoRequestOpen: false }))).toBe('clock_pause_reason');
    expect(refusedBy(clockPauseVerdict(leader, { clock: 'intake_decision', action: 'pause', infoRequestOpen: false }))).toBe('clock_pause_reason');
    expect(clockPauseVerdict(taskForce, { clock: 'intake_decision', action: 'resume', infoRequestOpen: false })).toEqual({ allowed: true });
  });
  it("refuses another bureau on the task force's clock (the owner check comes first)", () => {
    for (const actor of [esb, ecbHead, commissioner, officer]) {
      expect(refusedBy(clockPauseVerdict(actor, { clock: 'intake_decision', action: 'pause', infoRequestOpen: true }))).toBe('clock_owner');
      expect(refusedBy(clockPauseVerdict(actor, { clock: 'intake_decision', action: 'resume' }))).toBe('clock_owner');
    }
  });
  it('gives each other clock to its bureau, zone leadership overriding', () => {
    expect(clockPauseVerdict(commissioner, { clock: 'commissioner_assignment', action: 'pause' })).toEqual({ allowed: true });
    expect(refusedBy(clockPauseVerdict(taskForce, { clock: 'commissioner_assignment', action: 'pause' }))).toBe('clock_owner');
    expect(refusedBy(clockPauseVerdict(esb, { clock: 'commissioner_assignment', action: 'resume' }))).toBe('clock_owner');
    for (const clock of ['service_accept', 'service_resolve']) {
      expect(clockPauseVerdict(esb, { clock, action: 'pause' })).toEqual({ allowed: true });
      expect(clockPauseVerdict(otherPsb, { clock, action: 'resume' })).toEqual({ allowed: true });
      expect(refusedBy(clockPauseVerdict(taskForce, { clock, action: 'pause' }))).toBe('clock_owner');
    }
    for (const clock of ['intake_decision', 'commissioner_assignment', 'service_accept', 'service_resolve']) {
      expect(clockPauseVerdict(leader, { clock, action: 'resume' })).toEqual({ allowed: true });
    }
  });
});

describe('enforceRule', () => {
  it('throws FORBIDDEN_NOT_OWNER with the Chinese message naming the rule, and nothing when allowed', () => {
    expect(() => enforceRule({ allowed: true })).not.toThrow();
    let thrown: unknown;
    try {
      enforceRule(ownerStepVerdict(otherOfficer, { ownerUserId: officer.userId }));
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: ERROR_CODES.FORBIDDEN_NOT_OWNER, text: { zh: expect.stringMatching(/^违反规则「洽谈步骤限项目负责人」/), en: expect.stringMatching(/^rule /) } });
  });
});

describe('named people', () => {
  const roles = new Map([
    ['u-zhang', 'project_service_bureau'],
    ['u-esb', 'enterprise_service_bureau'],
    ['u-audit', 'auditor'],
  ]);
  it('accepts active users of the right role', () => {
    expect(namedPersonProblems([{ field: 'commissionerUserId', userId: 'u-zhang', kind: 'commissioner' }], roles)).toEqual([]);
    expect(namedPersonProblems([{ field: 'nodes[1].responsibleUserId', userId: 'u-esb', kind: 'responsible' }], roles)).toEqual([]);
  });
  it('names the field of an unknown or inactive user and of the wrong role, in Chinese', () => {
    expect(
      namedPersonProblems(
        [
          { field: 'commissionerUserId', userId: 'no-such-user-!!', kind: 'commissioner' },
          { field: 'commissionerUserId', userId: 'u-esb', kind: 'commissioner' },
          { field: 'nodes[0].responsibleUserId', userId: 'u-audit', kind: 'responsible' },
        ],
        roles,
      ),
    ).toEqual([
      { field: 'commissionerUserId', message: { zh: '{field}不是系统中在职的用户', en: '{field} (commissioner) is not an active user' } },
      { field: 'commissionerUserId', message: { zh: '{field}的角色须为项目服务局之一', en: '{field} (commissioner) must have one of the roles project_service_bureau' } },
      { field: 'nodes[0].responsibleUserId', message: expect.objectContaining({ zh: expect.stringMatching(/^\{field\}的角色须为招商专员、/) }) },
    ]);
  });
});

import { MILESTONE_KINDS, PERMISSIONS } from '@zs/domain';
import { availableSteps, PROJECT_STEP_ROUTES, stepForParam, stepParam, type StepProject } from './project-steps';

const OWNER = { id: 'u-officer', role: 'investment_officer' };
const OTHER_OFFICER = { id: 'u-other', role: 'investment_officer' };
const TASK_FORCE = { id: 'u-tf', role: 'intake_task_force' };
const ECB_HEAD = { id: 'u-ecb', role: 'economic_cooperation_bureau_head' };
const PSB = { id: 'u-psb', role: 'project_service_bureau' };
const COMMISSIONER = { id: 'u-zhang', role: 'project_service_bureau' };
const ESB = { id: 'u-esb', role: 'enterprise_service_bureau' };
const LEADER = { id: 'u-leader', role: 'zone_leadership' };
const AUDITOR = { id: 'u-audit', role: 'auditor' };

function project(overrides: Partial<StepProject> = {}): StepProject {
  return {
    stage: 'intake',
    registeredBy: { userId: OWNER.id },
    intake: { infoRequests: [] },
    handover: null,
    construction: null,
    fulfilment: null,
    clocks: [{ clock: 'intake_decision', paused: false, stoppedAt: null }],
    ownership: { reporter: { userId: OWNER.id }, owner: { userId: OWNER.id } },
    firstTax: null,
    ...overrides,
  };
}

const ids = (p: StepProject, user: { id: string; role: string }) => availableSteps(p, user).map((s) => s.param);

const signed = (overrides: Partial<StepProject> = {}) =>
  project({
    stage: 'construction',
    clocks: [
      { clock: 'intake_decision', paused: false, stoppedAt: '2026-03-01T00:00:00.000Z' },
      { clock: 'commissioner_assignment', paused: false, stoppedAt: null },
    ],
    handover: { commissioner: null },
    ...overrides,
  });
const planned = (completed: readonly string[], commissioner = COMMISSIONER.id) =>
  signed({
    handover: { commissioner: { userId: commissioner } },
    clocks: [{ clock: 'commissioner_assignment', paused: false, stoppedAt: '2026-03-02T00:00:00.000Z' }],
    construction: { nodes: MILESTONE_KINDS.map((kind) => ({ kind, completedOn: completed.includes(kind) ? '2026-03-03' : null })) },
  });

describe('the steps a user may take now', () => {
  it('mirrors the catalogue: every permission is one of the domain table', () => {
    for (const { permission } of Object.values(PROJECT_STEP_ROUTES)) expect(Object.keys(PERMISSIONS)).toContain(permission);
    expect(stepParam('completeMilestone', { kind: 'land_handover' })).toBe('milestones/land_handover/complete');
    expect(stepParam('pauseProjectClock', { clock: 'commissioner_assignment' })).toBe('clocks/commissioner_assignment/pause');
  });

  it('intake: the task force decides; the owner answers only an open information request; the intake clock is not paused at will', () => {
    expect(ids(project(), TASK_FORCE)).toEqual(['intake-decision']);
    expect(ids(project(), OWNER)).toEqual(['visits']);
    const asked = project({ intake: { infoRequests: [{ providedAt: null }] }, clocks: [{ clock: 'intake_decision', paused: true, stoppedAt: null }] });
    expect(ids(asked, OWNER)).toEqual(['intake-info', 'visits']);
    expect(ids(asked, OTHER_OFFICER)).toEqual([]);
    expect(ids(asked, ECB_HEAD)).toEqual(['intake-info', 'visits', 'ownership']);
    expect(ids(asked, TASK_FORCE)).toEqual(['intake-decision', 'clocks/intake_decision/resume']);
    expect(ids(project(), AUDITOR)).toEqual([]);
  });

  it('negotiation and signing: the owner (or the bureau head), not another officer', () => {
    const negotiation = project({ stage: 'negotiation', clocks: [{ clock: 'intake_decision', paused: false, stoppedAt: '2026-03-01T00:00:00.000Z' }] });
    expect(ids(negotiation, OWNER)).toEqual(['negotiation-contacts', 'negotiation-outcome', 'visits']);
    expect(ids(negotiation, OTHER_OFFICER)).toEqual([]);
    expect(ids({ ...negotiation, stage: 'signing' }, OWNER)).toEqual(['contract', 'visits']);
    expect(ids({ ...negotiation, stage: 'signing' }, TASK_FORCE)).toEqual([]);
  });

  it('construction without a commissioner: the bureau names one (and pauses its clock); the plan waits for the commissioner or the head', () => {
    expect(ids(signed(), PSB)).toEqual(['commissioner', 'funds', 'clocks/commissioner_assignment/pause']);
    expect(ids(signed(), LEADER)).toEqual(['commissioner', 'milestone-plan', 'clocks/commissioner_assignment/pause', 'visits', 'ownership', 'termination']);
    expect(ids(signed(), OWNER)).toEqual(['funds', 'visits']);
    expect(ids(signed(), ESB)).toEqual(['first-tax', 'funds']);
  });

  it('construction with a plan: the commissioner completes each open node but production, which comes once every other node is done', () => {
    const nodes = MILESTONE_KINDS.filter((k) => k !== 'production');
    expect(ids(planned(['company_registration']), COMMISSIONER)).toEqual([
      ...nodes.filter((k) => k !== 'company_registration').map((k) => `milestones/${k}/complete`),
      'progress',
      'milestone-plan/rebaseline',
      'funds',
    ]);
    // Another member of the bureau may not; nor may the bureau reassign the commissioner.
    expect(ids(planned([]), PSB)).toEqual(['funds']);
    expect(ids(planned(nodes), COMMISSIONER)).toEqual(['production', 'progress', 'milestone-plan/rebaseline', 'funds']);
    expect(ids(planned(nodes), LEADER)).toContain('commissioner');
  });

  it('service: fulfilment checks by the Enterprise Service Bureau; completion by leadership after a fulfilled check; first tax once', () => {
    const service = (fulfilled: boolean[], firstTax: object | null = null) =>
      project({ stage: 'service', clocks: [], handover: { commissioner: { userId: COMMISSIONER.id } }, fulfilment: { checks: fulfilled.map((f) => ({ fulfilled: f })) }, firstTax });
    expect(ids(service([]), ESB)).toEqual(['fulfilment-checks', 'service-requests', 'first-tax', 'funds']);
    expect(ids(service([false]), LEADER)).toEqual(['visits', 'ownership', 'termination']);
    expect(ids(service([false, true]), LEADER)).toEqual(['completion', 'visits', 'ownership', 'termination']);
    expect(ids(service([], { date: '2026-05-01' }), ESB)).toEqual(['fulfilment-checks', 'service-requests', 'funds']);
  });

  it('an ended project offers nothing', () => {
    for (const stage of ['rejected', 'lost', 'completed', 'terminated'] as const) {
      for (const user of [OWNER, TASK_FORCE, ECB_HEAD, PSB, ESB, LEADER]) expect(ids(project({ stage, clocks: [] }), user)).toEqual([]);
    }
  });

  it('finds the step an address names only when the user may take it now', () => {
    const steps = availableSteps(planned([]), COMMISSIONER);
    expect(stepForParam(steps, 'milestones/land_handover/complete')).toMatchObject({ id: 'completeMilestone', kind: 'land_handover' });
    expect(stepForParam(steps, 'intake-decision')).toBeNull();
    expect(stepForParam(steps, null)).toBeNull();
  });
});

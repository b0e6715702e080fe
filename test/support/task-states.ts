import { randomUUID } from 'node:crypto';
import { projectWorkflowId, serviceRequestWorkflowId } from '@zs/contracts';
import {
  acceptServiceRequest,
  assignCommissioner,
  completeMilestone,
  concludeNegotiation,
  decideIntake,
  establishMilestonePlan,
  MILESTONE_KINDS,
  missFollowUp,
  pauseProjectClock,
  pauseServiceClock,
  raiseServiceRequest,
  rateServiceRequest,
  recordProduction,
  registerLead,
  resolveServiceRequest,
  signContract,
  type Actor,
  type AuditEntry,
  type MilestoneKind,
  type ProjectState,
  type ServiceRequestState,
} from '@zs/domain';
import { datesFrom } from './relative-dates';
import { sampleContract } from './sample-contract';
import { sampleLead } from './sample-lead';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The people of the work-queue fixtures (ids of their own: the states never meet the users table). */
export const TASK_PEOPLE = {
  officer1: { userId: 'u-tq-officer-1', role: 'investment_officer' },
  officer2: { userId: 'u-tq-officer-2', role: 'investment_officer' },
  taskForce: { userId: 'u-tq-taskforce', role: 'intake_task_force' },
  ecbHead: { userId: 'u-tq-ecb-head', role: 'economic_cooperation_bureau_head' },
  psb1: { userId: 'u-tq-psb-1', role: 'project_service_bureau' },
  psb2: { userId: 'u-tq-psb-2', role: 'project_service_bureau' },
  psb3: { userId: 'u-tq-psb-3', role: 'project_service_bureau' },
  /** A lead reported by the bureau under 全民招商: its owner steps go to the ECB head. */
  psbReporter: { userId: 'u-tq-psb-9', role: 'project_service_bureau' },
  esb: { userId: 'u-tq-esb-1', role: 'enterprise_service_bureau' },
  leader: { userId: 'u-tq-leader', role: 'zone_leadership' },
  auditor: { userId: 'u-tq-auditor', role: 'auditor' },
  admin: { userId: 'u-tq-admin', role: 'admin' },
} satisfies Record<string, Actor>;

const P = TASK_PEOPLE;

/** Who takes the owner's steps: the officer who registered the lead, or the ECB head for a reporter who may not. */
const ownerOf = (s: ProjectState): Actor => (s.registeredBy.role === 'investment_officer' ? s.registeredBy : P.ecbHead);

/** One project as its workflow leaves it, and its service requests (each its own workflow). */
export interface ProjectFixture {
  name: string;
  workflowId: string;
  state: ProjectState;
  requests: Array<{ workflowId: string; state: ServiceRequestState }>;
}

/** A step's outcome: the state after it and its audit event (what the projection receives). */
export interface Stepped<S> {
  state: S;
  audit: AuditEntry;
}

/**
 * The project's transitions from registration (time `t0`), through the domain (no workflow): what
 * the projection would be handed after each step.
 */
export class ProjectSteps {
  readonly projectId = randomUUID();
  readonly workflowId = projectWorkflowId(this.projectId);
  readonly steps: Array<Stepped<ProjectState>>;

  constructor(readonly t0: number, owner: Actor = P.officer1) {
    this.steps = [registerLead(this.projectId, sampleLead(), owner, t0)];
  }

  get state(): ProjectState {
    return this.steps[this.steps.length - 1].state;
  }

  /** Applies a transition of the domain at `hoursAfter` hours after registration. */
  step(transition: (state: ProjectState, at: number) => Stepped<ProjectState>, hoursAfter: number): this {
    this.steps.push(transition(this.state, this.t0 + hoursAfter * HOUR_MS));
    return this;
  }

  accepted(hours = 1): this {
    return this.step((s, at) => decideIntake(s, { action: 'accept' }, P.taskForce, at), hours);
  }

  /** Proceeds (half an hour before) and signs the contract on the registration day, both by the owner (or the ECB head for them). */
  signed(hours = 3): this {
    const { day } = datesFrom(this.t0);
    const contract = sampleContract({ signedOn: day(0), committed: { constructionStart: day(10), equipmentEntry: day(40), production: day(120), firstTax: day(200) } }, this.t0);
    return this.step((s, at) => concludeNegotiation(s, { outcome: 'proceed' }, ownerOf(s), at), hours - 0.5).step((s, at) => signContract(s, contract, ownerOf(s), at), hours);
  }

  /** The commissioner (psb1) named and every node planned: company registration psb3's, land handover the ESB colleague's, the rest psb2's. */
  planned(hours = 5): this {
    const responsible = (kind: MilestoneKind): Actor => (kind === 'company_registration' ? P.psb3 : kind === 'land_handover' ? P.esb : P.psb2);
    return this.step((s, at) => assignCommissioner(s, { commissionerUserId: P.psb1.userId, commissionerName: '刘洋' }, P.psb1, at), hours - 1).step(
      (s, at) => establishMilestonePlan(s, { nodes: MILESTONE_KINDS.map((kind) => ({ kind, responsibleUserId: responsible(kind).userId, responsibleName: '张三' })) }, P.psb1, at),
      hours,
    );
  }

  /** Every node but production completed on the registration day. */
  allButProduction(hours = 6): this {
    const { day } = datesFrom(this.t0);
    for (const kind of MILESTONE_KINDS.filter((k) => k !== 'production')) {
      this.step((s, at) => completeMilestone(s, { kind, completedOn: day(0), evidence: '验收单' }, P.psb1, at), hours);
    }
    return this;
  }

  inService(hours = 7): this {
    const { day } = datesFrom(this.t0);
    return this.allButProduction(hours - 1).step((s, at) => recordProduction(s, { actualDate: day(0), evidence: '投产仪式' }, P.psb1, at), hours);
  }
}

/** A service request's states after each of its steps, raised on `project` at `at`. */
export class RequestSteps {
  readonly requestId = randomUUID();
  readonly workflowId = serviceRequestWorkflowId(this.requestId);
  readonly steps: Array<Stepped<ServiceRequestState>>;

  constructor(project: ProjectState, at: number, title = '用电增容') {
    this.steps = [
      raiseServiceRequest(this.requestId, project.projectId, project.lead.companyName, { category: 'normal', title, description: '二期产线需增容', department: '供电公司' }, P.esb, at),
    ];
  }

  get state(): ServiceRequestState {
    return this.steps[this.steps.length - 1].state;
  }

  step(transition: (state: ServiceRequestState) => Stepped<ServiceRequestState>): this {
    this.steps.push(transition(this.state));
    return this;
  }
}

/**
 * A zone of projects in every situation the work queue knows, registered from `t0`: intake (running,
 * equal deadlines, information requested, the clock paused with time left or none, an owner who may
 * not answer), negotiation (on time; a missed follow-up: late with its deadline ahead of a nearer one
 * that is not), signing, construction (before the
 * commissioner, the handover clock paused, planned with nodes for three people, only production
 * left), service with requests (dispatched, paused, accepted, resolved, closed), a construction
 * project with two requests awaiting their rating (ties: the project's task first, then by request),
 * and the terminal stages.
 */
export function workQueueZone(t0: number): ProjectFixture[] {
  const fixture = (name: string, p: ProjectSteps, requests: RequestSteps[] = []): ProjectFixture => ({
    name,
    workflowId: p.workflowId,
    state: p.state,
    requests: requests.map((r) => ({ workflowId: r.workflowId, state: r.state })),
  });
  const pause = (clock: 'intake_decision' | 'commissioner_assignment', who: Actor) => (s: ProjectState, at: number) =>
    pauseProjectClock(s, { clock, reason: '等待企业提供材料' }, who, at);

  const service = new ProjectSteps(t0).accepted().signed().planned().inService();
  const serviceAt = t0 + 8 * HOUR_MS;
  const construction = new ProjectSteps(t0).accepted().signed();
  const resolved = (title: string) =>
    new RequestSteps(construction.state, serviceAt, title)
      .step((s) => acceptServiceRequest(s, {}, P.esb, serviceAt + HOUR_MS))
      .step((s) => resolveServiceRequest(s, { resolution: '已办结' }, P.esb, serviceAt + 2 * HOUR_MS));

  return [
    fixture('intake', new ProjectSteps(t0)),
    fixture('intake, same deadline', new ProjectSteps(t0, P.officer2)),
    fixture('intake, half an hour later', new ProjectSteps(t0 + HOUR_MS / 2)),
    fixture('intake, information requested', new ProjectSteps(t0).step((s, at) => decideIntake(s, { action: 'request_info', missing: '近三年财务报表' }, P.taskForce, at), 1)),
    fixture('intake, clock paused', new ProjectSteps(t0).step(pause('intake_decision', P.leader), 2)),
    fixture('intake, clock paused after its deadline', new ProjectSteps(t0).step(pause('intake_decision', P.leader), 50)),
    fixture('intake, owner may not answer', new ProjectSteps(t0, P.psbReporter).step((s, at) => decideIntake(s, { action: 'request_info', missing: '用地需求' }, P.taskForce, at), 1)),
    fixture('negotiation', new ProjectSteps(t0, P.officer2).accepted()),
    fixture('negotiation, accepted later', new ProjectSteps(t0).accepted(20)),
    fixture('negotiation, follow-up missed', new ProjectSteps(t0).accepted().step((s, at) => missFollowUp(s, { userId: 'system', role: 'system' }, at), 25)),
    fixture('signing', new ProjectSteps(t0, P.officer2).accepted().step((s, at) => concludeNegotiation(s, { outcome: 'proceed' }, P.officer2, at), 2)),
    fixture('construction, before the commissioner', new ProjectSteps(t0).accepted().signed()),
    fixture('construction, handover clock paused', new ProjectSteps(t0).accepted().signed().step(pause('commissioner_assignment', P.psb1), 4)),
    fixture('construction, planned', new ProjectSteps(t0).accepted().signed().planned()),
    fixture('construction, only production left', new ProjectSteps(t0).accepted().signed().planned().allButProduction()),
    fixture('service, with requests', service, [
      new RequestSteps(service.state, serviceAt, '用电增容'),
      new RequestSteps(service.state, serviceAt, '道路硬化').step((s) => pauseServiceClock(s, { clock: 'service_accept', reason: '等待企业补充负荷清单' }, P.leader, serviceAt + HOUR_MS)),
      new RequestSteps(service.state, serviceAt, '燃气接入').step((s) => acceptServiceRequest(s, {}, P.esb, serviceAt + HOUR_MS)),
      new RequestSteps(service.state, serviceAt, '排污许可')
        .step((s) => acceptServiceRequest(s, {}, P.esb, serviceAt + HOUR_MS))
        .step((s) => pauseServiceClock(s, { clock: 'service_resolve', reason: '等待环评批复' }, P.leader, serviceAt + 2 * HOUR_MS)),
      new RequestSteps(service.state, serviceAt, '人才公寓')
        .step((s) => acceptServiceRequest(s, {}, P.esb, serviceAt + HOUR_MS))
        .step((s) => resolveServiceRequest(s, { resolution: '已安排' }, P.esb, serviceAt + 2 * HOUR_MS))
        .step((s) => rateServiceRequest(s, { rating: 'satisfied' }, P.esb, serviceAt + 3 * HOUR_MS)),
    ]),
    fixture('construction, two requests awaiting their rating', construction, [resolved('供水扩容'), resolved('宽带接入')]),
    fixture('rejected', new ProjectSteps(t0).step((s, at) => decideIntake(s, { action: 'reject', reason: '不符合产业定位' }, P.taskForce, at), 1)),
    fixture('lost', new ProjectSteps(t0).accepted().step((s, at) => concludeNegotiation(s, { outcome: 'lost', reason: '投资方另选他地' }, P.officer1, at), 2)),
  ];
}

export { DAY_MS, HOUR_MS };

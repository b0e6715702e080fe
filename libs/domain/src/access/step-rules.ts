import { DomainError, ERROR_CODES } from '../errors';
import { ROLE_LABELS, type Role } from '../roles';
import type { ServiceRequestState } from '../service/service-request-state';
import { CLOCK_LABELS, type ClockName } from '../sla/sla-policy';
import { localized, type Localized } from '../i18n/localized';

/**
 * Per-person and per-owner rules (issue 9, item 6): beyond the role table (permissions.ts), who of
 * that role may act on *this* project. Pure; the workflows' update validators apply them to the
 * state they hold, so the API and every other caller get the same answer. Handlers never apply
 * them (a refused update leaves no history), so recorded histories replay unchanged.
 *
 * "Bureau head": the Economic Cooperation Bureau has its head role (经济合作局局长). The Project
 * Service Bureau, the Enterprise Service Bureau and the intake task force have none; the closest
 * existing concept is zone leadership (管委会领导), the bureaus' superiors and the last level of
 * their escalation ladders (commissioner clock, milestones, service clocks).
 */

/** Where the actor sits; accepted by every rule, required by none yet (departments and teams are not modelled). */
export interface ActorScope {
  departmentIds?: readonly string[];
  teamIds?: readonly string[];
}

/** Who asks. `scope` is where a department or team rule will plug in later. */
export interface RuleActor {
  userId: string;
  role: Role | string;
  scope?: ActorScope;
  /** The actor's department by name (issue 10; Actor.departmentName), read by the department scope of service requests. */
  departmentName?: string | null;
}

export type StepRule = 'owner_step' | 'construction_step' | 'commissioner_reassignment' | 'clock_owner' | 'clock_pause_reason' | 'department_scope';

/** The Chinese name of each rule, as refusals quote it. */
export const STEP_RULE_LABELS: Record<StepRule, string> = {
  owner_step: '洽谈步骤限项目负责人',
  construction_step: '建设步骤限项目专员',
  commissioner_reassignment: '更换项目专员限局负责人',
  clock_owner: '暂停/恢复计时限时限责任方',
  clock_pause_reason: '暂停计时须符合该时限允许的事由',
  department_scope: '服务请求限承办部门办理',
};

/** The same rules in English, for callers who ask for it. */
const STEP_RULE_LABELS_EN: Record<StepRule, string> = {
  owner_step: 'negotiation steps are the owner\'s',
  construction_step: 'construction steps are the commissioner\'s',
  commissioner_reassignment: 'only the bureau head replaces a commissioner',
  clock_owner: 'a clock is paused or resumed by the party it counts for',
  clock_pause_reason: 'a pause needs a reason the clock allows',
  department_scope: 'a service request is handled by the department it is dispatched to',
};

export type RuleVerdict = { allowed: true } | { allowed: false; rule: StepRule; message: string; text: Localized };

const ALLOWED: RuleVerdict = { allowed: true };
const refused = (rule: StepRule, why: string, whyEn: string): RuleVerdict => ({
  allowed: false,
  rule,
  message: `违反规则「${STEP_RULE_LABELS[rule]}」：${why}`,
  text: localized(`违反规则「${STEP_RULE_LABELS[rule]}」：${why}`, `rule "${STEP_RULE_LABELS_EN[rule]}": ${whyEn}`),
});

/** The head who may take over the steps of the lead's owner (also OWNER_FALLBACK_ROLE of the work queue). */
export const NEGOTIATION_HEAD_ROLE: Role = 'economic_cooperation_bureau_head';
/** The Project Service Bureau's head: no such role exists; zone leadership is the closest (see above). */
export const CONSTRUCTION_HEAD_ROLE: Role = 'zone_leadership';

/** What the rules need to know of a project; read from the workflow's state by projectRuleFacts. */
export interface ProjectRuleFacts {
  /** The officer who registered the lead (its owner until signing). */
  ownerUserId: string;
  /** The named 项目专员, or null while none is named. */
  commissionerUserId: string | null;
  /** An information request of the task force is unanswered. */
  infoRequestOpen: boolean;
}

/** The owner's steps (information for the task force, contacts, conclude/lost, the contract): the owner or the ECB head. */
export function ownerStepVerdict(actor: RuleActor, project: Pick<ProjectRuleFacts, 'ownerUserId'>): RuleVerdict {
  if (actor.role === NEGOTIATION_HEAD_ROLE || actor.userId === project.ownerUserId) return ALLOWED;
  return refused('owner_step', '只有登记该线索的项目负责人或经济合作局局长可以办理', 'only the officer who registered the lead or the Economic Cooperation Bureau head may take it');
}

/** Construction steps (plan, rebaseline, milestones, progress, production): the named commissioner or the bureau head. */
export function constructionStepVerdict(actor: RuleActor, project: Pick<ProjectRuleFacts, 'commissionerUserId'>): RuleVerdict {
  if (actor.role === CONSTRUCTION_HEAD_ROLE) return ALLOWED;
  if (project.commissionerUserId !== null && actor.userId === project.commissionerUserId) return ALLOWED;
  return refused(
    'construction_step',
    project.commissionerUserId === null ? '尚未指派项目专员，只有项目服务局负责人（管委会领导）可以办理' : '只有本项目的项目专员或项目服务局负责人（管委会领导）可以办理',
    project.commissionerUserId === null
      ? 'no commissioner is named yet: only the Project Service Bureau head (zone leadership) may take it'
      : "only the project's commissioner or the Project Service Bureau head (zone leadership) may take it",
  );
}

/**
 * Naming the commissioner: the bureau names the first one (its one-working-day clock warns the
 * bureau, so the bureau must be able to act); once one is named, only the bureau head changes it.
 */
export function commissionerAssignmentVerdict(actor: RuleActor, project: Pick<ProjectRuleFacts, 'commissionerUserId'>): RuleVerdict {
  if (project.commissionerUserId === null || actor.role === CONSTRUCTION_HEAD_ROLE) return ALLOWED;
  return refused('commissioner_reassignment', '项目专员已指派，只有项目服务局负责人（管委会领导）可以更换', 'a commissioner is named: only the Project Service Bureau head (zone leadership) may replace them');
}

/** Whose time each pausable clock counts; the head (zone leadership) may act on every clock. */
export const CLOCK_OWNERS: Partial<Record<ClockName, readonly Role[]>> = {
  intake_decision: ['intake_task_force'],
  commissioner_assignment: ['project_service_bureau'],
  service_accept: ['enterprise_service_bureau', 'project_service_bureau'],
  service_resolve: ['enterprise_service_bureau', 'project_service_bureau'],
};
export const CLOCK_HEAD_ROLE: Role = 'zone_leadership';

export interface ClockRuleFacts {
  clock: ClockName | string;
  action: 'pause' | 'resume';
  /** Only meaningful for the intake clock. */
  infoRequestOpen?: boolean;
}

/**
 * 暂停/恢复计时: only the clock's owner (or the head). A pause also needs a reason the clock allows:
 * the 48-hour intake clock stops only while the task force waits for information it requested
 * (domain.md: take it, reject it, or ask for more information); the other clocks for any recorded reason.
 */
export function clockPauseVerdict(actor: RuleActor, facts: ClockRuleFacts): RuleVerdict {
  const owners = CLOCK_OWNERS[facts.clock as ClockName];
  const label = CLOCK_LABELS[facts.clock as ClockName] ?? facts.clock;
  if (actor.role !== CLOCK_HEAD_ROLE && !(owners ?? []).includes(actor.role as Role)) {
    return refused('clock_owner', `「${label}」时限只能由其责任方或管委会领导暂停或恢复`, `the ${facts.clock} clock is paused or resumed only by its owner or zone leadership`);
  }
  if (facts.action === 'pause' && facts.clock === 'intake_decision' && !facts.infoRequestOpen) {
    return refused('clock_pause_reason', '48小时承接研判时限只在向项目负责人要求补充信息、尚未答复期间暂停', 'the 48-hour intake clock pauses only while requested information is awaited');
  }
  return ALLOWED;
}

/** Throws the refusal (403 FORBIDDEN_NOT_OWNER) of a verdict that does not allow. */
export function enforceRule(verdict: RuleVerdict): void {
  if (!verdict.allowed) throw new DomainError(ERROR_CODES.FORBIDDEN_NOT_OWNER, verdict.text);
}

/**
 * A person a command names must be an active user of the right role (checked by the API before the
 * step is sent): the commissioner a member of the Project Service Bureau; a node's responsible
 * person any staff member who takes part in the work (not auditors or administrators: a node may
 * be named to, say, an Enterprise Service Bureau colleague).
 */
export const NAMED_PERSON_ROLES = {
  commissioner: ['project_service_bureau'],
  responsible: ['investment_officer', 'intake_task_force', 'economic_cooperation_bureau_head', 'zone_leadership', 'project_service_bureau', 'enterprise_service_bureau'],
} as const satisfies Record<string, readonly Role[]>;

export type NamedPersonKind = keyof typeof NAMED_PERSON_ROLES;

/** One person a command names: the field (as the API reports it), who, and in which capacity. */
export interface NamedPerson {
  field: string;
  userId: string;
  kind: NamedPersonKind;
}

/**
 * The named people who are not active users of the right role, as field details (Chinese).
 * `activeRoles` maps the ids of the named users who are active to their role.
 */
export function namedPersonProblems(named: readonly NamedPerson[], activeRoles: ReadonlyMap<string, string>): { field: string; message: Localized }[] {
  const problems: { field: string; message: Localized }[] = [];
  for (const person of named) {
    const role = activeRoles.get(person.userId);
    const allowed = NAMED_PERSON_ROLES[person.kind] as readonly string[];
    if (role === undefined) {
      problems.push({ field: person.field, message: localized(`{field}不是系统中在职的用户`, `{field} (${person.kind}) is not an active user`) });
    } else if (!allowed.includes(role)) {
      problems.push({ field: person.field, message: localized(`{field}的角色须为${NAMED_PERSON_ROLES[person.kind].map((r) => ROLE_LABELS[r]).join('、')}之一`, `{field} (${person.kind}) must have one of the roles ${NAMED_PERSON_ROLES[person.kind].join(', ')}`) });
    }
  }
  return problems;
}

/**
 * Department scope of service requests (issue 10, item 3). A request names the department it is
 * with now by its registered NAME (`state.department`: the API accepts only a registered
 * department's name or code and stores the name, as notifications and webhooks already route by
 * name), so the rule compares names, not ids. A 部门经办人 (department_staff) accepts, transfers
 * and resolves only requests currently with their own department; the Enterprise Service Bureau
 * (which runs 企业点单) and zone leadership act on any; the Project Service Bureau as before (any,
 * by the role table). An actor without a department is never "of" a department.
 */
export const DEPARTMENT_SCOPED_ROLES: readonly Role[] = ['department_staff'];

export function serviceRequestStepVerdict(actor: RuleActor, request: { department: string }): RuleVerdict {
  if (!(DEPARTMENT_SCOPED_ROLES as readonly string[]).includes(actor.role)) return ALLOWED;
  const own = actor.departmentName?.trim();
  if (own && own === request.department.trim()) return ALLOWED;
  return refused(
    'department_scope',
    own ? `该服务请求由「${request.department}」承办，「${own}」的经办人不能办理` : `该服务请求由「${request.department}」承办，当前账号未归属任何部门`,
    own ? `the request is handled by ${request.department}; staff of ${own} may not act on it` : `the request is handled by ${request.department}; your account belongs to no department`,
  );
}

/** The rule applied to a service request's workflow state (accept, transfer, resolve); throws FORBIDDEN_NOT_OWNER. Validators only. */
export const authorizeServiceRequestStep = (state: Pick<ServiceRequestState, 'department'>, _command: unknown, actor: RuleActor): void =>
  enforceRule(serviceRequestStepVerdict(actor, state));

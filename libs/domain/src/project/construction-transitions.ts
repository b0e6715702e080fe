import { DomainError, ERROR_CODES } from '../errors';
import type { Actor, AuditActor } from '../roles';
import { addDays, requireDate, requireNotFuture } from './calendar-dates';
import { MILESTONE_KINDS, MILESTONE_LABELS, type ConstructionState, type MilestoneKind, type MilestoneNode } from './construction-state';
import { FULFILMENT_CHECK_EVERY_MS } from '../sla/fulfilment-policy';
import type { ProjectState, Transition } from './project-state';
import type { Contract } from './signing-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized, type Localized } from '../i18n/localized';
import { stageRefusal } from './stage-refusal';

export interface PlanNodeInput {
  kind: MilestoneKind;
  responsibleUserId: string;
  responsibleName: string;
  todos?: string[];
  /** Defaults to the template date derived from the contract. */
  dueOn?: string;
}

export interface EstablishPlanCommand {
  nodes: PlanNodeInput[];
}

export interface CompleteMilestoneCommand {
  kind: MilestoneKind;
  completedOn: string;
  evidence: string;
}

export interface LogProgressCommand {
  date: string;
  note: string;
}

export interface RebaselineCommand {
  reason: string;
  changes: Array<{ kind: MilestoneKind; dueOn: string }>;
}

export interface RecordProductionCommand {
  actualDate: string;
  evidence: string;
}

const MAX_TODOS = 50;

/** Template due dates from the contract's committed dates (never before signing). */
export function templateDueDates(contract: Contract): Record<MilestoneKind, string> {
  const { signedOn, committed } = contract;
  const notBeforeSigning = (d: string) => (d < signedOn ? signedOn : d);
  return {
    company_registration: notBeforeSigning(addDays(signedOn, 7)),
    land_handover: notBeforeSigning(addDays(committed.constructionStart, -7)),
    project_filing: notBeforeSigning(addDays(committed.constructionStart, -5)),
    planning_permit: notBeforeSigning(addDays(committed.constructionStart, -3)),
    construction_permit: notBeforeSigning(addDays(committed.constructionStart, -1)),
    construction_start: committed.constructionStart,
    equipment_entry: committed.equipmentEntry,
    trial_production: notBeforeSigning(addDays(committed.production, -14)),
    production: committed.production,
  };
}

function requireConstruction(state: ProjectState, doing: Localized): ConstructionState | null {
  if (state.stage !== 'construction') {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, stageRefusal(state.stage, doing, ['construction']));
  }
  return state.construction ?? null;
}

function requirePlan(state: ProjectState, doing: Localized): ConstructionState {
  const plan = requireConstruction(state, doing);
  if (!plan) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`尚未编制节点计划，不能${doing.zh}`, `cannot ${doing.en}: no milestone plan yet`));
  return plan;
}

function requireKind(value: unknown, field: string): MilestoneKind {
  if (!(MILESTONE_KINDS as readonly unknown[]).includes(value)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}须为以下之一：${MILESTONE_KINDS.map((k) => `${k}（${MILESTONE_LABELS[k]}）`).join('、')}`, `{field} must be one of ${MILESTONE_KINDS.join(', ')}`), field);
  }
  return value as MilestoneKind;
}

function requireNotBeforeSigning(state: ProjectState, date: string, field: string): string {
  const signedOn = state.contract?.signedOn;
  if (signedOn && date < signedOn) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}不能早于签约日期 ${signedOn}`, `{field} must not be before the signing date ${signedOn}`), field);
  return date;
}

/** True while some incomplete node has been escalated (the project is behind its plan). */
export function constructionOverdue(c: ConstructionState | null | undefined): boolean {
  return !!c && c.nodes.some((n) => n.completedOn === null && n.escalated.length > 0);
}

function withOverdue(state: ProjectState, construction: ConstructionState): Partial<ProjectState> {
  const handoverLate = !!state.handover && state.handover.commissioner === null && state.handover.clock.fired.some((k) => k.startsWith('escalation'));
  return { construction, overdue: constructionOverdue(construction) || handoverLate };
}

/** 节点计划: the Project Service Bureau lays out every template node with who and when. */
export function establishMilestonePlan(state: ProjectState, cmd: EstablishPlanCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'construction.manage_plan');
  if (requireConstruction(state, localized('编制节点计划', 'lay out the plan'))) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized('节点计划已编制，请改为调整计划', 'the milestone plan exists: re-baseline it instead'));
  if (!cmd || !Array.isArray(cmd.nodes)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('节点计划须列出模板中的全部节点', 'nodes must be a list of the template nodes'), 'nodes');
  const template = templateDueDates(state.contract as Contract);
  const byKind = new Map<MilestoneKind, PlanNodeInput>();
  cmd.nodes.forEach((n, i) => {
    const kind = requireKind(n?.kind, `nodes[${i}].kind`);
    if (byKind.has(kind)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`节点计划重复列出了「${MILESTONE_LABELS[kind]}」`, `nodes lists ${kind} twice`), `nodes[${i}].kind`);
    byKind.set(kind, n);
  });
  const missing = MILESTONE_KINDS.filter((k) => !byKind.has(k));
  if (missing.length) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`节点计划缺少：${missing.map((k) => MILESTONE_LABELS[k]).join('、')}`, `nodes is missing ${missing.join(', ')}`), 'nodes');
  const nodes: MilestoneNode[] = MILESTONE_KINDS.map((kind, i) => {
    const input = byKind.get(kind) as PlanNodeInput;
    const todos = input.todos ?? [];
    if (!Array.isArray(todos) || todos.length > MAX_TODOS) {
      throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}须为列表，最多 ${MAX_TODOS} 项`, `{field} must be a list of at most ${MAX_TODOS} items`), `nodes[${i}].todos`);
    }
    const dueOn = input.dueOn === undefined ? template[kind] : requireNotBeforeSigning(state, requireDate(input.dueOn, `nodes[${i}].dueOn`), `nodes[${i}].dueOn`);
    return {
      kind,
      responsible: { userId: requireText(input.responsibleUserId, `nodes[${i}].responsibleUserId`), name: requireText(input.responsibleName, `nodes[${i}].responsibleName`) },
      todos: todos.map((t, j) => requireText(t, `nodes[${i}].todos[${j}]`)),
      dueOn,
      completedOn: null,
      evidence: null,
      completedBy: null,
      escalated: [],
    };
  });
  const dueDates = Object.fromEntries(nodes.map((n) => [n.kind, n.dueOn])) as Record<MilestoneKind, string>;
  const construction: ConstructionState = {
    nodes,
    versions: [{ version: 1, createdAt: now, createdBy: actor, reason: '初始计划', dueDates }],
    progress: [],
    weeklyAnchorAt: now,
  };
  return next(state, withOverdue(state, construction), now, actor, 'construction.plan_established', { version: 1, dueDates });
}

/** 节点完成, with the evidence; production itself is recorded by recordProduction. */
export function completeMilestone(state: ProjectState, cmd: CompleteMilestoneCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'construction.complete_milestone');
  const plan = requirePlan(state, localized('完成节点', 'complete a milestone'));
  const kind = requireKind(cmd?.kind, 'kind');
  if (kind === 'production') throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('「正式投产」节点须通过「录入投产」办理', 'production is recorded with POST /projects/:id/production'), 'kind');
  const node = plan.nodes.find((n) => n.kind === kind) as MilestoneNode;
  if (node.completedOn) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`「${MILESTONE_LABELS[kind]}」已于 ${node.completedOn} 完成`, `${MILESTONE_LABELS[kind]} was already completed on ${node.completedOn}`));
  const completedOn = requireNotBeforeSigning(state, requireNotFuture(requireDate(cmd.completedOn, 'completedOn'), now, 'completedOn'), 'completedOn');
  const evidence = requireText(cmd.evidence, 'evidence');
  const nodes = plan.nodes.map((n) => (n === node ? { ...n, completedOn, evidence, completedBy: actor } : n));
  return next(state, withOverdue(state, { ...plan, nodes }), now, actor, 'construction.milestone_completed', {
    kind,
    completedOn,
    evidence,
    dueOn: node.dueOn,
    late: completedOn > node.dueOn,
  });
}

/** 每日进度 (daily construction progress). */
export function logConstructionProgress(state: ProjectState, cmd: LogProgressCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'construction.log_progress');
  const plan = requirePlan(state, localized('记录进度', 'log progress'));
  const date = requireNotBeforeSigning(state, requireNotFuture(requireDate(cmd?.date, 'date'), now, 'date'), 'date');
  const note = requireText(cmd.note, 'note');
  return next(state, { construction: { ...plan, progress: [...plan.progress, { date, note, recordedBy: actor, recordedAt: now }] } }, now, actor, 'construction.progress_logged', {
    date,
    note,
  });
}

export interface RebaselineRules {
  /**
   * A node "re-planned" to the date it already has keeps the rungs already fired (issue 8): they
   * concern the same due date, and recording them again would say twice that it was escalated.
   * Off only for workflows replaying code from before that fix.
   */
  keepLadderOnSameDate: boolean;
}

/** 计划调整 (monthly re-baselining): a new plan version; earlier versions stay as they were. */
export function rebaselinePlan(state: ProjectState, cmd: RebaselineCommand, actor: Actor, now: number, rules: RebaselineRules = { keepLadderOnSameDate: true }): Transition {
  requirePermission(actor, 'construction.manage_plan');
  const plan = requirePlan(state, localized('调整节点计划', 're-baseline the plan'));
  const reason = requireText(cmd?.reason, 'reason');
  if (!Array.isArray(cmd.changes) || cmd.changes.length === 0) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('至少须调整一个节点', 'changes must list at least one node'), 'changes');
  const changes = new Map<MilestoneKind, string>();
  cmd.changes.forEach((c, i) => {
    const kind = requireKind(c?.kind, `changes[${i}].kind`);
    const node = plan.nodes.find((n) => n.kind === kind) as MilestoneNode;
    if (node.completedOn) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`「${MILESTONE_LABELS[kind]}」已完成，不能调整计划`, `${kind} is completed and cannot be re-planned`), `changes[${i}].kind`);
    if (changes.has(kind)) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`重复调整了「${MILESTONE_LABELS[kind]}」`, `changes lists ${kind} twice`), `changes[${i}].kind`);
    changes.set(kind, requireNotBeforeSigning(state, requireDate(c.dueOn, `changes[${i}].dueOn`), `changes[${i}].dueOn`));
  });
  // A new due date starts its escalation ladder afresh; the same date keeps the rungs it has fired.
  const nodes = plan.nodes.map((n) => {
    const dueOn = changes.get(n.kind);
    if (dueOn === undefined) return n;
    return { ...n, dueOn, escalated: rules.keepLadderOnSameDate && dueOn === n.dueOn ? n.escalated : [] };
  });
  const version = plan.versions.length + 1;
  const dueDates = Object.fromEntries(nodes.map((n) => [n.kind, n.dueOn])) as Record<MilestoneKind, string>;
  const construction = { ...plan, nodes, versions: [...plan.versions, { version, createdAt: now, createdBy: actor, reason, dueDates }] };
  return next(state, withOverdue(state, construction), now, actor, 'construction.plan_rebaselined', {
    version,
    reason,
    changes: Object.fromEntries(changes),
  });
}

/** An overdue node's escalation level fired (system). */
export function escalateMilestone(state: ProjectState, kind: MilestoneKind, level: number, actor: AuditActor, now: number): Transition {
  const plan = state.construction as ConstructionState;
  const node = plan.nodes.find((n) => n.kind === kind) as MilestoneNode;
  const nodes = plan.nodes.map((n) => (n === node ? { ...n, escalated: [...n.escalated, level] } : n));
  return next(state, withOverdue(state, { ...plan, nodes }), now, actor, 'construction.milestone_overdue', { kind, level, dueOn: node.dueOn });
}

/** 投产: the production date is recorded and the project passes to the Enterprise Service Bureau. */
export function recordProduction(state: ProjectState, cmd: RecordProductionCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'construction.record_production');
  const plan = requirePlan(state, localized('录入投产', 'record production'));
  const open = plan.nodes.filter((n) => n.kind !== 'production' && n.completedOn === null).map((n) => n.kind);
  if (open.length) throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(`尚有节点未完成：${open.map((k) => MILESTONE_LABELS[k]).join('、')}`, `milestones still open: ${open.join(', ')}`));
  const actualDate = requireNotBeforeSigning(state, requireNotFuture(requireDate(cmd?.actualDate, 'actualDate'), now, 'actualDate'), 'actualDate');
  const trial = plan.nodes.find((n) => n.kind === 'trial_production')?.completedOn;
  if (trial && actualDate < trial) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`实际投产日期不能早于试生产完成日期（${trial}）`, `actualDate must not be before trial production (${trial})`), 'actualDate');
  }
  const evidence = requireText(cmd.evidence, 'evidence');
  const nodes = plan.nodes.map((n) => (n.kind === 'production' ? { ...n, completedOn: actualDate, evidence, completedBy: actor } : n));
  // The period's policy is resolved by the workflow for this step (PROJECT_CADENCES), which sets the due time again.
  const fulfilment = { nextCheckDueAt: now + FULFILMENT_CHECK_EVERY_MS, checks: [] };
  return next(state, { stage: 'service', construction: { ...plan, nodes }, fulfilment, overdue: false }, now, actor, 'production.started', { actualDate, evidence });
}

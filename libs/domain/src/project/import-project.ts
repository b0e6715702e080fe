import type { Lead } from '../lead';
import type { Actor } from '../roles';
import { builtInPlan, type ClockPlan } from '../sla/clock-plan';
import { cadencePoliciesStarted, withCadencePolicies } from '../sla/cadence-planning';
import { withPlans } from '../sla/clock-planning';
import type { PolicyKey, VersionedSlaPolicy } from '../sla/policy-definition';
import { activeElapsedMs, startClock, stopClock, type SlaClock } from '../sla/sla-clock';
import { COMMISSIONER_ASSIGNMENT_POLICY, INTAKE_DECISION_POLICY, type ClockName } from '../sla/sla-policy';
import { endOfShanghaiDay } from './calendar-dates';
import { milestoneEscalationsOf, MILESTONE_KINDS, type ConstructionState, type MilestoneKind, type MilestoneNode, type Responsible } from './construction-state';
import { constructionOverdue } from './construction-transitions';
import { fulfilmentScheduleOf } from './fulfilment-state';
import type { FundsEntry } from './funds';
import type { ImportStage, ParsedContract, ParsedImportFunds } from './import-record';
import { startNegotiation } from './negotiation-transitions';
import type { ImportMark, Ownership } from './ownership';
import { PROJECT_CADENCES } from './project-cadences';
import { PROJECT_CLOCK_SLOTS, PROJECT_PLANNED_SLOTS, projectClockSlot } from './project-clocks';
import type { ProjectState, Transition } from './project-state';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A checked import row with its people resolved (by the API, from usernames). */
export interface ImportProjectRecord {
  projectId: string;
  stage: ImportStage;
  lead: Lead;
  registeredOn: string;
  decidedOn: string | null;
  contract: ParsedContract | null;
  commissioner: Responsible | null;
  nodes: Array<{ kind: MilestoneKind; dueOn: string; completedOn: string | null; evidence: string | null; responsible: Responsible }>;
  funds: ParsedImportFunds[];
  completedOn: string | null;
  completionReason: string | null;
  /** The reporting officer (报送人), else the importer: the project's registeredBy. */
  registeredBy: Actor;
  /** Who imports: the past steps the file records (decision, contract, completions) are attributed to them. */
  importedBy: Actor;
  ownership: Ownership | null;
}

/** What the workflow read before importing (activities, so it is in the history): plans of the open clocks, cadence policies. */
export interface ImportPreparation {
  plans: Array<{ clock: ClockName; startedAt: number; plan: ClockPlan }>;
  policies: VersionedSlaPolicy[];
}

/** What was already past at import and so raised no alert (the import event's payload lists it). */
export interface OverdueAtImport {
  clocks: Array<{ clock: ClockName; thresholds: string[]; deadlinePassed: boolean }>;
  nodes: Array<{ kind: MilestoneKind; dueOn: string }>;
}

/** The instant a calendar day starts in Asia/Shanghai: a past step known only by its date happened then. */
const dayStart = (date: string): number => endOfShanghaiDay(date) - DAY_MS;

const BUILT_IN_POLICIES = { intake_decision: INTAKE_DECISION_POLICY, commissioner_assignment: COMMISSIONER_ASSIGNMENT_POLICY } as Record<ClockName, typeof INTAKE_DECISION_POLICY>;

/** The state as the record describes it, clocks started at their real (past) instants, nothing quieted yet. */
function recordedState(r: ImportProjectRecord, mark: ImportMark, now: number): ProjectState {
  const registeredAt = dayStart(r.registeredOn);
  let state: ProjectState = {
    projectId: r.projectId,
    stage: r.stage,
    lead: r.lead,
    registeredBy: r.registeredBy,
    registeredAt,
    intake: { clock: startClock('intake_decision', INTAKE_DECISION_POLICY.budgetMs, registeredAt), decision: null, infoRequests: [] },
    ...(r.ownership ? { ownership: r.ownership } : {}),
    imported: mark,
    overdue: false,
    seq: 1,
  };
  if (r.decidedOn) {
    const decidedAt = dayStart(r.decidedOn);
    const negotiation = startNegotiation(state, decidedAt);
    state = {
      ...state,
      intake: { ...state.intake, clock: stopClock(state.intake.clock, decidedAt), decision: { action: 'accept', reason: null, decidedBy: r.importedBy, decidedAt } },
      negotiation,
    };
  }
  if (r.contract) {
    const signedAt = dayStart(r.contract.signedOn);
    const clock = startClock('commissioner_assignment', COMMISSIONER_ASSIGNMENT_POLICY.budgetMs, signedAt);
    const commissioner = r.commissioner ? { ...r.commissioner, assignedBy: r.importedBy, assignedAt: signedAt } : null;
    const nodes: MilestoneNode[] = MILESTONE_KINDS.map((kind) => {
      const n = r.nodes.find((x) => x.kind === kind)!;
      return { kind, responsible: n.responsible, todos: [], dueOn: n.dueOn, completedOn: n.completedOn, evidence: n.evidence, completedBy: n.completedOn ? r.importedBy : null, escalated: [] };
    });
    const dueDates = Object.fromEntries(nodes.map((n) => [n.kind, n.dueOn])) as Record<MilestoneKind, string>;
    const construction: ConstructionState = {
      nodes,
      versions: [{ version: 1, createdAt: now, createdBy: r.importedBy, reason: '导入历史计划', dueDates }],
      progress: [],
      weeklyAnchorAt: now,
    };
    const funds: FundsEntry[] = r.funds.map((f, i) => ({ entryId: `${r.projectId}:import:${i + 1}`, ...f, recordedBy: r.importedBy, recordedAt: now }));
    state = {
      ...state,
      negotiation: { ...state.negotiation!, outcome: { kind: 'proceed', reason: null, decidedBy: r.importedBy, decidedAt: signedAt } },
      contract: { ...r.contract, recordedBy: r.importedBy, recordedAt: signedAt },
      handover: { clock: commissioner ? stopClock(clock, signedAt) : clock, commissioner },
      construction,
      funds,
    };
  }
  if (r.stage === 'service' || r.stage === 'completed') {
    state = { ...state, fulfilment: { nextCheckDueAt: now, checks: [] } };
  }
  if (r.stage === 'completed') {
    state = { ...state, closure: { outcome: 'completed', reason: r.completionReason ?? '导入：历史履约完成', approver: null, closedBy: r.importedBy, closedAt: dayStart(r.completedOn!) } };
  }
  return state;
}

/** Open clocks to plan from their real start (the workflow asks the policy store for each). */
export function importClocksToPlan(state: ProjectState): Array<{ clock: ClockName; policyKey: PolicyKey; startedAt: number }> {
  return PROJECT_PLANNED_SLOTS.flatMap(({ slot, policyKey }) => {
    const clock = slot.get(state);
    return clock && !clock.plan && clock.stoppedAt === null && slot.isOpen(state) ? [{ clock: clock.clock, policyKey: policyKey(state), startedAt: clock.startedAt }] : [];
  });
}

/** The cadence policies an imported state runs by (follow-up, node ladders, weekly list, fulfilment checks). */
export function importCadenceKeys(state: ProjectState): PolicyKey[] {
  const before: ProjectState = { ...state, stage: 'intake', negotiation: null, construction: null, fulfilment: null };
  return cadencePoliciesStarted(PROJECT_CADENCES, before, state);
}

/** Marks fired, without alert, every threshold at or before `now`; all of them once the deadline itself is past. */
function quietClock(clock: SlaClock, now: number): { clock: SlaClock; thresholds: string[]; deadlinePassed: boolean } {
  const plan = clock.plan ?? builtInPlan(BUILT_IN_POLICIES[clock.clock]);
  const elapsed = activeElapsedMs(clock, now);
  const deadlinePassed = elapsed >= plan.budgetMs;
  const past = plan.thresholds.filter((t) => !clock.fired.includes(t.key) && (deadlinePassed || t.atElapsedMs <= elapsed)).map((t) => t.key);
  return { clock: { ...clock, fired: [...clock.fired, ...past] }, thresholds: past, deadlinePassed };
}

/**
 * Nothing already past alerts. An open SLA clock whose deadline has passed is overdue at import
 * with its whole ladder marked as passed; one still running keeps its future thresholds (a warning
 * past at import is marked, the escalations still come). An open node due before today is overdue
 * at import with its whole ladder marked as passed (no escalation for a past due date; a new date
 * from re-baselining starts a fresh ladder); a node due later runs its ladder and weekly list. The
 * follow-up cadence restarts at import; the next fulfilment check falls on the first period
 * boundary from production after the import.
 */
function quietThePast(state: ProjectState, now: number): { state: ProjectState; overdue: OverdueAtImport } {
  const overdue: OverdueAtImport = { clocks: [], nodes: [] };
  let s = state;
  let clockOverdue = false;
  for (const slot of PROJECT_CLOCK_SLOTS) {
    const clock = slot.get(s);
    if (!clock || clock.stoppedAt !== null || !slot.isOpen(s)) continue;
    const quiet = quietClock(clock, now);
    if (quiet.thresholds.length > 0) overdue.clocks.push({ clock: clock.clock, thresholds: quiet.thresholds, deadlinePassed: quiet.deadlinePassed });
    clockOverdue ||= quiet.deadlinePassed;
    s = { ...s, ...slot.set(s, quiet.clock) };
  }
  if (s.stage === 'negotiation' && s.negotiation) {
    s = { ...s, negotiation: { ...s.negotiation, followUp: { ...s.negotiation.followUp, lastContactAt: now, missedInRow: 0 } } };
  }
  if (s.construction && s.stage === 'construction') {
    const nodes = s.construction.nodes.map((n) => {
      if (n.completedOn || endOfShanghaiDay(n.dueOn) > now) return n;
      overdue.nodes.push({ kind: n.kind, dueOn: n.dueOn });
      return { ...n, escalated: milestoneEscalationsOf(n).map((e) => e.level) };
    });
    s = { ...s, construction: { ...s.construction, nodes } };
  }
  if (s.fulfilment && s.stage === 'service') {
    const producedOn = s.construction?.nodes.find((n) => n.kind === 'production')?.completedOn;
    const everyMs = fulfilmentScheduleOf(s.fulfilment).everyMs;
    const from = producedOn ? dayStart(producedOn) : now;
    const periods = Math.max(1, Math.floor((now - from) / everyMs) + 1);
    s = { ...s, fulfilment: { ...s.fulfilment, nextCheckDueAt: from + periods * everyMs } };
  }
  return { state: { ...s, overdue: clockOverdue || constructionOverdue(s.construction) }, overdue };
}

/**
 * 导入: a project of an existing portfolio, at its stage with its past (registration, decision,
 * contract, plan with completed nodes, production, funds, closure), marked as imported, as ONE
 * audit event `project.imported` (no registration, no step events, no alerts). The workflow calls
 * it once without `prep` to learn which clocks and cadences to read, then with them.
 */
export function importProject(record: ImportProjectRecord, mark: ImportMark, now: number, prep: ImportPreparation = { plans: [], policies: [] }): Transition {
  let state = recordedState(record, mark, now);
  state = withPlans(state, prep.plans.map((p) => ({ slot: projectClockSlot(p.clock), startedAt: p.startedAt, plan: p.plan })));
  state = withCadencePolicies(state, PROJECT_CADENCES, prep.policies, now);
  const quiet = quietThePast(state, now);
  state = quiet.state;
  const production = state.construction?.nodes.find((n) => n.kind === 'production')?.completedOn ?? null;
  return {
    state,
    audit: {
      seq: 1,
      at: now,
      actor: record.importedBy,
      action: 'project.imported',
      payload: {
        mark,
        stage: record.stage,
        lead: record.lead,
        registeredOn: record.registeredOn,
        decidedOn: record.decidedOn,
        signedOn: record.contract?.signedOn ?? null,
        contractInvestmentYi: record.contract?.contractInvestmentYi ?? null,
        productionOn: production,
        completedOn: record.completedOn,
        nodesCompleted: state.construction?.nodes.filter((n) => n.completedOn).length ?? 0,
        fundsEntries: record.funds.length,
        overdueAtImport: quiet.overdue,
      },
      stageBefore: null,
      stageAfter: state.stage,
    },
  };
}

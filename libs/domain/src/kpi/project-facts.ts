import type { Fortune500List, ProjectKind } from '../lead';
import type { Stage } from '../stages';
import { activeElapsedMs } from '../sla/sla-clock';
import { shanghaiDate } from '../project/calendar-dates';
import { MILESTONE_KINDS, type MilestoneKind } from '../project/construction-state';
import type { OrgRef } from '../project/ownership';
import type { ProjectState } from '../project/project-state';

/**
 * The compact, per-project facts every KPI is computed from (issue 10, item 7). Derived from the
 * workflow's state only (never typed in), stored in `project_facts` beside the read model so a KPI
 * query over 10,000 projects reads one small row each instead of the whole state.
 *
 * Dates are calendar dates (YYYY-MM-DD, Asia/Shanghai); instants are epoch milliseconds.
 */
export interface ProjectFacts {
  projectId: string;
  companyName: string;
  stage: Stage;
  kind: ProjectKind;
  industryChain: string;
  estimatedInvestmentYi: number;
  /** 三类500强 the investor belongs to (empty when none); a lead registered before issue 10 with `fortune500` counts as ['global']. */
  fortune500Lists: Fortune500List[];
  /** Imported with its past (ImportMark): when; null for a project run through the workflow from its lead. */
  importedAt: number | null;
  imported: boolean;
  reporter: OrgRef | null;
  /** Credited owner (KPIs group by this); falls back to the reporter, then to the registering officer. */
  owner: OrgRef | null;
  campaignId: string | null;
  registeredAt: number;
  registeredOn: string;
  intake: IntakeFacts;
  signedOn: string | null;
  contractInvestmentYi: number | null;
  committed: { constructionStart: string; equipmentEntry: string; production: string; firstTax: string } | null;
  /** Completion dates of the milestones the reports quote (null until completed). */
  constructionStartOn: string | null;
  equipmentEntryOn: string | null;
  productionOn: string | null;
  /** Every node of the current plan: due date against completion date. */
  nodes: NodeFacts[];
  fulfilment: FulfilmentFacts;
  closure: { outcome: 'completed' | 'terminated'; on: string } | null;
  /** 到位资金台账 entries, oldest first. */
  funds: Array<{ date: string; amountYi: number }>;
  /** The actual first tax date (首次纳税), when recorded; else null. */
  firstTaxOn: string | null;
}

export interface IntakeFacts {
  decision: 'accept' | 'reject' | null;
  decidedAt: number | null;
  decidedOn: string | null;
  /** Active (running) time the 48-h clock used until the decision: paused time excluded. */
  activeElapsedMs: number | null;
  budgetMs: number;
  /** The decision came within the clock's budget (paused time excluded); null while undecided. */
  withinLimit: boolean | null;
  /**
   * Whether the decision counts for 48小时决策合规率. An imported project's decision made before its
   * import was never timed by this system (its clock is a reconstruction), so it is not measured.
   */
  measured: boolean;
}

export interface NodeFacts {
  kind: MilestoneKind;
  dueOn: string;
  completedOn: string | null;
}

export interface FulfilmentFacts {
  /** Latest check's verdict as recorded (null before any check). */
  lastCheckFulfilled: boolean | null;
  lastCheckOn: string | null;
  checks: Array<{ on: string; fulfilled: boolean }>;
}

function fortune500ListsOf(state: ProjectState): Fortune500List[] {
  if (state.lead.fortune500Lists && state.lead.fortune500Lists.length > 0) return [...state.lead.fortune500Lists];
  return state.lead.fortune500 ? ['global'] : [];
}

function intakeFacts(state: ProjectState): IntakeFacts {
  const { clock, decision } = state.intake;
  const decidedAt = decision?.decidedAt ?? null;
  // The clock stops at the decision; its active time excludes every pause (info requests, manual pauses).
  const elapsed = decidedAt === null ? null : activeElapsedMs(clock, clock.stoppedAt ?? decidedAt);
  const importedAt = state.imported?.importedAt ?? null;
  return {
    decision: decision?.action ?? null,
    decidedAt,
    decidedOn: decidedAt === null ? null : shanghaiDate(decidedAt),
    activeElapsedMs: elapsed,
    budgetMs: clock.budgetMs,
    withinLimit: elapsed === null ? null : elapsed <= clock.budgetMs,
    measured: decidedAt !== null && (importedAt === null || decidedAt > importedAt),
  };
}

function fallbackOwner(state: ProjectState): OrgRef {
  const by = state.registeredBy;
  return { userId: by.userId, displayName: by.displayName, departmentId: by.departmentId ?? null, teamId: null };
}

export function toProjectFacts(state: ProjectState): ProjectFacts {
  const nodes = state.construction?.nodes ?? [];
  const completed = (kind: MilestoneKind) => nodes.find((n) => n.kind === kind)?.completedOn ?? null;
  const checks = (state.fulfilment?.checks ?? []).map((c) => ({ on: shanghaiDate(c.checkedAt), fulfilled: c.fulfilled }));
  const last = checks.length > 0 ? checks[checks.length - 1] : null;
  const reporter = state.ownership?.reporter ?? null;
  const contract = state.contract ?? null;
  return {
    projectId: state.projectId,
    companyName: state.lead.companyName,
    stage: state.stage,
    kind: state.lead.kind,
    industryChain: state.lead.industryChain,
    estimatedInvestmentYi: state.lead.estimatedInvestmentYi,
    fortune500Lists: fortune500ListsOf(state),
    importedAt: state.imported?.importedAt ?? null,
    imported: !!state.imported,
    reporter,
    owner: state.ownership?.owner ?? reporter ?? fallbackOwner(state),
    campaignId: state.ownership?.campaignId ?? null,
    registeredAt: state.registeredAt,
    registeredOn: shanghaiDate(state.registeredAt),
    intake: intakeFacts(state),
    signedOn: contract?.signedOn ?? null,
    contractInvestmentYi: contract?.contractInvestmentYi ?? null,
    committed: contract ? { ...contract.committed } : null,
    constructionStartOn: completed('construction_start'),
    equipmentEntryOn: completed('equipment_entry'),
    productionOn: completed('production'),
    nodes: [...nodes]
      .sort((a, b) => MILESTONE_KINDS.indexOf(a.kind) - MILESTONE_KINDS.indexOf(b.kind))
      .map((n) => ({ kind: n.kind, dueOn: n.dueOn, completedOn: n.completedOn })),
    fulfilment: { lastCheckFulfilled: last?.fulfilled ?? null, lastCheckOn: last?.on ?? null, checks },
    closure: state.closure ? { outcome: state.closure.outcome, on: shanghaiDate(state.closure.closedAt) } : null,
    funds: [...(state.funds ?? [])].sort((a, b) => a.date.localeCompare(b.date)).map((f) => ({ date: f.date, amountYi: f.amountYi })),
    firstTaxOn: state.firstTax?.date ?? null,
  };
}

/**
 * What the KPIs, their groupings and filters, and the target reports read of a project's facts:
 * the API keeps this much of every project of a zone in memory (issue 12), about a third less than
 * the whole facts. A KPI that needs another field adds it here and in toKpiFacts.
 */
export type KpiFacts = Pick<
  ProjectFacts,
  | 'projectId'
  | 'industryChain'
  | 'fortune500Lists'
  | 'reporter'
  | 'owner'
  | 'campaignId'
  | 'registeredOn'
  | 'signedOn'
  | 'contractInvestmentYi'
  | 'constructionStartOn'
  | 'equipmentEntryOn'
  | 'productionOn'
  | 'nodes'
  | 'closure'
  | 'funds'
> & {
  intake: Pick<IntakeFacts, 'decidedOn' | 'withinLimit' | 'measured'>;
  fulfilment: Pick<FulfilmentFacts, 'checks'>;
};

/** A project's KPI facts, as a new object of one fixed shape (never a copy with fields deleted: that makes V8 keep it as a slow dictionary). */
export function toKpiFacts(f: KpiFacts): KpiFacts {
  return {
    projectId: f.projectId,
    industryChain: f.industryChain,
    fortune500Lists: f.fortune500Lists,
    reporter: f.reporter,
    owner: f.owner,
    campaignId: f.campaignId,
    registeredOn: f.registeredOn,
    signedOn: f.signedOn,
    contractInvestmentYi: f.contractInvestmentYi,
    constructionStartOn: f.constructionStartOn,
    equipmentEntryOn: f.equipmentEntryOn,
    productionOn: f.productionOn,
    nodes: f.nodes,
    closure: f.closure,
    funds: f.funds,
    intake: { decidedOn: f.intake.decidedOn, withinLimit: f.intake.withinLimit, measured: f.intake.measured },
    fulfilment: { checks: f.fulfilment.checks },
  };
}

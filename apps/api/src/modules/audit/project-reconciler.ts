import type { Client } from '@temporalio/client';
import { projectWorkflowId, SERVICE_REQUEST_WORKFLOW_TYPE } from '@zs/contracts';
import {
  DISCREPANCY_KIND_LABELS,
  reconcileWorkflow,
  type Discrepancy,
  type ReconciledStream,
  type WorkflowReconciliation,
} from '@zs/domain';
import {
  projectWorkflowsOnRecord,
  readProjectReadModel,
  readServiceRequestReadModel,
  recordedAuditEventsOfWorkflow,
  type Queryable,
} from '@zs/persistence';
import { historySide, queryLiveState, readWorkflowHistory, streamOf, type WorkflowHistoryRecord } from './workflow-history-reader';

/**
 * The reconciler (issue 8): for each workflow of a project, its Temporal history against the
 * audit log and read model in PostgreSQL. Used by GET /audit/reconciliation and by
 * `npm run audit:reconcile`; plain functions, no Nest.
 */
export interface ReconcilerDeps {
  db: Queryable;
  client: Client;
}

export interface ReconcilerOptions {
  /** Also ask each workflow for its live state (needs a running worker); used only where the history holds no batch. */
  liveState?: boolean;
  /** The deadline of the Temporal calls reading one workflow. */
  temporalTimeoutMs?: number;
  /** Projects read side by side. */
  concurrency?: number;
}

export interface ProjectReconciliation {
  projectId: string;
  workflows: WorkflowReconciliation[];
}

export interface ReportedDiscrepancy extends Discrepancy {
  projectId: string;
  stream: ReconciledStream;
  /** The kind in Chinese. */
  kindLabel: string;
}

/** A workflow's reconciliation with its discrepancies counted (they are listed once, in the report). */
export type WorkflowSummary = Omit<WorkflowReconciliation, 'discrepancies'> & { projectId: string; discrepancies: number };

export interface ReconciliationReport {
  checkedProjects: number;
  checkedWorkflows: number;
  checkedEvents: number;
  unverifiableEvents: number;
  pendingEvents: number;
  workflows: WorkflowSummary[];
  discrepancies: ReportedDiscrepancy[];
}

const DEFAULT_TEMPORAL_TIMEOUT_MS = 30_000;
const PROJECT_WORKFLOW_PREFIX = projectWorkflowId('');
/** A projection may commit between reading the history and reading the database: read both again (a few times) when the database is ahead. */
const MAX_READ_ATTEMPTS = 3;

async function historyOf(deps: ReconcilerDeps, workflowId: string, opts: ReconcilerOptions): Promise<WorkflowHistoryRecord> {
  return deps.client.withDeadline(Date.now() + (opts.temporalTimeoutMs ?? DEFAULT_TEMPORAL_TIMEOUT_MS), () => readWorkflowHistory(deps.client, workflowId));
}

/** One workflow: the history first, then the database (a batch completed in history is already committed). */
export async function reconcileOneWorkflow(
  deps: ReconcilerDeps,
  projectId: string,
  workflowId: string,
  opts: ReconcilerOptions = {},
  known?: WorkflowHistoryRecord,
): Promise<WorkflowReconciliation> {
  let record = known ?? (await historyOf(deps, workflowId, opts));
  for (let attempt = 1; ; attempt++) {
    const stream = streamOf(record);
    const side = historySide(record);
    // Another project's workflow whose rows were filed under this project: held to its own project (and read model).
    const owner = stream === 'project' && workflowId !== projectWorkflowId(projectId) && workflowId.startsWith(PROJECT_WORKFLOW_PREFIX) ? workflowId.slice(PROJECT_WORKFLOW_PREFIX.length) : projectId;
    const [recorded, readModel] = await Promise.all([
      recordedAuditEventsOfWorkflow(deps.db, workflowId),
      stream === 'project' ? readProjectReadModel(deps.db, owner) : readServiceRequestReadModel(deps.db, workflowId),
    ]);
    const lastInHistory = side.history.reduce((m, h) => Math.max(m, h.entry.seq), 0);
    const databaseAhead = side.history.length > 0 && (recorded.some((r) => r.seq > lastInHistory) || (readModel?.lastSeq ?? 0) > lastInHistory);
    if (databaseAhead && record.runs.some((r) => !r.closed) && attempt < MAX_READ_ATTEMPTS) {
      await new Promise((done) => setTimeout(done, 200 * attempt));
      record = await historyOf(deps, workflowId, opts);
      continue;
    }
    const liveState = opts.liveState && !side.historyState ? await queryLiveState(deps.client, workflowId, stream) : null;
    return reconcileWorkflow({ stream, workflowId, projectId: owner, recorded, readModel, liveState, ...side });
  }
}

/**
 * One project: its own workflow and every service-request workflow that the database (requests,
 * audit rows) or the project's history (child workflows started) names. Null when neither record
 * knows the project.
 */
export async function reconcileProject(deps: ReconcilerDeps, projectId: string, opts: ReconcilerOptions = {}): Promise<ProjectReconciliation | null> {
  const onRecord = await projectWorkflowsOnRecord(deps.db, projectId);
  const projectWf = onRecord.projectWorkflowId ?? projectWorkflowId(projectId);
  const projectHistory = await historyOf(deps, projectWf, opts);
  if (!onRecord.projectWorkflowId && onRecord.auditWorkflowIds.length === 0 && !projectHistory.found) return null;

  const children = projectHistory.children.filter((c) => c.workflowType === SERVICE_REQUEST_WORKFLOW_TYPE).map((c) => c.workflowId);
  const others = [...new Set([...onRecord.serviceRequestWorkflowIds, ...children, ...onRecord.auditWorkflowIds])].filter((id) => id !== projectWf).sort();

  const workflows = [await reconcileOneWorkflow(deps, projectId, projectWf, opts, projectHistory)];
  for (const wf of others) workflows.push(await reconcileOneWorkflow(deps, projectId, wf, opts));
  return { projectId, workflows };
}

/** Several projects, a few at a time, in the order given; projects neither record knows are left out. */
export async function reconcileProjects(deps: ReconcilerDeps, projectIds: string[], opts: ReconcilerOptions = {}): Promise<ProjectReconciliation[]> {
  const results: Array<ProjectReconciliation | null> = new Array(projectIds.length).fill(null);
  let next = 0;
  const lane = async () => {
    while (next < projectIds.length) {
      const i = next++;
      results[i] = await reconcileProject(deps, projectIds[i], opts);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.concurrency ?? 4, projectIds.length)) }, lane));
  return results.filter((r): r is ProjectReconciliation => r !== null);
}

export function summarize(projects: ProjectReconciliation[]): ReconciliationReport {
  const report: ReconciliationReport = {
    checkedProjects: projects.length,
    checkedWorkflows: 0,
    checkedEvents: 0,
    unverifiableEvents: 0,
    pendingEvents: 0,
    workflows: [],
    discrepancies: [],
  };
  for (const p of projects) {
    for (const w of p.workflows) {
      report.checkedWorkflows++;
      report.checkedEvents += w.checkedEvents;
      report.unverifiableEvents += w.unverifiableEvents;
      report.pendingEvents += w.pendingEvents;
      report.workflows.push({
        projectId: p.projectId,
        workflowId: w.workflowId,
        stream: w.stream,
        checkedEvents: w.checkedEvents,
        verifiableFromSeq: w.verifiableFromSeq,
        unverifiableEvents: w.unverifiableEvents,
        pendingEvents: w.pendingEvents,
        discrepancies: w.discrepancies.length,
      });
      for (const d of w.discrepancies) report.discrepancies.push({ ...d, projectId: p.projectId, stream: w.stream, kindLabel: DISCREPANCY_KIND_LABELS[d.kind] });
    }
  }
  return report;
}

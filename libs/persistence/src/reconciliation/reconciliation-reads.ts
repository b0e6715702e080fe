// Reads for the reconciler (issue 8): the database's side of the two records it compares.
import type { RecordedAuditEvent } from '@zs/domain';
import type { Queryable } from '../database';
import { AUDIT_COLUMNS, toStoredAuditEvent, type AuditRow } from '../projection/audit-event-store';

type RecordedRow = AuditRow & { id: string };

/**
 * Every audit row of one workflow, as stored, with its row id (the order rows were recorded in),
 * in sequence order. Duplicates and rows under any project are kept:
 * the reconciler must see what is there.
 */
export async function recordedAuditEventsOfWorkflow(db: Queryable, workflowId: string): Promise<RecordedAuditEvent[]> {
  const rows: RecordedRow[] = await db.query(
    `SELECT id, ${AUDIT_COLUMNS}
     FROM audit_events WHERE workflow_id = $1 ORDER BY seq, id`,
    [workflowId],
  );
  return rows.map((r) => {
    const { workflowId: _w, runId: _r, ...event } = toStoredAuditEvent(r);
    return { ...event, rowId: Number(r.id) };
  });
}

/**
 * The projects to reconcile, a page at a time in id order: those with a read-model row and
 * those the audit log names (a project whose row was lost must still be checked).
 */
export async function reconciliationProjectPage(db: Queryable, page: number, pageSize: number): Promise<{ projectIds: string[]; total: number }> {
  const rows: Array<{ id: string; total: string }> = await db.query(
    `SELECT id, count(*) OVER () AS total FROM (
       SELECT id FROM projects
       UNION
       SELECT DISTINCT project_id AS id FROM audit_events
     ) AS p
     ORDER BY id LIMIT $1 OFFSET $2`,
    [pageSize, (page - 1) * pageSize],
  );
  if (rows.length) return { projectIds: rows.map((r) => r.id), total: Number(rows[0].total) };
  // A page past the end: still tell the total.
  const counted: Array<{ n: string }> = await db.query(
    `SELECT count(*) AS n FROM (SELECT id FROM projects UNION SELECT DISTINCT project_id FROM audit_events) AS p`,
  );
  return { projectIds: [], total: Number(counted[0].n) };
}

/** The workflows the database associates with a project: its own (read model) and those its audit rows and service requests name. */
export interface ProjectWorkflowsOnRecord {
  /** projects.workflow_id, or null when the project has no read-model row. */
  projectWorkflowId: string | null;
  /** service_requests.workflow_id of the project's requests. */
  serviceRequestWorkflowIds: string[];
  /** Every distinct audit_events.workflow_id under the project. */
  auditWorkflowIds: string[];
}

export async function projectWorkflowsOnRecord(db: Queryable, projectId: string): Promise<ProjectWorkflowsOnRecord> {
  const [project, requests, audited] = await Promise.all([
    db.query(`SELECT workflow_id FROM projects WHERE id = $1`, [projectId]) as Promise<Array<{ workflow_id: string }>>,
    db.query(`SELECT workflow_id FROM service_requests WHERE project_id = $1 ORDER BY raised_at, id`, [projectId]) as Promise<Array<{ workflow_id: string }>>,
    db.query(`SELECT DISTINCT workflow_id FROM audit_events WHERE project_id = $1 ORDER BY workflow_id`, [projectId]) as Promise<Array<{ workflow_id: string }>>,
  ]);
  return {
    projectWorkflowId: project[0]?.workflow_id ?? null,
    serviceRequestWorkflowIds: requests.map((r) => r.workflow_id),
    auditWorkflowIds: audited.map((r) => r.workflow_id),
  };
}

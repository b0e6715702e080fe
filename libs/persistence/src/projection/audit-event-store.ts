import type { Queryable, Transaction } from '../database';
import type { AuditEntry } from '@zs/domain';
import { appendSealed, projectChain } from '../audit-chain/chain-writer';
import { asStoredJson } from '../audit-chain/sealed-form';

/** An audit row as stored, in the shape workflows produce it (what a projection compares). */
export interface StoredAuditEvent extends AuditEntry {
  projectId: string;
  workflowId: string;
  runId: string;
}

/** The same sequence number already holds another event: the write is refused, never silently dropped. */
export interface AuditConflict {
  seq: number;
  stored: StoredAuditEvent;
  attempted: AuditEntry;
}

/** An audit_events row as selected with AUDIT_COLUMNS. */
export interface AuditRow {
  project_id: string;
  workflow_id: string;
  run_id: string;
  seq: number;
  occurred_at: Date;
  actor_id: string;
  actor_role: string;
  action: string;
  payload: Record<string, unknown>;
  stage_before: string | null;
  stage_after: string;
  update_id: string | null;
}

export const AUDIT_COLUMNS = `project_id, workflow_id, run_id, seq, occurred_at, actor_id, actor_role, action, payload, stage_before, stage_after, update_id`;

export function toStoredAuditEvent(r: AuditRow): StoredAuditEvent {
  return {
    projectId: r.project_id,
    workflowId: r.workflow_id,
    runId: r.run_id,
    seq: r.seq,
    at: r.occurred_at.getTime(),
    actor: { userId: r.actor_id, role: r.actor_role } as AuditEntry['actor'],
    action: r.action,
    payload: r.payload,
    stageBefore: r.stage_before as AuditEntry['stageBefore'],
    stageAfter: r.stage_after as AuditEntry['stageAfter'],
    ...(r.update_id ? { updateId: r.update_id } : {}),
  };
}

/** Key order in JSON does not matter (jsonb normalises it); everything else must be equal. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.keys(value).sort().map((k) => [k, canonical((value as Record<string, unknown>)[k])]));
  }
  return value;
}

/** Whether a stored event is the one a workflow produced (run id aside: a retry may come from the same run only). */
export function sameAuditEvent(stored: AuditEntry, attempted: AuditEntry): boolean {
  return (
    stored.seq === attempted.seq &&
    stored.at === attempted.at &&
    stored.actor.userId === attempted.actor.userId &&
    stored.actor.role === attempted.actor.role &&
    stored.action === attempted.action &&
    stored.stageBefore === attempted.stageBefore &&
    stored.stageAfter === attempted.stageAfter &&
    (stored.updateId ?? null) === (attempted.updateId ?? null) &&
    JSON.stringify(canonical(stored.payload)) === JSON.stringify(canonical(attempted.payload))
  );
}

/**
 * Appends a workflow's events in one transaction. A repeated write of the same event (an
 * activity retried after its commit) is a no-op; the same sequence number with other content
 * is returned as a conflict, and the caller must roll back and fail loudly.
 */
export async function appendAuditEvents(tx: Transaction, projectId: string, workflowId: string, runId: string, events: AuditEntry[]): Promise<AuditConflict[]> {
  const recordedAt = new Date();
  const rows = events.map((e) => ({
    project_id: projectId,
    workflow_id: workflowId,
    run_id: runId,
    seq: e.seq,
    occurred_at: new Date(e.at),
    actor_id: e.actor.userId,
    actor_role: e.actor.role,
    action: e.action,
    payload: asStoredJson(e.payload),
    stage_before: e.stageBefore,
    stage_after: e.stageAfter,
    update_id: e.updateId ?? null,
    recorded_at: recordedAt,
  }));
  // Chained (SM3) in the project's chain; a row already there (a retried projection) is not inserted again.
  const inserted = await appendSealed(tx, 'audit_events', projectChain(projectId), rows, 'ON CONFLICT DO NOTHING');
  const conflicts: AuditConflict[] = [];
  for (const [i, e] of events.entries()) {
    if (inserted[i]) continue;
    const rows: AuditRow[] = await tx.query(
      `SELECT ${AUDIT_COLUMNS} FROM audit_events
       WHERE project_id = $1 AND workflow_id = $2 AND (seq = $3 OR ($4::text IS NOT NULL AND update_id = $4))
       ORDER BY seq = $3 DESC LIMIT 1`,
      [projectId, workflowId, e.seq, e.updateId ?? null],
    );
    const stored = rows[0] ? toStoredAuditEvent(rows[0]) : null;
    if (!stored || !sameAuditEvent(stored, e)) {
      conflicts.push({ seq: e.seq, stored: stored ?? ({ seq: e.seq } as StoredAuditEvent), attempted: e });
    }
  }
  return conflicts;
}

/** The event a step with this update id produced, if it was applied. */
export async function auditEventOfUpdate(db: Queryable, workflowId: string, updateId: string): Promise<StoredAuditEvent | null> {
  const rows: AuditRow[] = await db.query(`SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE workflow_id = $1 AND update_id = $2`, [workflowId, updateId]);
  return rows[0] ? toStoredAuditEvent(rows[0]) : null;
}

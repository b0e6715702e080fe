import { projectClockRecords, serviceClockRecords, type ProjectionBatch } from '@zs/domain';
import { inTransaction, type Database, type Queryable } from '../database';
import { writeProjectFacts } from '../kpis/project-facts-store';
import { writeSlaClockRecords } from '../sla/sla-clock-store';
import { appendAuditEvents, AUDIT_COLUMNS, sameAuditEvent, toStoredAuditEvent, type AuditConflict, type AuditRow } from './audit-event-store';
import { recordProjectionConflicts } from './projection-conflicts';
import { writeProjectReadModel, writeServiceRequestReadModel } from './read-models';

class ConflictingProjection extends Error {
  constructor(readonly conflicts: AuditConflict[]) {
    super(`audit sequence ${conflicts.map((c) => c.seq).join(', ')} already holds another event`);
  }
}

/**
 * Writes a workflow's committed events: appends them to the audit log and refreshes the read
 * model and SLA clocks, in one transaction. Two writers meet here: the API, with the events a
 * step's answer carries (as soon as the workflow task that applied the step committed), and the
 * projection activity the same task scheduled (always, so a lost API write is made up). Both are
 * idempotent and forward only: the same event written twice is one row, and an older batch never
 * overwrites a newer state. The same sequence number with other content is refused: the
 * transaction rolls back, the conflict is kept in projection_conflicts for administrators, and
 * the conflicts are returned (empty when the batch was written or already held).
 */
export async function writeProjectionBatch(db: Database, batch: ProjectionBatch, opts: { mayBeHeld?: boolean } = {}): Promise<AuditConflict[]> {
  const last = batch.events[batch.events.length - 1];
  if (!last) return [];
  // The projection activity usually comes second (the API wrote the step from its answer): then
  // nothing is locked or rewritten. The API, usually first, goes straight to the write.
  if ((opts.mayBeHeld ?? true) && (await projectionHeld(db, batch))) return [];
  try {
    await inTransaction(db, async (tx) => {
      const conflicts = await appendAuditEvents(tx, batch.projectId, batch.workflowId, batch.runId, batch.events);
      if (conflicts.length > 0) throw new ConflictingProjection(conflicts);
      if (batch.stream === 'project') {
        await writeProjectReadModel(tx, batch.workflowId, batch.runId, batch.state, last.at);
        await writeProjectFacts(tx, batch.state);
        // Clock rows per event: a clock that stopped at an earlier event of the batch is closed at that event.
        for (const e of batch.events) {
          await writeSlaClockRecords(tx, batch.workflowId, e.seq, e.at, projectClockRecords(batch.workflowId, batch.state, e.at, e.stageBefore !== e.stageAfter));
        }
      } else {
        await writeServiceRequestReadModel(tx, batch.workflowId, batch.state, last.at);
        for (const e of batch.events) {
          await writeSlaClockRecords(tx, batch.workflowId, e.seq, e.at, serviceClockRecords(batch.workflowId, batch.state, e.at));
        }
      }
    });
    return [];
  } catch (err) {
    if (!(err instanceof ConflictingProjection)) throw err;
    await recordProjectionConflicts(db, batch.workflowId, batch.projectId, err.conflicts);
    return err.conflicts;
  }
}

/**
 * Whether the audit log already holds every event of the batch, each equal to it, and the read
 * model is at or past its last event. A batch ending at seq n is written with the state at n in
 * one transaction (audit rows, read model, clock rows), so its rows being there means the
 * clocks are at or past it too.
 */
async function projectionHeld(db: Queryable, batch: ProjectionBatch): Promise<boolean> {
  const seqs = batch.events.map((e) => e.seq);
  const lastSeq = seqs[seqs.length - 1];
  const readModelTable = batch.stream === 'project' ? 'projects' : 'service_requests';
  const [model]: Array<{ last_seq: number }> = await db.query(`SELECT last_seq FROM ${readModelTable} WHERE workflow_id = $1`, [batch.workflowId]);
  if (!model || model.last_seq < lastSeq) return false;
  const rows: AuditRow[] = await db.query(`SELECT ${AUDIT_COLUMNS} FROM audit_events WHERE project_id = $1 AND workflow_id = $2 AND seq = ANY($3::int[])`, [
    batch.projectId,
    batch.workflowId,
    seqs,
  ]);
  if (rows.length !== seqs.length) return false;
  const stored = new Map(rows.map((r) => [r.seq, toStoredAuditEvent(r)]));
  return batch.events.every((e) => {
    const s = stored.get(e.seq);
    return s !== undefined && sameAuditEvent(s, e);
  });
}

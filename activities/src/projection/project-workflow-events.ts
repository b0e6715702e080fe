import { ApplicationFailure, log } from '@temporalio/activity';
import type { ProjectionBatch } from '@zs/contracts';
import { projectClockRecords, serviceClockRecords } from '@zs/domain';
import {
  appendAuditEvents,
  inTransaction,
  recordProjectionConflicts,
  writeProjectFacts,
  writeProjectReadModel,
  writeServiceRequestReadModel,
  writeSlaClockRecords,
  type AuditConflict,
  type Database,
} from '@zs/persistence';

class ConflictingProjection extends Error {
  constructor(readonly conflicts: AuditConflict[]) {
    super(`audit sequence ${conflicts.map((c) => c.seq).join(', ')} already holds another event`);
  }
}

/**
 * Projects a workflow's committed events: appends them to the audit log and refreshes the
 * read model and SLA clocks, in one transaction. Runs only after the workflow task that
 * applied them committed (a regular activity), so nothing it writes can be a phantom.
 * Idempotent: a retry after a commit finds the same events and changes nothing. The same
 * sequence number with other content is refused: the transaction rolls back, the conflict is
 * kept in projection_conflicts for administrators, and the activity fails (and retries).
 */
export function createProjectWorkflowEvents(db: Database) {
  return async function projectWorkflowEvents(batch: ProjectionBatch): Promise<void> {
    const last = batch.events[batch.events.length - 1];
    if (!last) return;
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
    } catch (err) {
      if (!(err instanceof ConflictingProjection)) throw err;
      await recordProjectionConflicts(db, batch.workflowId, batch.projectId, err.conflicts);
      log.error('projection refused: sequence number already holds another event', { workflowId: batch.workflowId, conflicts: err.conflicts });
      throw ApplicationFailure.retryable(err.message, 'PROJECTION_CONFLICT', err.conflicts);
    }
  };
}

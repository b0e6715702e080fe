import { ApplicationFailure, log } from '@temporalio/activity';
import type { ProjectionBatch } from '@zs/contracts';
import { writeProjectionBatch, type Database } from '@zs/persistence';

/**
 * Projects a workflow's committed events (libs/persistence writeProjectionBatch). Runs only after
 * the workflow task that applied them committed (a regular activity), so nothing it writes can be
 * a phantom. Since answer-on-commit the API has usually written the same events from the step's
 * answer already; this write then finds them held and changes nothing, and it makes up for an API
 * that crashed before writing. A conflict (the same sequence number with other content) is kept
 * for administrators and fails the activity, which retries.
 */
export function createProjectWorkflowEvents(db: Database) {
  return async function projectWorkflowEvents(batch: ProjectionBatch): Promise<void> {
    const conflicts = await writeProjectionBatch(db, batch);
    if (conflicts.length === 0) return;
    const message = `audit sequence ${conflicts.map((c) => c.seq).join(', ')} already holds another event`;
    log.error('projection refused: sequence number already holds another event', { workflowId: batch.workflowId, conflicts });
    throw ApplicationFailure.retryable(message, 'PROJECTION_CONFLICT', conflicts);
  };
}

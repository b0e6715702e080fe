import type { WorkflowHandle } from '@temporalio/client';
import { projectStateQuery } from '@zs/contracts';
import type { ProjectState } from '@zs/domain';
import type { DataSource } from 'typeorm';
import { eventually } from './eventually';

/**
 * Waits until a project's read model (and so its audit log, written in the same transaction) holds
 * everything its workflow applied, and returns that state. Since answer-on-commit (issue 12) a
 * step answers as soon as its workflow task commits and the API writes its events before it
 * answers; a test that sends updates to the workflow itself has no API, so it waits for the
 * projection activity instead.
 */
export async function projectedState(ds: DataSource, handle: WorkflowHandle): Promise<ProjectState> {
  return eventually(`the projection of ${handle.workflowId}`, async () => {
    const { state } = await handle.query(projectStateQuery);
    const [row]: Array<{ last_seq: number }> = await ds.query(`SELECT last_seq FROM projects WHERE workflow_id = $1`, [handle.workflowId]);
    return row && row.last_seq === state.seq ? state : undefined;
  });
}

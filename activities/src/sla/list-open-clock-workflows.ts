import type { ListOpenClockWorkflowsInput } from '@zs/contracts';
import type { DataSource } from 'typeorm';

/** One page of the workflows with an open clock (of one policy, or any), by workflow id. */
export function createListOpenClockWorkflows(dataSource: DataSource) {
  return async function listOpenClockWorkflows({ policyKey, afterWorkflowId, limit }: ListOpenClockWorkflowsInput): Promise<string[]> {
    const rows: { workflow_id: string }[] = await dataSource.query(
      `SELECT DISTINCT workflow_id FROM sla_clocks
        WHERE stopped_at IS NULL AND ($1::text IS NULL OR policy_key = $1) AND ($2::text IS NULL OR workflow_id > $2)
        ORDER BY workflow_id LIMIT $3`,
      [policyKey, afterWorkflowId, limit],
    );
    return rows.map((r) => r.workflow_id);
  };
}

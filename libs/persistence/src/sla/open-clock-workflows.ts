import type { PolicyKey } from '@zs/domain';
import type { Queryable } from '../database';

/** The one definition of "a workflow with an open clock" (of one policy, or any) in the SLA read model. */
const OPEN_CLOCKS = `stopped_at IS NULL AND ($1::text IS NULL OR policy_key = $1)`;

/** How many workflows have an open clock now (recorded with a recalculation request). */
export async function countOpenClockWorkflows(db: Queryable, policyKey: PolicyKey | null): Promise<number> {
  const [{ n }]: { n: string }[] = await db.query(`SELECT count(DISTINCT workflow_id) AS n FROM sla_clocks WHERE ${OPEN_CLOCKS}`, [policyKey]);
  return Number(n);
}

/** One page of them, by workflow id after `afterWorkflowId` (keyset paging: stable while clocks open and close). */
export async function openClockWorkflowPage(db: Queryable, policyKey: PolicyKey | null, afterWorkflowId: string | null, limit: number): Promise<string[]> {
  const rows: { workflow_id: string }[] = await db.query(
    `SELECT DISTINCT workflow_id FROM sla_clocks WHERE ${OPEN_CLOCKS} AND ($2::text IS NULL OR workflow_id > $2) ORDER BY workflow_id LIMIT $3`,
    [policyKey, afterWorkflowId, limit],
  );
  return rows.map((r) => r.workflow_id);
}

import type { ListOpenClockWorkflowsInput } from '@zs/contracts';
import { openClockWorkflowPage, type Database } from '@zs/persistence';

/** One page of the workflows with an open clock (of one policy, or any), by workflow id. */
export function createListOpenClockWorkflows(db: Database) {
  return async function listOpenClockWorkflows({ policyKey, afterWorkflowId, limit }: ListOpenClockWorkflowsInput): Promise<string[]> {
    return openClockWorkflowPage(db, policyKey, afterWorkflowId, limit);
  };
}

import type { ListOpenClockWorkflowsInput } from '@zs/contracts';
import { openClockWorkflowPage } from '@zs/persistence';
import type { DataSource } from 'typeorm';

/** One page of the workflows with an open clock (of one policy, or any), by workflow id. */
export function createListOpenClockWorkflows(dataSource: DataSource) {
  return async function listOpenClockWorkflows({ policyKey, afterWorkflowId, limit }: ListOpenClockWorkflowsInput): Promise<string[]> {
    return openClockWorkflowPage(dataSource, policyKey, afterWorkflowId, limit);
  };
}

import { defineQuery } from '@temporalio/workflow';
import type { PolicyKey, RecalculationRequest } from '@zs/domain';

/**
 * 重新计算 as a durable job: one workflow per request signals every workflow with an open
 * clock, page by page from the SLA read model, so a request reaches all of them even if the
 * API or a worker stops half-way, and administrators can follow its progress.
 */
export const SLA_RECALCULATION_WORKFLOW_TYPE = 'slaRecalculationWorkflow';
export const slaRecalculationWorkflowId = (requestId: string) => `sla-recalculation-${requestId}`;

export interface SlaRecalculationInput {
  request: RecalculationRequest;
  /** Only workflows with an open clock of this policy; null: every open clock. */
  policyKey: PolicyKey | null;
  /** Tuning (tests use small ones): workflows per page (default 100), pages per run before continuing as new (default 10). */
  pageSize?: number;
  pagesPerRun?: number;
  /** Carried over continue-as-new: where the next page starts, and what is done so far. */
  resume?: { afterWorkflowId: string; progress: Omit<SlaRecalculationProgress, 'done'> };
}

export interface SlaRecalculationProgress {
  /** Workflows the signal reached (each recalculates its open clocks once per request). */
  signalled: number;
  /** Workflows that had ended since the read model listed them: nothing left to recalculate. */
  ended: number;
  /** Pages of the read model worked through. */
  pages: number;
  done: boolean;
}

export const slaRecalculationProgressQuery = defineQuery<SlaRecalculationProgress>('slaRecalculationProgress');

export interface ListOpenClockWorkflowsInput {
  policyKey: PolicyKey | null;
  /** Workflow ids after this one, in order (keyset paging: stable while clocks open and close). */
  afterWorkflowId: string | null;
  limit: number;
}

export interface SlaRecalculationActivities {
  listOpenClockWorkflows(input: ListOpenClockWorkflowsInput): Promise<string[]>;
}

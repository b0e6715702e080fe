import { continueAsNew, getExternalWorkflowHandle, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import { recalculateSlaSignal, slaRecalculationProgressQuery, type SlaRecalculationActivities, type SlaRecalculationInput, type SlaRecalculationProgress } from '@zs/contracts';

const { listOpenClockWorkflows } = proxyActivities<SlaRecalculationActivities>({
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '2 seconds', maximumInterval: '1 minute', backoffCoefficient: 2 },
});

/** Workflows signalled at once: each signal adds two events, so a page adds about 200. */
export const RECALCULATION_PAGE_SIZE = 100;
/** Pages per run before continuing as new (about 2,000 events a run, whatever the zone's size). */
export const RECALCULATION_PAGES_PER_RUN = 10;

/**
 * 重新计算: signals every workflow with an open clock (of one policy, or all), a page of the SLA
 * read model at a time in workflow-id order. The signals are commands in this history, so a
 * request reaches every workflow exactly once however often workers restart. A workflow that
 * has ended since the read model listed it refuses the signal: counted, nothing to recalculate.
 */
export async function slaRecalculationWorkflow(input: SlaRecalculationInput): Promise<SlaRecalculationProgress> {
  const progress: SlaRecalculationProgress = { ...(input.resume?.progress ?? { signalled: 0, ended: 0, pages: 0 }), done: false };
  setHandler(slaRecalculationProgressQuery, () => progress);
  const { pageSize = RECALCULATION_PAGE_SIZE, pagesPerRun = RECALCULATION_PAGES_PER_RUN } = input;
  let after: string | null = input.resume?.afterWorkflowId ?? null;
  for (let page = 0; ; page++) {
    if (after !== null && (page === pagesPerRun || workflowInfo().continueAsNewSuggested)) {
      const { signalled, ended, pages } = progress;
      return continueAsNew<typeof slaRecalculationWorkflow>({ ...input, resume: { afterWorkflowId: after, progress: { signalled, ended, pages } } });
    }
    const ids = await listOpenClockWorkflows({ policyKey: input.policyKey, afterWorkflowId: after, limit: pageSize });
    if (ids.length === 0) break;
    const results = await Promise.allSettled(ids.map((id) => getExternalWorkflowHandle(id).signal(recalculateSlaSignal, input.request)));
    for (const r of results) {
      if (r.status === 'fulfilled') progress.signalled++;
      else progress.ended++;
    }
    progress.pages++;
    after = ids[ids.length - 1];
  }
  progress.done = true;
  return progress;
}

import { proxyActivities, sleep } from '@temporalio/workflow';

export interface TimerFloorActivities {
  recordWake(workflowId: string): Promise<void>;
}

const { recordWake } = proxyActivities<TimerFloorActivities>({ startToCloseTimeout: '1 minute' });

/**
 * The floor of an overdue alert: sleep until an absolute instant, then run one activity that
 * notes the time; no state, no database, no projection. Its lateness is what the Temporal
 * server and an SDK worker alone add on this machine at this load.
 */
export async function timerFloorWorkflow(workflowId: string, wakeAt: number): Promise<void> {
  await sleep(Math.max(1, wakeAt - Date.now()));
  await recordWake(workflowId);
}

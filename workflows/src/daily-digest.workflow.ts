import { proxyActivities } from '@temporalio/workflow';
import type { DailyDigestResult, DigestActivities } from '@zs/contracts';

const { sendDailyDigest } = proxyActivities<DigestActivities>({
  startToCloseTimeout: '5 minutes',
  retry: { initialInterval: '5 seconds', maximumInterval: '5 minutes', backoffCoefficient: 2, maximumAttempts: 20 },
});

/** 每日督办: started by the daily Schedule; each department gets its overdue and due-today items. */
export async function dailyDigestWorkflow(): Promise<DailyDigestResult> {
  return sendDailyDigest({ asOf: Date.now() });
}

import { ScheduleAlreadyRunning, ScheduleOverlapPolicy, type Client, type ScheduleOptions } from '@temporalio/client';
import { DAILY_DIGEST_SCHEDULE_ID, DAILY_DIGEST_TIME, DAILY_DIGEST_WORKFLOW_TYPE, LIFECYCLE_TASK_QUEUE } from '@zs/contracts';

function scheduleOptions(taskQueue: string): ScheduleOptions {
  return {
    scheduleId: DAILY_DIGEST_SCHEDULE_ID,
    spec: { calendars: [{ hour: DAILY_DIGEST_TIME.hour, minute: DAILY_DIGEST_TIME.minute }], timezone: DAILY_DIGEST_TIME.timezone },
    action: { type: 'startWorkflow', workflowType: DAILY_DIGEST_WORKFLOW_TYPE, taskQueue, workflowId: DAILY_DIGEST_SCHEDULE_ID, args: [] },
    // A digest still running at the next 08:30 (or a manual trigger) is not doubled; a missed one is sent within the hour.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 hour' },
    memo: { purpose: '每日督办：各部门超时及当日到期事项' },
  };
}

/**
 * Creates the daily digest Schedule, or brings an existing one to today's definition: safe on
 * every start-up of every worker (the Schedule id is fixed, so there is only ever one).
 */
export async function ensureDailyDigestSchedule(client: Client, taskQueue: string = LIFECYCLE_TASK_QUEUE): Promise<'created' | 'updated'> {
  const options = scheduleOptions(taskQueue);
  try {
    await client.schedule.create(options);
    return 'created';
  } catch (err) {
    if (!(err instanceof ScheduleAlreadyRunning)) throw err;
    await client.schedule.getHandle(DAILY_DIGEST_SCHEDULE_ID).update((previous) => ({ ...previous, spec: options.spec, action: options.action, policies: options.policies }));
    return 'updated';
  }
}

import { condition } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import { fulfilmentScheduleOf, ROLE_LABELS, shanghaiDate, type FulfilmentReminder, type ProjectState } from '@zs/domain';
import type { ClockDeps } from './sla-clock-runner';

function reminderAlert(state: ProjectState, due: number, reminder: FulfilmentReminder): NotificationRequest {
  const date = shanghaiDate(due);
  const { level, notify, department } = reminder;
  const company = state.lead.companyName;
  return {
    dedupeKey: `${state.projectId}:fulfilment:${due}:${notify}${department ? `:${department}` : ''}`,
    projectId: state.projectId,
    kind: 'fulfilment.due',
    level,
    recipientRole: notify,
    ...(department ? { recipientDepartment: department } : {}),
    title: level === 0 ? `【履约检查】${company} 本期履约检查已到期（${date}）` : `【履约检查${level}级督办】${company} 本期履约检查逾期未登记（${date}到期）`,
    body: level === 0 ? `请核对到位资金、投产与纳税情况并登记履约检查。` : `请督促登记履约检查。接收人：${department ?? ''}${ROLE_LABELS[notify]}。`,
    data: { clock: 'fulfilment', dueAt: new Date(due).toISOString(), ...(level > 0 ? { level } : {}) },
  };
}

/**
 * 履约: when a periodic fulfilment check falls due, sends the project's reminders in turn (by
 * default the Enterprise Service Bureau once, at the due time; from the fulfilment_check policy
 * in force at production), then waits for the check, which sets the next due date. Runs while in service.
 */
export function runFulfilmentWatch(deps: ClockDeps): () => Promise<void> {
  const inService = () => deps.getState().stage === 'service';
  const dueAt = () => deps.getState().fulfilment?.nextCheckDueAt ?? null;
  return async function run(): Promise<void> {
    while (inService()) {
      const due = dueAt();
      if (due === null) return;
      let checked = false;
      for (const reminder of fulfilmentScheduleOf(deps.getState().fulfilment).reminders) {
        const waitMs = due + reminder.afterDueMs - Date.now();
        if (waitMs > 0) {
          checked = await condition(() => !inService() || dueAt() !== due, waitMs);
          if (checked) break;
        }
        await deps.notify(reminderAlert(deps.getState(), due, reminder));
      }
      if (!checked) await condition(() => !inService() || dueAt() !== due);
    }
  };
}

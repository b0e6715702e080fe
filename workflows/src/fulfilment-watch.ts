import { condition } from '@temporalio/workflow';
import type { ClockDeps } from './sla-clock-runner';

/**
 * 履约: reminds the Enterprise Service Bureau once when a periodic fulfilment check falls
 * due, then waits for the check, which sets the next due date. Runs while in service.
 */
export function runFulfilmentWatch(deps: ClockDeps): () => Promise<void> {
  const inService = () => deps.getState().stage === 'service';
  const dueAt = () => deps.getState().fulfilment?.nextCheckDueAt ?? null;
  return async function run(): Promise<void> {
    while (inService()) {
      const due = dueAt();
      if (due === null) return;
      const waitMs = due - Date.now();
      if (waitMs > 0) {
        const changed = await condition(() => !inService() || dueAt() !== due, waitMs);
        if (changed) continue;
      }
      const state = deps.getState();
      const date = new Date(due + 8 * 3600_000).toISOString().slice(0, 10);
      await deps.notify({
        dedupeKey: `${state.projectId}:fulfilment:${due}:enterprise_service_bureau`,
        projectId: state.projectId,
        kind: 'fulfilment.due',
        level: 0,
        recipientRole: 'enterprise_service_bureau',
        title: `【履约检查】${state.lead.companyName} 本期履约检查已到期（${date}）`,
        body: `请核对到位资金、投产与纳税情况并登记履约检查。`,
        data: { clock: 'fulfilment', dueAt: new Date(due).toISOString() },
      });
      await condition(() => !inService() || dueAt() !== due);
    }
  };
}

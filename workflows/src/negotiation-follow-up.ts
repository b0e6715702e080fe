import { condition } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import {
  FOLLOW_UP_POLICY,
  missFollowUp,
  negotiationOf,
  nextFollowUpDueAt,
  ROLE_LABELS,
  SYSTEM_ACTOR,
  type ProjectState,
  type Transition,
} from '@zs/domain';

interface FollowUpDeps {
  getState(): ProjectState;
  apply(t: Transition): Promise<void>;
  notify(request: NotificationRequest): Promise<void>;
}

function followUpAlerts(state: ProjectState, missedInRow: number, lastContactAt: number, escalated: boolean): NotificationRequest[] {
  const company = state.lead.companyName;
  const owner = state.registeredBy;
  const base = { projectId: state.projectId, level: escalated ? 1 : 0, data: { clock: 'follow_up', missedInRow, stage: state.stage } };
  const reminder: NotificationRequest = {
    ...base,
    dedupeKey: `${state.projectId}:follow_up:${lastContactAt}:${missedInRow}:owner:${owner.userId}`,
    kind: 'follow_up.reminder',
    recipientRole: owner.role,
    recipientUserId: owner.userId,
    title: `【跟进提醒】${company} 已连续${missedInRow}次未按期跟进`,
    body: `请尽快拜访或联系${company}并登记洽谈记录。`,
  };
  if (!escalated) return [reminder];
  return [
    reminder,
    {
      ...base,
      dedupeKey: `${state.projectId}:follow_up:${lastContactAt}:${missedInRow}:${FOLLOW_UP_POLICY.escalateTo}`,
      kind: 'sla.escalated',
      recipientRole: FOLLOW_UP_POLICY.escalateTo,
      title: `【督办】${company} 洽谈已连续${missedInRow}次未跟进`,
      body: `负责人：${owner.displayName ?? owner.userId}。接收人：${ROLE_LABELS[FOLLOW_UP_POLICY.escalateTo]}。`,
    },
  ];
}

/**
 * 洽谈跟进: one follow-up per cadence of the information grade. Each missed one reminds the
 * owner; every Nth in a row also escalates. A recorded contact restarts the cadence.
 */
export function runNegotiationFollowUp(deps: FollowUpDeps): () => Promise<void> {
  const inNegotiation = () => deps.getState().stage === 'negotiation';
  const cadenceKey = () => {
    const f = negotiationOf(deps.getState()).followUp;
    return `${f.lastContactAt}:${f.missedInRow}`;
  };
  return async function run(): Promise<void> {
    while (inNegotiation()) {
      const key = cadenceKey();
      const waitMs = nextFollowUpDueAt(negotiationOf(deps.getState()).followUp) - Date.now();
      if (waitMs > 0) {
        const changed = await condition(() => !inNegotiation() || cadenceKey() !== key, waitMs);
        if (changed) continue;
      }
      const before = negotiationOf(deps.getState()).followUp;
      const t = missFollowUp(deps.getState(), SYSTEM_ACTOR, Date.now());
      await deps.apply(t);
      for (const alert of followUpAlerts(t.state, before.missedInRow + 1, before.lastContactAt, t.escalated)) await deps.notify(alert);
    }
  };
}

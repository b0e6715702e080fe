import { condition } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import {
  missFollowUp,
  negotiationOf,
  nextFollowUpDueAt,
  RESPONSIBLE,
  ROLE_LABELS,
  SYSTEM_ACTOR,
  type FollowUpAlertLevel,
  type ProjectState,
  type Transition,
} from '@zs/domain';

interface FollowUpDeps {
  getState(): ProjectState;
  apply(t: Transition): Promise<void>;
  notify(request: NotificationRequest): Promise<void>;
}

/**
 * The alerts of one missed follow-up: a reminder to the lead's owner by name, an escalation to
 * each other level's role. All carry the highest level sent (0: the owner's reminder alone).
 */
function followUpAlerts(state: ProjectState, levels: FollowUpAlertLevel[], missedInRow: number, lastContactAt: number): NotificationRequest[] {
  const company = state.lead.companyName;
  const owner = state.registeredBy;
  const highest = Math.max(0, ...levels.map((l) => l.level));
  const base = { projectId: state.projectId, level: highest, data: { clock: 'follow_up', missedInRow, stage: state.stage } };
  const event = `${state.projectId}:follow_up:${lastContactAt}:${missedInRow}`;
  return levels.map((l): NotificationRequest => {
    if (l.notify === RESPONSIBLE) {
      return {
        ...base,
        dedupeKey: `${event}:owner:${owner.userId}`,
        kind: 'follow_up.reminder',
        recipientRole: owner.role,
        recipientUserId: owner.userId,
        title: `【跟进提醒】${company} 已连续${missedInRow}次未按期跟进`,
        body: `请尽快拜访或联系${company}并登记洽谈记录。`,
      };
    }
    return {
      ...base,
      dedupeKey: `${event}:${l.notify}${l.department ? `:${l.department}` : ''}`,
      kind: 'sla.escalated',
      recipientRole: l.notify,
      ...(l.department ? { recipientDepartment: l.department } : {}),
      title: `【督办】${company} 洽谈已连续${missedInRow}次未跟进`,
      body: `负责人：${owner.displayName ?? owner.userId}。接收人：${l.department ?? ''}${ROLE_LABELS[l.notify]}。`,
    };
  });
}

/**
 * 洽谈跟进: one follow-up per cadence of the information grade. Each missed one alerts the
 * levels of the negotiation's ladder due at that miss (by default the owner at each, the bureau
 * head at every third in a row); cadence and ladder come from the follow_up:<grade> policy in
 * force at acceptance (see PROJECT_CADENCES). A recorded contact restarts the cadence.
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
      for (const alert of followUpAlerts(t.state, t.alerts, before.missedInRow + 1, before.lastContactAt)) await deps.notify(alert);
    }
  };
}

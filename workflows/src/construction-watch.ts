import { condition, patched } from '@temporalio/workflow';
import type { NotificationRequest } from '@zs/contracts';
import {
  endOfShanghaiDay,
  escalateMilestone,
  MILESTONE_LABELS,
  milestoneEscalationsOf,
  ROLE_LABELS,
  SYSTEM_ACTOR,
  type MilestoneNode,
  type ProjectState,
  type Role,
  weeklyListEveryMs,
} from '@zs/domain';
import { PATCHES } from './patches';
import type { ClockDeps } from './sla-clock-runner';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

interface DueEscalation {
  at: number;
  node: MilestoneNode;
  level: number;
}

/** The earliest escalation still to send for any open node of the current plan. */
function nextEscalation(state: ProjectState): DueEscalation | null {
  let best: DueEscalation | null = null;
  for (const node of state.construction?.nodes ?? []) {
    if (node.completedOn) continue;
    const step = milestoneEscalationsOf(node).find((e) => !node.escalated.includes(e.level));
    if (!step) continue;
    const at = endOfShanghaiDay(node.dueOn) + step.afterDueMs;
    if (!best || at < best.at) best = { at, node, level: step.level };
  }
  return best;
}

function escalationAlert(state: ProjectState, node: MilestoneNode, level: number): NotificationRequest {
  const step = milestoneEscalationsOf(node).find((e) => e.level === level)!;
  const toResponsible = step.notify === 'responsible';
  // The responsible person is addressed by name; their alert sits in the bureau's role inbox scope.
  const role: Role = step.notify === 'responsible' ? 'project_service_bureau' : step.notify;
  const department = toResponsible ? null : (step.department ?? null);
  const label = MILESTONE_LABELS[node.kind];
  const title = `【节点${level === 1 ? '逾期' : `${level - 1}级督办`}】${state.lead.companyName} ${label}（计划${node.dueOn}）未完成`;
  return {
    dedupeKey: `${state.projectId}:milestone:${node.kind}:${node.dueOn}:${level}:${toResponsible ? node.responsible.userId : role}${department ? `:${department}` : ''}`,
    projectId: state.projectId,
    kind: 'sla.escalated',
    level,
    recipientRole: role,
    ...(toResponsible ? { recipientUserId: node.responsible.userId } : {}),
    ...(department ? { recipientDepartment: department } : {}),
    title,
    body: `${title}。责任人：${node.responsible.name}。接收人：${toResponsible ? node.responsible.name : `${department ?? ''}${ROLE_LABELS[role]}`}。`,
    data: { clock: 'milestone', kind: node.kind, dueOn: node.dueOn, level },
  };
}

/** How staff read a period: 7天, 36小时. */
const spanLabel = (ms: number) => (ms % DAY_MS === 0 ? `${ms / DAY_MS}天` : `${Math.round((ms / HOUR_MS) * 10) / 10}小时`);

/** For each responsible person, their open nodes due before the next list. */
function weeklyReminders(state: ProjectState, cycle: number, now: number): NotificationRequest[] {
  const everyMs = weeklyListEveryMs(state.construction!);
  const horizon = now + everyMs;
  const byPerson = new Map<string, MilestoneNode[]>();
  for (const node of state.construction?.nodes ?? []) {
    const due = endOfShanghaiDay(node.dueOn);
    if (node.completedOn || due <= now || due > horizon) continue;
    byPerson.set(node.responsible.userId, [...(byPerson.get(node.responsible.userId) ?? []), node]);
  }
  return [...byPerson.entries()].map(([userId, nodes]) => ({
    dedupeKey: `${state.projectId}:milestone-weekly:${cycle}:${userId}`,
    projectId: state.projectId,
    kind: 'milestone.weekly' as const,
    level: 0,
    recipientRole: 'project_service_bureau' as const,
    recipientUserId: userId,
    title: `【周提醒】${state.lead.companyName} 未来${spanLabel(everyMs)}到期节点 ${nodes.length} 个`,
    body: nodes.map((n) => `${MILESTONE_LABELS[n.kind]}：${n.dueOn}`).join('；'),
    data: { clock: 'milestone-weekly', cycle, nodes: nodes.map((n) => ({ kind: n.kind, dueOn: n.dueOn })) },
  }));
}

/**
 * 建设期: escalates each overdue node up its ladder (by default responsible person → bureau →
 * zone leadership; from the milestone:<kind> policy in force when the plan was laid out), once
 * per level and due date, and sends each responsible person a weekly list of their nodes due
 * before the next list (every 7 days by default; from the milestone_weekly policy of the plan). Runs while the project is in construction.
 */
export function runConstructionWatch(deps: ClockDeps): () => Promise<void> {
  const inConstruction = () => deps.getState().stage === 'construction';
  return async function run(): Promise<void> {
    await condition(() => !inConstruction() || !!deps.getState().construction);
    let lastWeeklyCycle = 0;
    while (inConstruction()) {
      const state = deps.getState();
      const plan = state.construction!;
      const escalation = nextEscalation(state);
      const everyMs = weeklyListEveryMs(plan);
      const weeklyCycle = Math.max(lastWeeklyCycle, Math.floor((Date.now() - plan.weeklyAnchorAt) / everyMs)) + 1;
      const weeklyAt = plan.weeklyAnchorAt + weeklyCycle * everyMs;
      const wakeAt = Math.min(weeklyAt, escalation?.at ?? Infinity);
      const waitMs = wakeAt - Date.now();
      if (waitMs > 0) {
        const changed = await condition(() => !inConstruction() || deps.getState().construction !== plan, waitMs);
        if (changed) continue;
      }
      if (escalation && escalation.at <= Date.now()) {
        const current = patched(PATCHES.constructionWatchFreshState) ? deps.getState() : state;
        await deps.apply(escalateMilestone(current, escalation.node.kind, escalation.level, SYSTEM_ACTOR, Date.now()));
        await deps.notify(escalationAlert(state, escalation.node, escalation.level));
      }
      if (weeklyAt <= Date.now()) {
        lastWeeklyCycle = weeklyCycle;
        for (const reminder of weeklyReminders(deps.getState(), weeklyCycle, Date.now())) await deps.notify(reminder);
      }
    }
  };
}

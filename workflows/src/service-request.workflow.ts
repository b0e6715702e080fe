import { allHandlersFinished, condition, setHandler, workflowInfo } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  acceptServiceRequestUpdate,
  rateServiceRequestUpdate,
  resolveServiceRequestUpdate,
  serviceRequestRegisteredUpdate,
  serviceRequestStateQuery,
  transferServiceRequestUpdate,
  type NotificationRequest,
  type ServiceRequestWorkflowInput,
  type StepUpdate,
} from '@zs/contracts';
import {
  acceptServiceRequest,
  CLOCK_LABELS,
  fireServiceThreshold,
  raiseServiceRequest,
  rateServiceRequest,
  resolveServiceRequest,
  ROLE_LABELS,
  SERVICE_ACCEPT_POLICY,
  SERVICE_RESOLVE_POLICIES,
  transferServiceRequest,
  type Actor,
  type ServiceRequestState,
  type ServiceTransition,
  type SlaPolicy,
  type Threshold,
} from '@zs/domain';
import { runSlaClock } from './sla-clock-runner';
import { notifications, persistence, registerStep } from './workflow-steps';

const { recordServiceRequestEvent } = persistence;
const { sendNotification } = notifications;

function serviceAlert(state: ServiceRequestState, policy: SlaPolicy, startedAt: number, threshold: Threshold): NotificationRequest {
  const label = CLOCK_LABELS[policy.clock];
  const title =
    threshold.kind === 'warning'
      ? `【预警】${state.companyName}「${state.title}」${label}即将超时`
      : `【${threshold.level}级督办】${state.companyName}「${state.title}」${label}已超时`;
  return {
    // A transfer or a reopening starts a new clock: its alerts are new ones.
    dedupeKey: `${state.projectId}:${state.requestId}:${policy.clock}:${startedAt}:${threshold.key}:${threshold.notify}`,
    projectId: state.projectId,
    kind: threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    level: threshold.level,
    recipientRole: threshold.notify,
    title,
    body: `${title}。承办部门：${state.department}。接收人：${ROLE_LABELS[threshold.notify]}。`,
    data: { clock: policy.clock, requestId: state.requestId, threshold: threshold.key },
  };
}

/**
 * One firm request (企业点单) as its own workflow, with its own clocks: the department
 * accepts within a day (部门接单), resolves within its category's limit (问题销单), the
 * firm rates it; "unsatisfied" reopens it. Started by the project workflow as a child.
 */
export async function serviceRequestWorkflow(input: ServiceRequestWorkflowInput): Promise<ServiceRequestState> {
  const { workflowId, runId } = workflowInfo();
  const raised = raiseServiceRequest(input.requestId, input.projectId, input.companyName, input.command, input.raisedBy, Date.now());
  let state = raised.state;
  let persistedSeq = 0;

  const apply = async (t: ServiceTransition): Promise<void> => {
    state = t.state;
    await recordServiceRequestEvent({ workflowId, runId, state: t.state, audit: t.audit });
    persistedSeq = Math.max(persistedSeq, t.audit.seq);
  };

  setHandler(serviceRequestStateQuery, () => state);
  setHandler(serviceRequestRegisteredUpdate, async () => {
    await condition(() => persistedSeq >= 1);
    return state;
  });

  const step = <C>(
    update: UpdateDefinition<ServiceRequestState, [StepUpdate<C>]>,
    transition: (s: ServiceRequestState, command: C, actor: Actor, now: number) => ServiceTransition,
  ) => registerStep(update, () => state, transition, apply, () => state);
  step(acceptServiceRequestUpdate, acceptServiceRequest);
  step(transferServiceRequestUpdate, transferServiceRequest);
  step(resolveServiceRequestUpdate, resolveServiceRequest);
  step(rateServiceRequestUpdate, rateServiceRequest);

  const deps = { getState: () => state, apply, notify: sendNotification };
  const acceptClock = runSlaClock(deps, {
    policy: SERVICE_ACCEPT_POLICY,
    clockOf: (s) => s.acceptClock,
    isOpen: (s) => s.status === 'dispatched',
    fire: (s, t, actor, now) => fireServiceThreshold(s, 'service_accept', t, actor, now),
    alert: (s, t) => serviceAlert(s, SERVICE_ACCEPT_POLICY, s.acceptClock.startedAt, t),
  });
  const resolvePolicy = SERVICE_RESOLVE_POLICIES[state.category];
  const resolveClock = runSlaClock(deps, {
    policy: resolvePolicy,
    clockOf: (s) => s.resolveClock,
    isOpen: (s) => s.status === 'accepted',
    fire: (s, t, actor, now) => fireServiceThreshold(s, 'service_resolve', t, actor, now),
    alert: (s, t) => serviceAlert(s, resolvePolicy, s.resolveClock?.startedAt ?? 0, t),
  });

  await recordServiceRequestEvent({ workflowId, runId, state, audit: raised.audit });
  persistedSeq = Math.max(persistedSeq, raised.audit.seq);

  while (state.status !== 'closed') {
    if (state.status === 'dispatched') await acceptClock();
    else if (state.status === 'accepted') await resolveClock();
    else await condition(() => state.status !== 'resolved');
  }
  await condition(allHandlersFinished);
  return state;
}

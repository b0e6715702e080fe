import { allHandlersFinished, condition, patched, setHandler, workflowInfo } from '@temporalio/workflow';
import {
  recalculateSlaSignal,
  serviceRequestRegisteredUpdate,
  serviceRequestStateQuery,
  SERVICE_REQUEST_STEPS,
  type NotificationRequest,
  type ServiceRequestWorkflowInput,
} from '@zs/contracts';
import {
  CLOCK_LABELS,
  SERVICE_PLANNED_SLOTS,
  withPlans,
  recalculateServiceClock,
  serviceClockSlot,
  type ClockName,
  type AuditActor,
  type ClockPlan,
  type ClockSlot,
  type RecalculationRequest,
  fireServiceThreshold,
  raiseServiceRequest,
  ROLE_LABELS,
  SERVICE_ACCEPT_POLICY,
  SERVICE_RESOLVE_POLICIES,
  type ServiceRequestState,
  type ServiceTransition,
  type Threshold,
} from '@zs/domain';
import { planNewClocks } from './clock-planner';
import { runSlaClock } from './sla-clock-runner';
import { notifications, persistence, registerCatalogueSteps } from './workflow-steps';
import { AppliedUpdates, assertFollows } from './applied-updates';
import { PATCHES } from './patches';
import { createProjector } from './projector';

const { recordServiceRequestEvent } = persistence;
const { sendNotification } = notifications;

function serviceAlert(state: ServiceRequestState, clock: ClockName, startedAt: number, threshold: Threshold): NotificationRequest {
  const label = CLOCK_LABELS[clock];
  const title =
    threshold.kind === 'warning'
      ? `【预警】${state.companyName}「${state.title}」${label}即将超时`
      : `【${threshold.level}级督办】${state.companyName}「${state.title}」${label}已超时`;
  return {
    // A transfer or a reopening starts a new clock: its alerts are new ones.
    dedupeKey: `${state.projectId}:${state.requestId}:${clock}:${startedAt}:${threshold.key}:${threshold.notify}`,
    projectId: state.projectId,
    kind: threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated',
    level: threshold.level,
    recipientRole: threshold.notify,
    ...(threshold.department ? { recipientDepartment: threshold.department } : {}),
    title,
    body: `${title}。承办部门：${state.department}。接收人：${ROLE_LABELS[threshold.notify]}。`,
    data: { clock, requestId: state.requestId, threshold: threshold.key },
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
  const trusted = () => patched(PATCHES.trustedRecord);
  const projector = createProjector({ stream: 'service_request', workflowId, runId, projectId: input.projectId }, () => state, () => persistedSeq);
  const appliedUpdates = new AppliedUpdates();

  /** As the project workflow's apply: synchronous, then projected from committed history (issue 8). */
  const apply = async (t: ServiceTransition, awaitProjection = true): Promise<void> => {
    if (trusted()) {
      assertFollows(state.seq, t.audit.seq);
      state = t.state;
      if (t.audit.updateId) appliedUpdates.add(t.audit.updateId);
      projector.record(t.audit);
      if (awaitProjection) await projector.projected(t.audit.seq);
      return;
    }
    state = t.state;
    await recordServiceRequestEvent({ workflowId, runId, state: t.state, audit: t.audit });
    persistedSeq = Math.max(persistedSeq, t.audit.seq);
  };

  setHandler(serviceRequestStateQuery, () => state);
  setHandler(serviceRequestRegisteredUpdate, async () => {
    await condition(() => Math.max(persistedSeq, projector.projectedSeq()) >= 1);
    return state;
  });

  const host = {
    getState: () => state,
    apply,
    trusted,
    applied: (id: string) => appliedUpdates.has(id),
    // Answer-on-commit (issue 12), as the project's steps: the answer is the request's state, with its events.
    answersOnCommit: () => patched(PATCHES.answerOnCommit),
    unprojected: (seq: number) => ({ stream: 'service_request' as const, workflowId, runId, projectId: input.projectId, events: projector.unprojected(seq) }),
  };
  // Every step from the catalogue (libs/contracts/src/steps/service-request-steps.ts); only the
  // clock's owner pauses or resumes it (access/step-rules.ts; validator only, histories unchanged).
  registerCatalogueSteps(SERVICE_REQUEST_STEPS, host, () => state, { clockSlots: SERVICE_PLANNED_SLOTS });

  const recalculations: RecalculationRequest[] = [];
  setHandler(recalculateSlaSignal, (request) => {
    if (!recalculations.some((r) => r.requestId === request.requestId)) recalculations.push(request);
  });

  const deps = { getState: () => state, apply, notify: sendNotification, recalculations: () => recalculations };
  const clockSpec = (slot: ClockSlot<ServiceRequestState>, clock: 'service_accept' | 'service_resolve') => ({
    slot,
    recalculate: (s: ServiceRequestState, plan: ClockPlan, request: RecalculationRequest, now: number) => recalculateServiceClock(s, slot, plan, request, now),
    fire: (s: ServiceRequestState, t: Threshold, actor: AuditActor, now: number) => fireServiceThreshold(s, clock, t, actor, now),
    alert: (s: ServiceRequestState, t: Threshold) => serviceAlert(s, clock, slot.get(s)?.startedAt ?? 0, t),
  });
  const acceptClock = runSlaClock(deps, {
    ...clockSpec(serviceClockSlot('service_accept'), 'service_accept'),
    builtInPolicy: SERVICE_ACCEPT_POLICY,
  });
  const resolveClock = runSlaClock(deps, {
    ...clockSpec(serviceClockSlot('service_resolve'), 'service_resolve'),
    builtInPolicy: SERVICE_RESOLVE_POLICIES[state.category],
  });

  state = withPlans(state, await planNewClocks(SERVICE_PLANNED_SLOTS, state, raised.audit.at));
  if (trusted()) {
    projector.record(raised.audit);
  } else {
    await recordServiceRequestEvent({ workflowId, runId, state, audit: raised.audit });
    persistedSeq = Math.max(persistedSeq, raised.audit.seq);
  }

  while (state.status !== 'closed') {
    if (state.status === 'dispatched') await acceptClock();
    else if (state.status === 'accepted') await resolveClock();
    else await condition(() => state.status !== 'resolved');
  }
  await condition(allHandlersFinished);
  if (trusted()) await projector.drained();
  return state;
}

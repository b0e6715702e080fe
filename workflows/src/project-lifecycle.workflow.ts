import {
  allHandlersFinished,
  condition,
  continueAsNew,
  currentUpdateInfo,
  ParentClosePolicy,
  patched,
  setHandler,
  startChild,
  upsertSearchAttributes,
  uuid4,
  workflowInfo,
} from '@temporalio/workflow';
import {
  raiseServiceRequestUpdate,
  SERVICE_REQUEST_WORKFLOW_TYPE,
  serviceRequestWorkflowId,
  type ServiceRequestWorkflowInput,
  type ServiceRequestRaised,
  projectStateQuery,
  registrationUpdate,
  PROJECT_STEPS,
  SA_INDUSTRY_CHAIN,
  SA_INFO_GRADE,
  SA_PROJECT_STAGE,
  SA_SLA_OVERDUE,
  recalculateSlaSignal,
  type ProjectSnapshot,
  type ProjectWorkflowInput,
} from '@zs/contracts';
import {
  validateServiceRequest,
  ERROR_CODES,
  DomainError,
  localized,
  STAGE_LABELS,
  registerLead,
  importProject,
  TERMINAL_STAGES,
  PROJECT_CADENCES,
  PROJECT_PLANNED_SLOTS,
  withPlans,
  type RecalculationRequest,
  type ProjectState,
  type Transition,
} from '@zs/domain';
import { planNewClocks } from './clock-planner';
import { runCommissionerClock } from './commissioner-clock';
import { runConstructionWatch } from './construction-watch';
import { runFulfilmentWatch } from './fulfilment-watch';
import { runIntakeClock } from './intake-clock';
import { runNegotiationFollowUp } from './negotiation-follow-up';
import { PATCHES } from './patches';
import { importedProject } from './project-import';
import { notifications, persistence, refuse, registerCatalogueSteps } from './workflow-steps';
import { createProjector } from './projector';
import { AppliedUpdates, assertFollows } from './applied-updates';

const { recordProjectEvent } = persistence;
const { sendNotification } = notifications;

/** Continue-as-new well before the server's limits (51,200 events), at the SDK's suggestion or at our own cap. */
export const MAX_EVENTS_PER_RUN = 2_000;
const historyTooLong = (): boolean => workflowInfo().continueAsNewSuggested || workflowInfo().historyLength > MAX_EVENTS_PER_RUN;

/** One durable workflow per investment project, from lead to the end of its life. */
export async function projectLifecycleWorkflow(input: ProjectWorkflowInput): Promise<ProjectState> {
  const { workflowId, runId } = workflowInfo();
  // A run continued-as-new resumes the carried-over state; only the first run registers the lead
  // (with the ownership and duplicate confirmation of issue 10 when its input carries them).
  // An imported project (issue 10) records its import instead (only runs started by POST /imports carry it).
  const registration = input.resume
    ? null
    : input.imported
      ? importProject(input.imported.record, input.imported.mark, Date.now())
      : registerLead(input.projectId, input.lead, input.registeredBy, Date.now(), input);
  let state = input.resume ?? registration!.state;
  let persistedSeq = input.resume ? input.resume.seq : 0;

  const snapshot = (): ProjectSnapshot => ({ state, requestHash: input.requestHash });
  // Remembered for the transitions a validator also runs (it must not call patched()); a
  // validator's answer does not depend on it, only the state a handler produces does.
  let trustedSeen = false;
  const trusted = () => (trustedSeen = patched(PATCHES.trustedRecord));
  const projector = createProjector(
    { stream: 'project', workflowId, runId, projectId: input.projectId },
    () => state,
    () => persistedSeq,
  );
  const appliedUpdates = new AppliedUpdates(input.appliedUpdates);

  /**
   * Applies a transition synchronously (so a concurrent step validates against it), then
   * waits until it is projected. Since issue 8 the transition must have been computed from
   * the current state (its sequence number follows it), and it is projected from committed
   * history by the projector; before, a local activity wrote it (kept for replay).
   */
  const apply = async (t: Transition, awaitProjection = true): Promise<void> => {
    if (trusted()) {
      assertFollows(state.seq, t.audit.seq);
      state = t.state;
      if (t.audit.updateId) appliedUpdates.add(t.audit.updateId);
      upsertSearchAttributes([
        { key: SA_PROJECT_STAGE, value: state.stage },
        { key: SA_SLA_OVERDUE, value: state.overdue },
      ]);
      projector.record(t.audit);
      if (awaitProjection) await projector.projected(t.audit.seq);
      return;
    }
    state = t.state;
    upsertSearchAttributes([
      { key: SA_PROJECT_STAGE, value: state.stage },
      { key: SA_SLA_OVERDUE, value: state.overdue },
    ]);
    await recordProjectEvent({ workflowId, runId, state: t.state, audit: t.audit });
    persistedSeq = Math.max(persistedSeq, t.audit.seq);
  };
  const projectedSeq = () => Math.max(persistedSeq, projector.projectedSeq());

  setHandler(projectStateQuery, snapshot);

  const answersOnCommit = () => patched(PATCHES.answerOnCommit);
  const unprojected = (seq: number) => ({ stream: 'project' as const, workflowId, runId, projectId: input.projectId, events: projector.unprojected(seq) });

  setHandler(registrationUpdate, async () => {
    if (input.resume || !answersOnCommit()) {
      await condition(() => projectedSeq() >= 1);
      return snapshot();
    }
    // Answer-on-commit: as soon as the first event is recorded (the task that records it commits
    // with the answer), with the events for the API to write. A run from before the trusted record
    // records none: it answers once its local activity wrote the first event, with none.
    await condition(() => projectedSeq() >= 1 || projector.recordedSeq() >= 1);
    return { ...snapshot(), projection: unprojected(state.seq) };
  });

  const host = {
    getState: () => state,
    apply,
    trusted,
    applied: (id: string) => appliedUpdates.has(id),
    trustedSeen: () => trustedSeen,
    answersOnCommit,
    unprojected,
  };
  // Every staff step from the step catalogue (libs/contracts/src/steps/project-steps.ts), each with
  // its per-person rule and checks run by the validator only (no patch gate: handlers and histories
  // are unchanged, a refused update is not recorded). Handlers add no commands, so a step added to
  // the catalogue needs no version gate: projects started on older code can take it too.
  registerCatalogueSteps(PROJECT_STEPS, host, snapshot, { clockSlots: PROJECT_PLANNED_SLOTS, cadences: PROJECT_CADENCES });

  // Kept for the run only: a request concerns the clocks open when it arrives, which replan at once.
  const recalculations: RecalculationRequest[] = [];
  setHandler(recalculateSlaSignal, (request) => {
    if (!recalculations.some((r) => r.requestId === request.requestId)) recalculations.push(request);
  });

  // 企业点单: each request lives in its own child workflow (own clocks, own history), abandoned
  // rather than closed with the project run so it survives continue-as-new.
  setHandler(
    raiseServiceRequestUpdate,
    async ({ actor, command }) => {
      // A raise retried with its Idempotency-Key after continue-as-new gets the request it started.
      const updateId = currentUpdateInfo()?.id;
      if (updateId && appliedUpdates.has(updateId)) return appliedUpdates.answerOf(updateId) as ServiceRequestRaised;
      const requestId = uuid4();
      const workflowId = serviceRequestWorkflowId(requestId);
      const input: ServiceRequestWorkflowInput = { requestId, projectId: state.projectId, companyName: state.lead.companyName, command, raisedBy: actor };
      await startChild(SERVICE_REQUEST_WORKFLOW_TYPE, { workflowId, args: [input], parentClosePolicy: ParentClosePolicy.ABANDON });
      if (updateId && trusted()) appliedUpdates.add(updateId, { requestId, workflowId });
      return { requestId, workflowId };
    },
    {
      validator: ({ actor, command }) => {
        const updateId = currentUpdateInfo()?.id;
        if (updateId && appliedUpdates.has(updateId)) return;
        try {
          if (state.stage !== 'service') {
            throw new DomainError(
              ERROR_CODES.WRONG_STAGE,
              localized(`投产后才能提出服务请求：项目处于「${STAGE_LABELS[state.stage]}」阶段`, `service requests start after production: project is in stage ${state.stage}`),
            );
          }
          validateServiceRequest(command, actor);
        } catch (err) {
          refuse(err);
        }
      },
    },
  );

  const deps = { getState: () => state, apply, notify: sendNotification, recalculations: () => recalculations };
  const intakeClock = runIntakeClock(deps);
  const negotiationFollowUp = runNegotiationFollowUp(deps);
  const commissionerClock = runCommissionerClock(deps);
  const constructionWatch = runConstructionWatch(deps);
  const fulfilmentWatch = runFulfilmentWatch(deps);

  upsertSearchAttributes([
    { key: SA_PROJECT_STAGE, value: state.stage },
    { key: SA_SLA_OVERDUE, value: state.overdue },
    { key: SA_INDUSTRY_CHAIN, value: input.lead.industryChain },
    { key: SA_INFO_GRADE, value: input.lead.infoGrade },
  ]);
  if (registration) {
    // An import plans its open clocks from their past starts and quiets what is already past (project-import.ts).
    const imported = input.imported ? await importedProject(input.imported, registration.audit.at) : null;
    state = imported ? imported.state : withPlans(state, await planNewClocks(PROJECT_PLANNED_SLOTS, state, registration.audit.at));
    const firstAudit = imported?.audit ?? registration.audit;
    if (imported) upsertSearchAttributes([{ key: SA_SLA_OVERDUE, value: state.overdue }]);
    if (trusted()) {
      projector.record(firstAudit);
    } else {
      await recordProjectEvent({ workflowId, runId, state, audit: firstAudit });
      persistedSeq = Math.max(persistedSeq, firstAudit.seq);
    }
  }

  await intakeClock();
  if (state.stage === 'negotiation' && patched(PATCHES.negotiationFollowUp)) await negotiationFollowUp();
  if (state.stage === 'signing') await condition(() => state.stage !== 'signing');
  if (state.handover && patched(PATCHES.commissionerClock)) {
    // The plan may be laid out before the commissioner is named: both run side by side.
    await Promise.all([commissionerClock(), patched(PATCHES.constructionWatch) ? constructionWatch() : undefined]);
  }

  if (state.stage === 'service' && patched(PATCHES.fulfilmentWatch)) {
    const watch = fulfilmentWatch();
    if (patched(PATCHES.serviceContinueAsNew)) {
      // The service phase lasts years: keep each run's history bounded by continuing as new,
      // with every handler drained and the whole state carried over.
      await Promise.race([watch, condition(() => state.stage !== 'service' || historyTooLong())]);
      if (state.stage === 'service') {
        await condition(allHandlersFinished);
        if (trusted()) {
          await projector.drained();
          await continueAsNew<typeof projectLifecycleWorkflow>({ ...input, resume: state, appliedUpdates: appliedUpdates.carried() });
        }
        await continueAsNew<typeof projectLifecycleWorkflow>({ ...input, resume: state });
      }
    }
    await watch;
  }

  // Post-production service requests arrive with the rest of the lifecycle issue; until then a
  // project stays open here, durable, waiting for its next step.
  await condition(() => TERMINAL_STAGES.includes(state.stage));
  await condition(allHandlersFinished);
  if (trusted()) await projector.drained();
  return state;
}

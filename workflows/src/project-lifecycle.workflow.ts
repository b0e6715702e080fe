import {
  allHandlersFinished,
  ApplicationFailure,
  condition,
  patched,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  upsertSearchAttributes,
  workflowInfo,
} from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import {
  assignCommissionerUpdate,
  completeMilestoneUpdate,
  completeProjectUpdate,
  concludeNegotiationUpdate,
  decideIntakeUpdate,
  establishMilestonePlanUpdate,
  logConstructionProgressUpdate,
  rebaselinePlanUpdate,
  recordFulfilmentCheckUpdate,
  recordProductionUpdate,
  terminateContractUpdate,
  projectStateQuery,
  provideIntakeInfoUpdate,
  recordNegotiationContactUpdate,
  registrationUpdate,
  signContractUpdate,
  SA_INDUSTRY_CHAIN,
  SA_INFO_GRADE,
  SA_PROJECT_STAGE,
  SA_SLA_OVERDUE,
  type LifecycleActivities,
  type ProjectSnapshot,
  type ProjectWorkflowInput,
  type StepUpdate,
} from '@zs/contracts';
import {
  assignCommissioner,
  completeMilestone,
  completeProject,
  concludeNegotiation,
  decideIntake,
  DomainError,
  establishMilestonePlan,
  logConstructionProgress,
  rebaselinePlan,
  recordFulfilmentCheck,
  recordProduction,
  provideIntakeInfo,
  recordNegotiationContact,
  registerLead,
  signContract,
  terminateContract,
  TERMINAL_STAGES,
  type Actor,
  type ProjectState,
  type Transition,
} from '@zs/domain';
import { runCommissionerClock } from './commissioner-clock';
import { runConstructionWatch } from './construction-watch';
import { runFulfilmentWatch } from './fulfilment-watch';
import { runIntakeClock } from './intake-clock';
import { runNegotiationFollowUp } from './negotiation-follow-up';
import { PATCHES } from './patches';

/**
 * Persistence runs as a local activity: it is part of the same workflow task as the
 * update that caused it, so a step's HTTP answer waits for one task, not three.
 * It is idempotent (unique audit sequence), so retries after a crash are harmless.
 */
const { recordProjectEvent } = proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '10 seconds', backoffCoefficient: 2 },
});

const { sendNotification } = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** Turns a domain refusal into the failure a validator throws, with the error code as its type. */
function refuse(err: unknown): never {
  if (err instanceof DomainError) {
    throw ApplicationFailure.create({ type: err.code, message: err.message, details: [{ field: err.field ?? null }], nonRetryable: true });
  }
  throw err;
}

/** One durable workflow per investment project, from lead to the end of its life. */
export async function projectLifecycleWorkflow(input: ProjectWorkflowInput): Promise<ProjectState> {
  const { workflowId, runId } = workflowInfo();
  const registration = registerLead(input.projectId, input.lead, input.registeredBy, Date.now());
  let state = registration.state;
  let persistedSeq = 0;

  const snapshot = (): ProjectSnapshot => ({ state, requestHash: input.requestHash });

  /**
   * Applies a transition synchronously (so a concurrent step validates against it),
   * then persists it and updates the search attributes.
   */
  const apply = async (t: Transition): Promise<void> => {
    state = t.state;
    upsertSearchAttributes([
      { key: SA_PROJECT_STAGE, value: state.stage },
      { key: SA_SLA_OVERDUE, value: state.overdue },
    ]);
    await recordProjectEvent({ workflowId, runId, state: t.state, audit: t.audit });
    persistedSeq = Math.max(persistedSeq, t.audit.seq);
  };

  setHandler(projectStateQuery, snapshot);

  setHandler(registrationUpdate, async () => {
    await condition(() => persistedSeq >= 1);
    return snapshot();
  });

  /**
   * A staff step: the validator runs the pure transition against the current state and
   * refuses (nothing changes, nothing is recorded); the handler applies the same transition.
   */
  function step<C>(
    update: UpdateDefinition<ProjectSnapshot, [StepUpdate<C>]>,
    transition: (s: ProjectState, command: C, actor: Actor, now: number) => Transition,
  ): void {
    setHandler(
      update,
      async ({ actor, command }) => {
        await apply(transition(state, command, actor, Date.now()));
        return snapshot();
      },
      {
        validator: ({ actor, command }) => {
          try {
            transition(state, command, actor, Date.now());
          } catch (err) {
            refuse(err);
          }
        },
      },
    );
  }

  step(decideIntakeUpdate, decideIntake);
  step(provideIntakeInfoUpdate, provideIntakeInfo);
  // Handlers add no commands, so they need no version gate: projects accepted on older code can take these steps too.
  step(recordNegotiationContactUpdate, recordNegotiationContact);
  step(concludeNegotiationUpdate, concludeNegotiation);
  step(signContractUpdate, signContract);
  step(assignCommissionerUpdate, assignCommissioner);
  step(establishMilestonePlanUpdate, establishMilestonePlan);
  step(completeMilestoneUpdate, completeMilestone);
  step(logConstructionProgressUpdate, logConstructionProgress);
  step(rebaselinePlanUpdate, rebaselinePlan);
  step(recordProductionUpdate, recordProduction);
  step(recordFulfilmentCheckUpdate, recordFulfilmentCheck);
  step(completeProjectUpdate, completeProject);
  step(terminateContractUpdate, terminateContract);

  const deps = { getState: () => state, apply, notify: sendNotification };
  const intakeClock = runIntakeClock(deps);
  const negotiationFollowUp = runNegotiationFollowUp(deps);
  const commissionerClock = runCommissionerClock(deps);
  const constructionWatch = runConstructionWatch(deps);
  const fulfilmentWatch = runFulfilmentWatch(deps);

  upsertSearchAttributes([
    { key: SA_PROJECT_STAGE, value: state.stage },
    { key: SA_SLA_OVERDUE, value: false },
    { key: SA_INDUSTRY_CHAIN, value: input.lead.industryChain },
    { key: SA_INFO_GRADE, value: input.lead.infoGrade },
  ]);
  await recordProjectEvent({ workflowId, runId, state, audit: registration.audit });
  persistedSeq = Math.max(persistedSeq, registration.audit.seq);

  await intakeClock();
  if (state.stage === 'negotiation' && patched(PATCHES.negotiationFollowUp)) await negotiationFollowUp();
  if (state.stage === 'signing') await condition(() => state.stage !== 'signing');
  if (state.handover && patched(PATCHES.commissionerClock)) {
    // The plan may be laid out before the commissioner is named: both run side by side.
    await Promise.all([commissionerClock(), patched(PATCHES.constructionWatch) ? constructionWatch() : undefined]);
  }

  if (state.stage === 'service' && patched(PATCHES.fulfilmentWatch)) await fulfilmentWatch();

  // Post-production service requests arrive with the rest of the lifecycle issue; until then a
  // project stays open here, durable, waiting for its next step.
  await condition(() => TERMINAL_STAGES.includes(state.stage));
  await condition(allHandlersFinished);
  return state;
}

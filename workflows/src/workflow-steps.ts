import { ApplicationFailure, currentUpdateInfo, proxyActivities, proxyLocalActivities, setHandler, uuid4 } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { AnsweredProjection, LifecycleActivities, StepContext, StepDefinition, StepUpdate } from '@zs/contracts';
import { DomainError, type Actor, type AuditEntry, type CadenceSlot, type PlannedSlot } from '@zs/domain';
import { prepareStep, withClockPlanning, withPreparation } from './clock-planner';

/**
 * Before issue 8 the audit log was written by this local activity inside the update handler,
 * committed before the workflow task that accepted the update: a crash in between left a step
 * in the database that never happened. Kept only so recorded histories replay; see projector.ts.
 */
export const persistence = proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '10 seconds', backoffCoefficient: 2 },
});

export const notifications = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/**
 * Turns a domain refusal into the failure a validator throws, with the error code as its type;
 * details[0] carries the field and the text in both languages (`{field}` left for the API to
 * say in the caller's language).
 */
export function refuse(err: unknown): never {
  if (err instanceof DomainError) {
    const details = [{ field: err.field ?? null, zh: err.text.zh, en: err.text.en }];
    throw ApplicationFailure.create({ type: err.code, message: err.message, details, nonRetryable: true });
  }
  throw err;
}

function attempt<T>(compute: () => T): T {
  try {
    return compute();
  } catch (err) {
    refuse(err);
  }
}

/** The workflow a step runs in, as the step sees it. */
export interface StepHost<S, T> {
  getState(): S;
  /**
   * Makes the transition the current state (synchronously) and resolves once it is projected,
   * or at once with `awaitProjection` false (answer-on-commit: the API writes it from the answer).
   */
  apply(t: T, awaitProjection?: boolean): Promise<void>;
  /** True when this run projects from committed history (patch trusted-record-v1). */
  trusted(): boolean;
  /** Whether a step with this update id was already applied, in this run or an earlier one (continue-as-new). */
  applied(updateId: string): boolean;
  /** What trusted() last answered, for transitions a validator also runs (a validator must not call patched()). */
  trustedSeen?(): boolean;
  /**
   * Answer-on-commit (patch answer-on-commit-v1, asked right before a step is applied): the step
   * answers from the task that applies it, with `unprojected(seq)` for the API to write. A host
   * without it answers once projected.
   */
  answersOnCommit?(): boolean;
  unprojected?(seq: number): AnsweredProjection;
}

export interface StepOptions<S, C = unknown> {
  /**
   * Who of the permitted role may take the step on this subject (access/step-rules.ts), checked by
   * the validator only: a refusal leaves no history, and the handler writes what it always wrote,
   * so recorded histories replay unchanged. Throws a DomainError (FORBIDDEN_NOT_OWNER).
   */
  authorize?: (state: S, command: C, actor: Actor) => void;
  /** Further validator-only checks (the catalogue's `check`, e.g. date coherence): same reasoning as `authorize`. */
  check?: (state: S, command: C, actor: Actor) => void;
  /** Clocks the step may start, planned before it is applied. */
  clockSlots?: PlannedSlot<S>[];
  /** Cadences the step may start, whose policies are resolved before it is applied. */
  cadences?: CadenceSlot<S>[];
}

/**
 * A staff step: the validator runs the pure transition against the current state and
 * refuses (nothing changes, nothing is recorded); the handler applies the same transition
 * and answers with the resulting view once the audit log holds it. A step whose update id was
 * already applied (a retry after continue-as-new) is answered, not applied again.
 */
export function registerStep<S, T extends { state: S; audit: AuditEntry }, C, R>(
  update: UpdateDefinition<R, [StepUpdate<C>]>,
  host: StepHost<S, T>,
  transition: (s: S, command: C, actor: Actor, now: number, ctx: StepContext) => T,
  answer: () => R,
  { clockSlots = [], cadences = [], authorize, check }: StepOptions<S, C> = {},
): void {
  // trustedSeen is read at each call: it changes once a handler has asked trusted().
  const contextOf = (updateId: string | null, newId: () => string): StepContext => ({ trustedSeen: host.trustedSeen?.() ?? false, updateId, newId });
  setHandler(
    update,
    async ({ actor, command, policies }) => {
      const updateId = currentUpdateInfo()?.id;
      // One id per handler run, drawn only if the transition asks for one (never in a validator:
      // uuid4 advances the workflow's random, which a validator must not touch).
      let drawn: string | undefined;
      const newId = () => (drawn ??= uuid4());
      const run = (s: S, c: C, a: Actor, now: number): T => transition(s, c, a, now, contextOf(updateId ?? null, newId));
      if (!host.trusted()) {
        // Code before issue 8, for runs recorded before it: the transition may be applied to a
        // state that changed while it planned.
        let t: T;
        try {
          t = await withClockPlanning(clockSlots, host.getState, run, cadences)(host.getState(), command, actor, Date.now());
        } catch (err) {
          refuse(err);
        }
        await host.apply(t);
        return answer();
      }
      if (updateId && host.applied(updateId)) return answer();
      const now = Date.now();
      const before = host.getState();
      const first = attempt(() => run(before, command, actor, now));
      const prepared = await prepareStep(clockSlots, cadences, before, first.state, now, policies);
      // A timer or another step may have changed the state while this one planned: apply the
      // transition only to the state it is computed from, and from here on without awaiting.
      const current = host.getState();
      const base = current === before ? first : attempt(() => run(current, command, actor, now));
      const audit: AuditEntry = updateId ? { ...base.audit, updateId } : base.audit;
      const t = { ...base, state: withPreparation(base.state, prepared, cadences, now), audit } as T;
      if (host.answersOnCommit?.() && host.unprojected) {
        // The answer is taken before anything awaits: apply's synchronous part has made this step the
        // state, and another step of the same task must not move it between the two.
        const applied = host.apply(t, false);
        const answered = { ...answer(), projection: host.unprojected(audit.seq) };
        await applied;
        return answered;
      }
      await host.apply(t);
      return answer();
    },
    {
      validator: ({ actor, command }) => {
        const updateId = currentUpdateInfo()?.id;
        if (updateId && host.applied(updateId)) return;
        attempt(() => transition(host.getState(), command, actor, Date.now(), contextOf(updateId ?? null, () => 'validating')));
        if (authorize) attempt(() => authorize(host.getState(), command, actor));
        if (check) attempt(() => check(host.getState(), command, actor));
      },
    },
  );
}

/**
 * Registers every step of a catalogue (libs/contracts/src/steps) on the workflow: one handler per
 * entry, with its transition, per-person rule and validator-only checks. The update names are the
 * catalogue's, unchanged, so recorded histories replay.
 */
export function registerCatalogueSteps<S, R>(
  catalogue: Record<string, StepDefinition<S, any, R, any>>, // eslint-disable-line @typescript-eslint/no-explicit-any -- each entry has its own command type
  host: StepHost<S, { state: S; audit: AuditEntry }>,
  answer: () => R,
  options: Pick<StepOptions<S>, 'clockSlots' | 'cadences'> = {},
): void {
  for (const def of Object.values(catalogue)) {
    registerStep(def.update, host, def.transition, answer, { ...options, authorize: def.authorize, check: def.check });
  }
}

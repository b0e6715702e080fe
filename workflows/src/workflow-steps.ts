import { ApplicationFailure, proxyActivities, proxyLocalActivities, setHandler } from '@temporalio/workflow';
import type { UpdateDefinition } from '@temporalio/common';
import type { LifecycleActivities, StepUpdate } from '@zs/contracts';
import { DomainError, type Actor, type CadenceSlot, type PlannedSlot } from '@zs/domain';
import { withClockPlanning } from './clock-planner';

/**
 * Persistence runs as a local activity: it is part of the same workflow task as the
 * update that caused it, so a step's HTTP answer waits for one task, not three.
 * It is idempotent (unique audit sequence), so retries after a crash are harmless.
 */
export const persistence = proxyLocalActivities<LifecycleActivities>({
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 ms', maximumInterval: '10 seconds', backoffCoefficient: 2 },
});

export const notifications = proxyActivities<LifecycleActivities>({
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', maximumInterval: '5 minutes', backoffCoefficient: 2 },
});

/** Turns a domain refusal into the failure a validator throws, with the error code as its type. */
export function refuse(err: unknown): never {
  if (err instanceof DomainError) {
    throw ApplicationFailure.create({ type: err.code, message: err.message, details: [{ field: err.field ?? null }], nonRetryable: true });
  }
  throw err;
}

/**
 * A staff step: the validator runs the pure transition against the current state and
 * refuses (nothing changes, nothing is recorded); the handler applies the same transition
 * and answers with the resulting view. Clocks the step starts are planned first (`clockSlots`),
 * and the policies of cadences it starts resolved (`cadences`).
 */
export function registerStep<S, T extends { state: S }, C, R>(
  update: UpdateDefinition<R, [StepUpdate<C>]>,
  getState: () => S,
  transition: (s: S, command: C, actor: Actor, now: number) => T,
  apply: (t: T) => Promise<void>,
  answer: () => R,
  clockSlots: PlannedSlot<S>[] = [],
  cadences: CadenceSlot<S>[] = [],
): void {
  const planned = withClockPlanning(clockSlots, getState, transition, cadences);
  setHandler(
    update,
    async ({ actor, command }) => {
      let t: T;
      try {
        t = await planned(getState(), command, actor, Date.now());
      } catch (err) {
        refuse(err);
      }
      await apply(t);
      return answer();
    },
    {
      validator: ({ actor, command }) => {
        try {
          transition(getState(), command, actor, Date.now());
        } catch (err) {
          refuse(err);
        }
      },
    },
  );
}

import type { AppliedUpdate } from '@zs/contracts';

/** How many applied step ids a run carries into the next (a project takes a few hundred steps in its life). */
const CARRIED = 2_000;

/**
 * The update ids of the steps this workflow applied. Temporal recognises a repeated update id
 * only within one run; this set, carried across continue-as-new, makes a retried step with
 * the same Idempotency-Key answer instead of applying again in a later run.
 */
export class AppliedUpdates {
  private readonly answers: Map<string, unknown>;

  constructor(carried: ReadonlyArray<AppliedUpdate> = []) {
    this.answers = new Map(carried.map((u) => [u.id, u.answer ?? null]));
  }

  /** `answer`: what a repeat must get back when it cannot be read from the state (e.g. the id of a raised request). */
  add(id: string, answer: unknown = null): void {
    this.answers.set(id, answer);
  }

  has(id: string): boolean {
    return this.answers.has(id);
  }

  answerOf(id: string): unknown {
    return this.answers.get(id) ?? null;
  }

  /** The most recent ids, oldest first, for the next run. */
  carried(): AppliedUpdate[] {
    return [...this.answers.entries()].slice(-CARRIED).map(([id, answer]) => (answer === null ? { id } : { id, answer }));
  }
}

/**
 * A transition must be applied to the state it was computed from: its sequence number follows
 * the current one. Anything else means a step or timer awaited and found the state changed;
 * failing the workflow task (retried, visible) is better than a lost or repeated audit event.
 */
export function assertFollows(currentSeq: number, nextSeq: number): void {
  if (nextSeq !== currentSeq + 1) {
    throw new Error(`transition computed from sequence ${nextSeq - 1} applied to sequence ${currentSeq}: refusing to lose or repeat an audit event`);
  }
}

import type { UpdateDefinition } from '@temporalio/common';
import type { Actor, AuditEntry, Permission } from '@zs/domain';
import type { StepUpdate } from '../project-workflow';

/** What a step's transition may ask of the workflow it runs in, beyond state, command, actor and time. */
export interface StepContext {
  /** The run projects from committed history (patch trusted-record-v1), as last seen; see project-lifecycle.workflow.ts. */
  trustedSeen: boolean;
  /** The Temporal update id of this step (stable across retries with the same Idempotency-Key). */
  updateId: string | null;
  /** A fresh id from the workflow (deterministic); only in a handler, never in a validator. */
  newId(): string;
}

/** A path parameter of a step's route beyond the subject's id, e.g. `:kind` in `milestones/:kind/complete`. */
export interface StepPathParam {
  name: string;
  /** The allowed values; the route refuses anything else with 400. */
  enum?: readonly string[];
  description?: string;
}

/**
 * One staff step, defined once (issue 10, item 1): the Temporal update (its name is recorded in
 * histories and must never change), the pure transition, who may take it, what it records, and
 * its route. The workflow registers its handlers from these entries; the API serves its routes from
 * them (with the DTO of apps/api's step-http map, keyed by the same id).
 */
export interface StepDefinition<S, C, R, T extends { state: S; audit: AuditEntry } = { state: S; audit: AuditEntry }> {
  /** The step id: the update name. */
  id: string;
  update: UpdateDefinition<R, [StepUpdate<C>]>;
  /** The role table's entry the route and the transition check. */
  permission: Permission;
  /** The audit actions the transition may record (for labels and readers; the transition is the authority). */
  auditActions: readonly string[];
  /** Route below the subject: `POST /projects/:id/<path>` (or `/service-requests/:requestId/<path>`). */
  path: string;
  pathParams?: readonly StepPathParam[];
  /** OpenAPI summary, Chinese first. */
  summary: string;
  /** The work-queue label (Chinese) of the task this step completes, where one exists. */
  taskLabel?: string;
  transition: (state: S, command: C, actor: Actor, now: number, ctx: StepContext) => T;
  /**
   * The per-person rule (access/step-rules.ts), validator only: a refusal leaves no history and the
   * handler is unchanged, so it can be added or tightened without breaking replay.
   */
  authorize?: (state: S, command: C, actor: Actor) => void;
  /** Further checks (e.g. date coherence), validator only for the same reason as `authorize`. */
  check?: (state: S, command: C, actor: Actor) => void;
}

/** Keeps the command type of one entry while the catalogue is a plain record. */
export const defineStep =
  <S, R>() =>
  <C, T extends { state: S; audit: AuditEntry } = { state: S; audit: AuditEntry }>(def: StepDefinition<S, C, R, T>): StepDefinition<S, C, R, T> =>
    def;

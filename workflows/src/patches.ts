/**
 * Patch ids of changes to running workflows (`patched(id)`). A workflow that started on
 * older code replays without the marker and keeps the old path; never rename or reuse an id.
 * Remove a gate only with deprecatePatch() once no run older than the change is open.
 */
export const PATCHES = {
  /** Negotiation follow-up cadence timers (issue 3). Before it, accepted projects only waited for steps. */
  negotiationFollowUp: 'negotiation-follow-up-v1',
  /** The commissioner-assignment clock after signing (issue 3). */
  commissionerClock: 'commissioner-clock-v1',
  /** Milestone escalations and weekly reminders during construction (issue 3). */
  constructionWatch: 'construction-watch-v1',
  /** Periodic fulfilment-check reminders after production (issue 3). */
  fulfilmentWatch: 'fulfilment-watch-v1',
  /** Continue-as-new during the years-long service phase (issue 3). */
  serviceContinueAsNew: 'service-continue-as-new-v1',
  /**
   * SLA policies as data (issue 4): each new clock is planned by an activity (policy version,
   * working-day deadline). Decided per clock instance at first sight, so a clock that started
   * on older code keeps its built-in limits while later clocks of the same run use policies.
   */
  slaPolicies: 'sla-policies-v1',
  /**
   * A milestone escalation is applied to the state as it is when it fires (issue 4 fix). Before,
   * it used the state from before its timer, so a commissioner alert fired in between was undone
   * (and sent again) and audit sequence numbers repeated.
   */
  constructionWatchFreshState: 'construction-watch-fresh-state-v1',
  /**
   * Cadences from policies (issue 4): the follow-up cadence and its alerts (at acceptance), each
   * node's escalation ladder (when the plan is laid out) and the fulfilment check period (at
   * production) are resolved by an activity and kept in the state. Decided per cadence when its
   * step runs: cadences started on older code keep the built-in constants (absent from the state).
   */
  cadencePolicies: 'cadence-policies-v1',
  /**
   * The trusted record (issue 8): a step is recomputed on the state as it is after its awaits and
   * applied only to the state it was computed from; audit events and read models are written by a
   * regular activity scheduled from the committed workflow task (projector.ts), not by a local
   * activity that ran before the task committed; applied update ids are carried across
   * continue-as-new. Decided at the first change a run applies.
   */
  trustedRecord: 'trusted-record-v1',
  /**
   * Answer-on-commit (issue 12): a step (a project's or a service request's) or a project's
   * registration answers from the workflow task that applies it, with its events, which the API
   * writes (read-your-writes) before it answers;
   * the projection activity that task schedules writes them too (idempotent), so an API that
   * dies before writing loses nothing. Before, the answer waited for that activity and the task
   * after it. Decided per step, right before it is applied (and at registration).
   */
  answerOnCommit: 'answer-on-commit-v1',
  /**
   * A step's cadence policies from the step itself (issue 12): when the update carries the policies
   * of every cadence the step starts (read by the API as it sent it), they are taken from it, not
   * from a local activity in the accepting task. Decided per step, only when they are there.
   */
  stepPolicies: 'step-policies-v1',
} as const;

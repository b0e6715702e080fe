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
} as const;

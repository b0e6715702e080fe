/** One event of GET /sla/projects/:id/timeline, as far as pauses go. */
export interface TimelineEvent {
  at: string;
  event: string;
  clock: string;
  requestId?: string | null;
  reason?: string | null;
}

/**
 * Why a paused project clock is paused: the reason of its latest pause (the project view tells
 * that a clock is paused, the SLA timeline tells why). Null when the clock is not paused by a
 * recorded pause (e.g. resumed since), or the pause carries no reason.
 */
export function pauseReasonOf(events: readonly TimelineEvent[], clock: string): { at: string; reason: string | null } | null {
  const own = events.filter((e) => e.clock === clock && !e.requestId && (e.event === 'paused' || e.event === 'resumed'));
  const last = own.reduce<TimelineEvent | null>((latest, e) => (latest === null || e.at >= latest.at ? e : latest), null);
  return last && last.event === 'paused' ? { at: last.at, reason: last.reason ?? null } : null;
}

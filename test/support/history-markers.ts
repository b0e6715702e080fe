import type { temporal } from '@temporalio/proto';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

/** The markers among `events`, in order: a patch by its id (`step-policies-v1`), any other by its name (`core_local_activity`). */
export function markersOf(events: readonly HistoryEvent[]): string[] {
  return events.flatMap((e) => {
    const m = e.markerRecordedEventAttributes;
    if (!m) return [];
    const patch = m.markerName === 'core_patch' ? m.details?.['patch-data']?.payloads?.[0]?.data : undefined;
    return [patch ? (JSON.parse(Buffer.from(patch).toString()) as { id: string }).id : (m.markerName ?? '')];
  });
}

/** The events of the workflow task that accepted the first update named `updateName`, from its acceptance to its completion. */
export function acceptingTaskEvents(events: readonly HistoryEvent[], updateName: string): HistoryEvent[] {
  const accepted = events.findIndex((e) => e.workflowExecutionUpdateAcceptedEventAttributes?.acceptedRequest?.input?.name === updateName);
  if (accepted < 0) throw new Error(`no update ${updateName} was accepted in this history`);
  const completed = events.findIndex((e, i) => i > accepted && e.workflowExecutionUpdateCompletedEventAttributes);
  return events.slice(accepted, completed < 0 ? undefined : completed);
}

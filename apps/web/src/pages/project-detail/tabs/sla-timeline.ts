import type { components } from '../../../api/schema';

export type SlaTimelineEvent = components['schemas']['SlaTimelineEventDto'];

/** One clock of the project (or of one of its service requests) with its events, oldest first. */
export interface ClockTrack {
  key: string;
  clock: SlaTimelineEvent['clock'];
  clockLabel: string;
  requestId: string | null;
  events: SlaTimelineEvent[];
  /** The last event: where the clock stands now (met, paused, escalated…). */
  last: SlaTimelineEvent;
}

/**
 * The project's SLA timeline (every event of every clock, in time order) as one track per clock:
 * a clock of the project, or of one service request. Tracks come in the order their clocks started.
 */
export function clockTracks(events: readonly SlaTimelineEvent[]): ClockTrack[] {
  const tracks = new Map<string, ClockTrack>();
  const ordered = [...events].sort((a, b) => a.at.localeCompare(b.at));
  for (const e of ordered) {
    const key = `${e.clock}:${e.requestId ?? ''}`;
    const track = tracks.get(key);
    if (track) {
      track.events.push(e);
      track.last = e;
    } else tracks.set(key, { key, clock: e.clock, clockLabel: e.clockLabel, requestId: e.requestId, events: [e], last: e });
  }
  return [...tracks.values()];
}

/** How an event reads at a glance: antd Timeline colours. */
export function slaEventColor(event: SlaTimelineEvent['event']): 'blue' | 'green' | 'orange' | 'red' | 'gray' {
  switch (event) {
    case 'met':
      return 'green';
    case 'warned':
    case 'paused':
      return 'orange';
    case 'breached':
    case 'escalated':
      return 'red';
    case 'resumed':
    case 'recalculated':
      return 'gray';
    default:
      return 'blue';
  }
}

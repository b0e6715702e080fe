import { clockTracks, slaEventColor, type SlaTimelineEvent } from './sla-timeline';

function ev(at: string, clock: SlaTimelineEvent['clock'], event: SlaTimelineEvent['event'], requestId: string | null = null): SlaTimelineEvent {
  return { at, clock, clockLabel: clock, event, eventLabel: event, requestId, actorId: null, reason: null, level: null, policyVersion: null, deadlineAt: null };
}

describe('clockTracks', () => {
  it('gives each clock (and each service request its own) a track, in the order the clocks started, events in time order', () => {
    const tracks = clockTracks([
      ev('2026-03-02T01:00:00Z', 'intake_decision', 'met'),
      ev('2026-03-01T01:00:00Z', 'intake_decision', 'started'),
      ev('2026-03-05T01:00:00Z', 'service_accept', 'started', 'sr-1'),
      ev('2026-03-04T01:00:00Z', 'service_accept', 'started', 'sr-2'),
      ev('2026-03-01T12:00:00Z', 'intake_decision', 'paused'),
      ev('2026-03-06T01:00:00Z', 'service_accept', 'escalated', 'sr-1'),
    ]);
    expect(tracks.map((t) => [t.clock, t.requestId, t.events.map((e) => e.event), t.last.event])).toEqual([
      ['intake_decision', null, ['started', 'paused', 'met'], 'met'],
      ['service_accept', 'sr-2', ['started'], 'started'],
      ['service_accept', 'sr-1', ['started', 'escalated'], 'escalated'],
    ]);
  });

  it('has no track without events', () => {
    expect(clockTracks([])).toEqual([]);
  });
});

describe('slaEventColor', () => {
  it('marks met green, warnings and pauses orange, breaches and escalations red', () => {
    expect(['started', 'met', 'warned', 'paused', 'breached', 'escalated', 'resumed'].map((e) => slaEventColor(e as SlaTimelineEvent['event']))).toEqual([
      'blue',
      'green',
      'orange',
      'orange',
      'red',
      'red',
      'gray',
    ]);
  });
});

import { pauseReasonOf } from './clock-pauses';

describe('pause reason of a clock', () => {
  const events = [
    { at: '2026-03-01T01:00:00.000Z', event: 'started', clock: 'commissioner_assignment' },
    { at: '2026-03-01T02:00:00.000Z', event: 'paused', clock: 'commissioner_assignment', reason: '等待企业补充材料' },
    { at: '2026-03-01T03:00:00.000Z', event: 'paused', clock: 'service_accept', requestId: 'r-1', reason: '别的请求' },
  ];

  it('is the reason of the latest pause of that project clock', () => {
    expect(pauseReasonOf(events, 'commissioner_assignment')).toEqual({ at: '2026-03-01T02:00:00.000Z', reason: '等待企业补充材料' });
  });

  it('is none once resumed, for another clock, or for a service request clock of the same name', () => {
    expect(pauseReasonOf([...events, { at: '2026-03-01T04:00:00.000Z', event: 'resumed', clock: 'commissioner_assignment', reason: '材料已到' }], 'commissioner_assignment')).toBeNull();
    expect(pauseReasonOf(events, 'intake_decision')).toBeNull();
    expect(pauseReasonOf(events, 'service_accept')).toBeNull();
  });

  it('takes the latest by time whatever the order of the list', () => {
    const again = { at: '2026-03-02T00:00:00.000Z', event: 'paused', clock: 'commissioner_assignment', reason: '第二次暂停' };
    const resumed = { at: '2026-03-01T05:00:00.000Z', event: 'resumed', clock: 'commissioner_assignment' };
    expect(pauseReasonOf([again, ...events, resumed], 'commissioner_assignment')?.reason).toBe('第二次暂停');
  });
});

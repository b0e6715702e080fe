import { HOUR_MS } from './countdown';
import { trafficLight, YELLOW_WITHIN_MS } from './traffic-light';

describe('traffic light', () => {
  it('is yellow under 24 hours left, green from 24 hours on', () => {
    expect(YELLOW_WITHIN_MS).toBe(24 * HOUR_MS);
    expect(trafficLight(24 * HOUR_MS)).toBe('green');
    expect(trafficLight(24 * HOUR_MS - 1)).toBe('yellow');
    expect(trafficLight(48 * HOUR_MS)).toBe('green');
    expect(trafficLight(1)).toBe('yellow');
  });

  it('is red from the deadline on, and whenever the API already counts the task late', () => {
    expect(trafficLight(0)).toBe('red');
    expect(trafficLight(-1)).toBe('red');
    // A missed negotiation follow-up: the next due date moved on, but the owner is behind.
    expect(trafficLight(5 * 24 * HOUR_MS, true)).toBe('red');
    expect(trafficLight(null, true)).toBe('red');
  });

  it('has no colour when nothing runs against the step', () => {
    expect(trafficLight(null)).toBe('none');
  });
});

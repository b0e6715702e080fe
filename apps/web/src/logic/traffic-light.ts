import { HOUR_MS } from './countdown';

/**
 * The colour of a task or clock by the time left, defined once for 我的待办 and 项目详情:
 * - red: overdue (no time left, or the API already counts it late, e.g. a missed follow-up);
 * - yellow: less than 24 hours left. One absolute threshold rather than a share of the step's
 *   time: the work queue does not carry each step's length, and a day is what a person can still
 *   act in (the 48-hour decision turns yellow half-way, a milestone on its due day);
 * - green: 24 hours or more;
 * - none: nothing runs against the step (no deadline, or a paused clock).
 */
export const YELLOW_WITHIN_MS = 24 * HOUR_MS;

export type TrafficLight = 'red' | 'yellow' | 'green' | 'none';

export function trafficLight(remainingMs: number | null, overdue = false): TrafficLight {
  if (overdue || (remainingMs !== null && remainingMs <= 0)) return 'red';
  if (remainingMs === null) return 'none';
  return remainingMs < YELLOW_WITHIN_MS ? 'yellow' : 'green';
}

/** The Ant Design tag colour of each light. */
export const TRAFFIC_LIGHT_COLORS: Record<TrafficLight, string> = {
  red: 'error',
  yellow: 'warning',
  green: 'success',
  none: 'default',
};

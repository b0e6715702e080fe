import { Tag } from 'antd';
import { useI18n } from '../i18n/I18nProvider';
import { formatCountdown, remainingAt } from '../logic/countdown';
import { TRAFFIC_LIGHT_COLORS, trafficLight } from '../logic/traffic-light';
import { useNow } from './use-now';

interface CountdownProps {
  /** Time left as the API said it (ms, negative once overdue); null when nothing runs against it. */
  remainingMs: number | null;
  /** When that answer was read (Date.now()), the origin of the countdown. */
  readAt: number;
  /** The API already counts it late (e.g. a missed follow-up). */
  overdue?: boolean;
  /** A paused clock: its time left stands still. */
  paused?: boolean;
  /** Text when there is no deadline. */
  noDeadline?: string;
}

/** A live countdown in the task's traffic-light colour, ticking every second. */
export function Countdown({ remainingMs, readAt, overdue = false, paused = false, noDeadline }: CountdownProps) {
  const { locale } = useI18n();
  const now = useNow();
  if (remainingMs === null) return <Tag color={TRAFFIC_LIGHT_COLORS.none}>{noDeadline ?? '—'}</Tag>;
  const left = paused ? remainingMs : remainingAt(remainingMs, readAt, now);
  const light = paused ? 'none' : trafficLight(left, overdue);
  return (
    <Tag color={TRAFFIC_LIGHT_COLORS[light]} data-light={light} data-testid="countdown" style={{ fontVariantNumeric: 'tabular-nums' }}>
      {formatCountdown(left, locale)}
    </Tag>
  );
}

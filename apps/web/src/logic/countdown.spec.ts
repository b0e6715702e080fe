import { countdownParts, DAY_MS, formatCountdown, HOUR_MS, MINUTE_MS, remainingAt, SECOND_MS } from './countdown';

describe('countdown', () => {
  it('counts down from what the API said, by the time since it was read (not by the PC clock against the deadline)', () => {
    expect(remainingAt(10 * SECOND_MS, 1_000_000, 1_000_000)).toBe(10 * SECOND_MS);
    expect(remainingAt(10 * SECOND_MS, 1_000_000, 1_004_000)).toBe(6 * SECOND_MS);
    expect(remainingAt(10 * SECOND_MS, 1_000_000, 1_012_000)).toBe(-2 * SECOND_MS);
  });

  it('shows days and hours from one day on, rounding down', () => {
    expect(formatCountdown(DAY_MS + 3 * HOUR_MS, 'zh-CN')).toBe('剩余 1天3小时');
    expect(formatCountdown(DAY_MS + 3 * HOUR_MS + 59 * MINUTE_MS + 59 * SECOND_MS, 'zh-CN')).toBe('剩余 1天3小时');
    expect(formatCountdown(DAY_MS, 'zh-CN')).toBe('剩余 1天0小时');
    expect(formatCountdown(2 * DAY_MS + 5 * HOUR_MS, 'en')).toBe('2 d 5 h left');
  });

  it('shows hours and minutes under a day, minutes and seconds under an hour', () => {
    expect(formatCountdown(DAY_MS - 1, 'zh-CN')).toBe('剩余 23小时59分');
    expect(formatCountdown(HOUR_MS, 'zh-CN')).toBe('剩余 1小时0分');
    expect(formatCountdown(HOUR_MS - 1, 'zh-CN')).toBe('剩余 59分59秒');
    expect(formatCountdown(1, 'zh-CN')).toBe('剩余 0分0秒');
    expect(formatCountdown(90 * SECOND_MS, 'en')).toBe('1 min 30 s left');
  });

  it('is overdue from the deadline on (remaining ≤ 0, as the API counts it), showing how late', () => {
    expect(countdownParts(0).overdue).toBe(true);
    expect(countdownParts(1).overdue).toBe(false);
    expect(formatCountdown(0, 'zh-CN')).toBe('已超时 0分0秒');
    expect(formatCountdown(-2 * HOUR_MS, 'zh-CN')).toBe('已超时 2小时0分');
    expect(formatCountdown(-(2 * HOUR_MS + 5 * MINUTE_MS + 999), 'zh-CN')).toBe('已超时 2小时5分');
    expect(formatCountdown(-(3 * DAY_MS + HOUR_MS), 'zh-CN')).toBe('已超时 3天1小时');
    expect(formatCountdown(-2 * HOUR_MS, 'en')).toBe('2 h 0 min overdue');
  });

  it('splits into whole units', () => {
    expect(countdownParts(DAY_MS + 2 * HOUR_MS + 3 * MINUTE_MS + 4 * SECOND_MS + 999)).toEqual({ overdue: false, days: 1, hours: 2, minutes: 3, seconds: 4 });
    expect(countdownParts(-(HOUR_MS + SECOND_MS))).toEqual({ overdue: true, days: 0, hours: 1, minutes: 0, seconds: 1 });
  });
});

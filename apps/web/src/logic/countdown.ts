/**
 * The live countdown of a deadline: how much time is left (or how late it is), read once from the
 * API and counted down on the client. Counting from the API's `remainingMs` and the moment it was
 * read, not from `deadlineAt` and the browser's clock, keeps a wrong PC clock from showing a wrong
 * countdown.
 */
export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;

/** What is left at `now` of `remainingMs` as read at `readAt` (negative once overdue). */
export function remainingAt(remainingMs: number, readAt: number, now: number): number {
  return remainingMs - (now - readAt);
}

export interface CountdownParts {
  /** The deadline has passed: remaining ≤ 0, as the API counts a clock overdue. */
  overdue: boolean;
  days: number;
  hours: number;
  minutes: number;
  seconds: number;
}

/**
 * Whole units of the time left or overdue, rounded down: the countdown never promises more time
 * than is left, nor claims more lateness than there is.
 */
export function countdownParts(remainingMs: number): CountdownParts {
  const overdue = remainingMs <= 0;
  const totalSeconds = Math.floor(Math.abs(remainingMs) / SECOND_MS);
  return {
    overdue,
    days: Math.floor(totalSeconds / 86_400),
    hours: Math.floor((totalSeconds % 86_400) / 3_600),
    minutes: Math.floor((totalSeconds % 3_600) / 60),
    seconds: totalSeconds % 60,
  };
}

/**
 * "剩余 1天3小时" / "已超时 2小时5分": the two largest units that matter (days and hours; under a
 * day hours and minutes; under an hour minutes and seconds, so the last hour visibly ticks).
 */
export function formatCountdown(remainingMs: number, locale: 'zh-CN' | 'en'): string {
  const p = countdownParts(remainingMs);
  if (locale === 'en') {
    const amount = p.days > 0 ? `${p.days} d ${p.hours} h` : p.hours > 0 ? `${p.hours} h ${p.minutes} min` : `${p.minutes} min ${p.seconds} s`;
    return p.overdue ? `${amount} overdue` : `${amount} left`;
  }
  const amount = p.days > 0 ? `${p.days}天${p.hours}小时` : p.hours > 0 ? `${p.hours}小时${p.minutes}分` : `${p.minutes}分${p.seconds}秒`;
  return p.overdue ? `已超时 ${amount}` : `剩余 ${amount}`;
}

import { addDays, shanghaiDate } from '@zs/domain';

/**
 * Dates a test sends, counted from the day its lead was registered (Asia/Shanghai). Since issue 10
 * a contact, signing, node or production dated before the registration is refused, and projects
 * are registered "now" (the wall clock, or the time-skipping server's clock after it skipped), so
 * fixed calendar dates in fixtures would fall before it.
 */
export function datesFrom(registeredAt: number | string | Date) {
  const epoch = typeof registeredAt === 'number' ? registeredAt : new Date(registeredAt).getTime();
  const registeredOn = shanghaiDate(epoch);
  return {
    registeredOn,
    /** The registration day plus `days` (0 = the registration day). */
    day: (days: number): string => addDays(registeredOn, days),
  };
}

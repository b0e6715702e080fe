import type { WorkdayLookup } from '@zs/domain';
import { describeDay, loadCalendarOverrides, overridesByDate, type Database } from '@zs/persistence';

/**
 * The working-day calendar the engine counts deadlines in: administrators' overrides, else the
 * State Council's arrangement from the chinese-days dataset, else Monday to Friday for years the
 * dataset does not cover yet.
 */
export class WorkingCalendar {
  constructor(private readonly db: Database) {}

  /**
   * Reads the overrides once (one small query) and answers synchronously from then on, as the pure
   * domain functions need. Take a fresh lookup per activity so a change by an administrator applies
   * to the next deadline planned.
   */
  async lookup(): Promise<WorkdayLookup> {
    const overrides = overridesByDate(await loadCalendarOverrides(this.db));
    return (isoDate) => describeDay(isoDate, overrides).working;
  }
}

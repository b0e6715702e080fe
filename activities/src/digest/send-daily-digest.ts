import type { DailyDigestResult, SendDailyDigestInput } from '@zs/contracts';
import { buildDailyDigests } from '@zs/domain';
import { runningClocksDueBy, type Database } from '@zs/persistence';
import { enqueueNotification } from '../notifier/enqueue-notification';

/**
 * Sends each department its digest: one notification per (date, department), addressed to the
 * department's staff, so a re-run (retry, second trigger the same day) sends nothing new.
 */
export function createSendDailyDigest(db: Database) {
  return async function sendDailyDigest({ asOf }: SendDailyDigestInput): Promise<DailyDigestResult> {
    // Due today means by the end of the local day: at most 24 h ahead.
    const clocks = await runningClocksDueBy(db, new Date(asOf + 24 * 3_600_000));
    const digests = buildDailyDigests(
      clocks.map((c) => ({ department: c.department, subject: c.subject, clock: c.clock, deadlineAt: c.deadlineAt.getTime() })),
      asOf,
    );
    for (const d of digests) {
      await enqueueNotification(db, {
        dedupeKey: `digest:${d.date}:${d.department}`,
        projectId: null,
        kind: 'digest.daily',
        level: 0,
        recipientDepartment: d.department,
        title: d.title,
        body: d.body,
        data: { date: d.date, department: d.department, overdue: d.overdue.length, dueToday: d.dueToday.length },
      });
    }
    return { date: digests[0]?.date ?? null, departments: digests.map((d) => ({ department: d.department, overdue: d.overdue.length, dueToday: d.dueToday.length })) };
  };
}

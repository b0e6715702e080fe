import type { DataSource } from 'typeorm';
import type { DailyDigestResult, SendDailyDigestInput } from '@zs/contracts';
import { buildDailyDigests, type ClockName } from '@zs/domain';
import { enqueueNotification } from '../notifier/enqueue-notification';

interface OpenClockRow {
  department: string;
  subject: string;
  clock: ClockName;
  deadline_at: Date;
}

/**
 * Sends each department its digest: one notification per (date, department), addressed to the
 * department's staff, so a re-run (retry, second trigger the same day) sends nothing new.
 */
export function createSendDailyDigest(dataSource: DataSource) {
  return async function sendDailyDigest({ asOf }: SendDailyDigestInput): Promise<DailyDigestResult> {
    // Due today means by the end of the local day: at most 24 h ahead.
    const rows: OpenClockRow[] = await dataSource.query(
      `SELECT department, subject, clock, deadline_at FROM sla_clocks
        WHERE stopped_at IS NULL AND paused_at IS NULL AND deadline_at <= $1 ORDER BY deadline_at`,
      [new Date(asOf + 24 * 3_600_000)],
    );
    const digests = buildDailyDigests(
      rows.map((r) => ({ department: r.department, subject: r.subject, clock: r.clock, deadlineAt: r.deadline_at.getTime() })),
      asOf,
    );
    for (const d of digests) {
      await enqueueNotification(dataSource, {
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

// 某日状态 (issue 11): where a project's own audit log stood at a past instant.
import type { Queryable } from '../database';
import { HISTORY_JOINS, HISTORY_SELECT, toProjectHistoryRow, type HistoryRow, type ProjectHistoryRow } from './project-history-reads';

export interface ProjectEventsAsOf {
  /** The project's first event (its registration); null when the audit log holds none. */
  first: ProjectHistoryRow | null;
  /** The last of the project's own events at or before the instant; null when there is none yet. */
  last: ProjectHistoryRow | null;
  /** How many of the project's own events happened up to the instant. */
  count: number;
}

/**
 * The project's own workflow's events only (its service requests run their own workflows and
 * stages): by time, then sequence number, as the workflow wrote them.
 */
export async function projectEventsAsOf(db: Queryable, projectId: string, asOf: Date): Promise<ProjectEventsAsOf> {
  const own = `a.project_id = $1::uuid AND a.workflow_id NOT LIKE 'service-request-%'`;
  const [first, last, counted]: [HistoryRow[], HistoryRow[], Array<{ n: string }>] = await Promise.all([
    db.query(`SELECT ${HISTORY_SELECT} FROM audit_events a ${HISTORY_JOINS} WHERE ${own} ORDER BY a.occurred_at, a.seq LIMIT 1`, [projectId]),
    db.query(`SELECT ${HISTORY_SELECT} FROM audit_events a ${HISTORY_JOINS} WHERE ${own} AND a.occurred_at <= $2 ORDER BY a.occurred_at DESC, a.seq DESC LIMIT 1`, [projectId, asOf]),
    db.query(`SELECT count(*)::text AS n FROM audit_events a WHERE ${own} AND a.occurred_at <= $2`, [projectId, asOf]),
  ]);
  return {
    first: first[0] ? toProjectHistoryRow(first[0]) : null,
    last: last[0] ? toProjectHistoryRow(last[0]) : null,
    count: Number(counted[0]?.n ?? 0),
  };
}

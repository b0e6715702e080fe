// 跨项目历史检索 (issue 11): the audit events of every project, filtered, newest first, a page at a time.
import type { Queryable } from '../database';
import { WhereClause } from '../sql/where-clause';
import { HISTORY_JOINS, HISTORY_SELECT, toProjectHistoryRow, type HistoryRow, type ProjectHistoryRow } from './project-history-reads';

export interface AuditEventSearch {
  /** The acting user's id (or `system` for timers). */
  actorUserId?: string;
  action?: string;
  /** At or after (included) … before (excluded). */
  from?: Date;
  to?: Date;
  /** The project's owning department (projects.owner_department_id, as the project list filters it). */
  departmentId?: string;
  projectId?: string;
  limit: number;
  offset: number;
}

/** A found event with the project it belongs to (the company's name; null when its read-model row is missing). */
export interface AuditEventSearchRow extends ProjectHistoryRow {
  companyName: string | null;
}

/**
 * Newest first (time, then the row id: the order rows were written), so pages are stable. The
 * indexes of migration AuditEventSearch serve each filter and the order; the department is
 * the project's, found through projects_owner_department_idx.
 */
export async function searchAuditEvents(db: Queryable, f: AuditEventSearch): Promise<{ rows: AuditEventSearchRow[]; total: number }> {
  const where = new WhereClause()
    .when('a.actor_id = ?', f.actorUserId)
    .when('a.action = ?', f.action)
    .when('a.occurred_at >= ?', f.from)
    .when('a.occurred_at < ?', f.to)
    .when('p.owner_department_id = ?', f.departmentId)
    .when('a.project_id = ?::uuid', f.projectId);
  const page = where.limitOffset(f.limit, f.offset);
  const [rows, counted]: [Array<HistoryRow & { company_name: string | null }>, Array<{ total: string }>] = await Promise.all([
    db.query(
      `SELECT ${HISTORY_SELECT}, p.company_name
         FROM audit_events a
         LEFT JOIN projects p ON p.id = a.project_id
         ${HISTORY_JOINS}
         ${where.sql}
        ORDER BY a.occurred_at DESC, a.id DESC
        ${page.sql}`,
      page.params,
    ),
    db.query(`SELECT count(*)::text AS total FROM audit_events a LEFT JOIN projects p ON p.id = a.project_id ${where.sql}`, where.params),
  ]);
  return {
    total: Number(counted[0]?.total ?? 0),
    rows: rows.map((r) => ({ ...toProjectHistoryRow(r), companyName: r.company_name })),
  };
}

// Reads of the service_requests read model (written only by the request workflow's activity; it has no TypeORM entity).
import type { ServiceCategory, ServiceRequestState, ServiceStatus, Stage } from '@zs/domain';
import type { Queryable } from '../database';

/** One row of the service_requests read model. */
export interface ServiceRequestRow {
  id: string;
  projectId: string;
  workflowId: string;
  status: ServiceStatus;
  updatedAt: Date;
  state: ServiceRequestState;
}

export interface ServiceRequestFilter {
  projectId?: string;
  status?: ServiceStatus;
  department?: string;
  category?: ServiceCategory;
}

interface RawRow {
  id: string;
  project_id: string;
  workflow_id: string;
  status: ServiceStatus;
  updated_at: Date;
  state: ServiceRequestState;
}

const COLUMNS = 'id, project_id, workflow_id, status, updated_at, state';

export async function findServiceRequest(db: Queryable, id: string): Promise<ServiceRequestRow | null> {
  const rows: RawRow[] = await db.query(`SELECT ${COLUMNS} FROM service_requests WHERE id = $1`, [id]);
  return rows[0] ? toRow(rows[0]) : null;
}

/**
 * Newest first; the id breaks ties so pages stay stable. Every value reaches PostgreSQL as a
 * parameter; only the fixed column names below build the WHERE.
 */
export async function listServiceRequests(db: Queryable, filter: ServiceRequestFilter, page: number, pageSize: number): Promise<{ rows: ServiceRequestRow[]; total: number }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (column: string, value: unknown): void => {
    if (value === undefined || value === null) return;
    params.push(value);
    conditions.push(`${column} = $${params.length}`);
  };
  where('project_id', filter.projectId);
  where('status', filter.status);
  where('department', filter.department);
  where('category', filter.category);
  const whereSql = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';

  const [counted, rows] = await Promise.all([
    db.query(`SELECT count(*)::int AS total FROM service_requests ${whereSql}`, params) as Promise<Array<{ total: number }>>,
    db.query(
      `SELECT ${COLUMNS} FROM service_requests ${whereSql}
        ORDER BY raised_at DESC, id ASC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, pageSize, (page - 1) * pageSize],
    ) as Promise<RawRow[]>,
  ]);
  return { rows: rows.map(toRow), total: counted[0]?.total ?? 0 };
}

/** A request not yet closed, with its project's stage: what its tasks are derived from (serviceRequestTaskRecords). */
export interface OpenServiceRequest {
  state: ServiceRequestState;
  stage: Stage;
}

/** Service requests not yet closed (of projects in one stage, if asked), by id. */
export function openServiceRequests(db: Queryable, stage?: Stage): Promise<OpenServiceRequest[]> {
  const byStage = stage !== undefined;
  return db.query(
    `SELECT r.state, p.stage
       FROM service_requests r JOIN projects p ON p.id = r.project_id
      WHERE r.status <> 'closed'${byStage ? ' AND p.stage = $1' : ''}
      ORDER BY r.id`,
    byStage ? [stage] : [],
  );
}

function toRow(r: RawRow): ServiceRequestRow {
  return { id: r.id, projectId: r.project_id, workflowId: r.workflow_id, status: r.status, updatedAt: new Date(r.updated_at), state: r.state };
}

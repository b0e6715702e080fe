import { Inject, Injectable } from '@nestjs/common';
import type { ServiceCategory, ServiceRequestState, ServiceStatus, Stage } from '@zs/domain';
import { DataSource } from 'typeorm';

/** One row of the service_requests read model (written only by the request workflow's activity). */
export interface ServiceRequestRow {
  id: string;
  projectId: string;
  workflowId: string;
  status: ServiceStatus;
  updatedAt: Date;
  state: ServiceRequestState;
}

/** What the API needs of the project a request belongs to. */
export interface ProjectRef {
  id: string;
  workflowId: string;
  stage: Stage;
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

/**
 * Reads the service_requests table with parameterised SQL (it has no TypeORM entity). Every
 * value reaches PostgreSQL as a parameter; only the fixed column names below build the WHERE.
 */
@Injectable()
export class ServiceRequestsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<ServiceRequestRow | null> {
    const rows: RawRow[] = await this.dataSource.query(`SELECT ${COLUMNS} FROM service_requests WHERE id = $1`, [id]);
    return rows[0] ? toRow(rows[0]) : null;
  }

  async findProject(id: string): Promise<ProjectRef | null> {
    const rows: Array<{ id: string; workflow_id: string; stage: Stage }> = await this.dataSource.query(
      `SELECT id, workflow_id, stage FROM projects WHERE id = $1`,
      [id],
    );
    return rows[0] ? { id: rows[0].id, workflowId: rows[0].workflow_id, stage: rows[0].stage } : null;
  }

  /** Newest first; the id breaks ties so pages stay stable. */
  async list(filter: ServiceRequestFilter, page: number, pageSize: number): Promise<{ rows: ServiceRequestRow[]; total: number }> {
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
      this.dataSource.query(`SELECT count(*)::int AS total FROM service_requests ${whereSql}`, params) as Promise<Array<{ total: number }>>,
      this.dataSource.query(
        `SELECT ${COLUMNS} FROM service_requests ${whereSql}
          ORDER BY raised_at DESC, id ASC
          LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
        [...params, pageSize, (page - 1) * pageSize],
      ) as Promise<RawRow[]>,
    ]);
    return { rows: rows.map(toRow), total: counted[0]?.total ?? 0 };
  }
}

function toRow(r: RawRow): ServiceRequestRow {
  return { id: r.id, projectId: r.project_id, workflowId: r.workflow_id, status: r.status, updatedAt: new Date(r.updated_at), state: r.state };
}

import { Inject, Injectable } from '@nestjs/common';
import { findProjectById, listProjects, projectHistory, type AuditEventEntity, type Database, type ProjectEntity, type ProjectListFilter } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { ListProjectsQuery, ProjectSort } from './dto/list-projects.query';

/** Sort keys of the API mapped to the read model's order columns. */
const SORT_ORDERS: Record<ProjectSort, ProjectListFilter['orderBy']> = {
  registeredAt: { column: 'registeredAt', direction: 'ASC' },
  '-registeredAt': { column: 'registeredAt', direction: 'DESC' },
  updatedAt: { column: 'updatedAt', direction: 'ASC' },
  '-updatedAt': { column: 'updatedAt', direction: 'DESC' },
  estimatedInvestmentYi: { column: 'estimatedInvestmentYi', direction: 'ASC' },
  '-estimatedInvestmentYi': { column: 'estimatedInvestmentYi', direction: 'DESC' },
};

/** The projects read model and the audit log (both written only by the workflow's activity), in the API's terms. */
@Injectable()
export class ProjectsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  findById(id: string): Promise<ProjectEntity | null> {
    return findProjectById(this.db, id);
  }

  list(query: ListProjectsQuery): Promise<{ rows: ProjectEntity[]; total: number }> {
    return listProjects(this.db, {
      stage: query.stage,
      overdue: query.overdue === undefined ? undefined : query.overdue === 'true',
      industryChain: query.industryChain,
      infoGrade: query.infoGrade,
      orderBy: SORT_ORDERS[query.sort],
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  history(projectId: string): Promise<AuditEventEntity[]> {
    return projectHistory(this.db, projectId);
  }
}

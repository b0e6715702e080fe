import { Inject, Injectable } from '@nestjs/common';
import { AuditEventEntity, ProjectEntity } from '@zs/persistence';
import { DataSource } from 'typeorm';
import type { ListProjectsQuery, ProjectSort } from './dto/list-projects.query';

/** Sort keys of the API mapped to entity properties; the only values that reach ORDER BY. */
const SORT_COLUMNS: Record<ProjectSort, { property: string; direction: 'ASC' | 'DESC' }> = {
  registeredAt: { property: 'registeredAt', direction: 'ASC' },
  '-registeredAt': { property: 'registeredAt', direction: 'DESC' },
  updatedAt: { property: 'updatedAt', direction: 'ASC' },
  '-updatedAt': { property: 'updatedAt', direction: 'DESC' },
  estimatedInvestmentYi: { property: 'estimatedInvestmentYi', direction: 'ASC' },
  '-estimatedInvestmentYi': { property: 'estimatedInvestmentYi', direction: 'DESC' },
};

/** Reads the projects read model and the audit log (both written only by the workflow's activity). */
@Injectable()
export class ProjectsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  findById(id: string): Promise<ProjectEntity | null> {
    return this.dataSource.getRepository(ProjectEntity).findOneBy({ id });
  }

  async list(query: ListProjectsQuery): Promise<{ rows: ProjectEntity[]; total: number }> {
    const qb = this.dataSource.getRepository(ProjectEntity).createQueryBuilder('p');
    if (query.stage !== undefined) qb.andWhere('p.stage = :stage', { stage: query.stage });
    if (query.overdue !== undefined) qb.andWhere('p.overdue = :overdue', { overdue: query.overdue === 'true' });
    if (query.industryChain != null) qb.andWhere('p.industryChain = :industryChain', { industryChain: query.industryChain });
    if (query.infoGrade !== undefined) qb.andWhere('p.infoGrade = :infoGrade', { infoGrade: query.infoGrade });

    const sort = SORT_COLUMNS[query.sort];
    // The id tie-break keeps pages stable when many projects share a timestamp or amount.
    qb.orderBy(`p.${sort.property}`, sort.direction)
      .addOrderBy('p.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize);
    const [rows, total] = await qb.getManyAndCount();
    return { rows, total };
  }

  history(projectId: string): Promise<AuditEventEntity[]> {
    // Service requests (child workflows) keep their own sequence: the project's history is in time order.
    return this.dataSource.getRepository(AuditEventEntity).find({ where: { projectId }, order: { occurredAt: 'ASC', id: 'ASC' } });
  }
}

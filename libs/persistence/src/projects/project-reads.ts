// Reads of the projects read model, written only by the workflow's recordProjectEvent activity.
import { TERMINAL_STAGES, type InfoGrade, type ProjectState, type Stage } from '@zs/domain';
import type { Database, Queryable } from '../database';
import { ProjectEntity } from '../entities/project.entity';

/** The columns a project list may be ordered by; the only values that reach ORDER BY. */
export type ProjectOrderColumn = 'registeredAt' | 'updatedAt' | 'estimatedInvestmentYi';

export interface ProjectListFilter {
  stage?: Stage;
  overdue?: boolean;
  industryChain?: string | null;
  infoGrade?: InfoGrade;
  orderBy: { column: ProjectOrderColumn; direction: 'ASC' | 'DESC' };
  page: number;
  pageSize: number;
}

/** What the API needs of the project a service request belongs to. */
export interface ProjectRef {
  id: string;
  workflowId: string;
  stage: Stage;
}

export function findProjectById(db: Database, id: string): Promise<ProjectEntity | null> {
  return db.getRepository(ProjectEntity).findOneBy({ id });
}

export async function listProjects(db: Database, filter: ProjectListFilter): Promise<{ rows: ProjectEntity[]; total: number }> {
  const qb = db.getRepository(ProjectEntity).createQueryBuilder('p');
  if (filter.stage !== undefined) qb.andWhere('p.stage = :stage', { stage: filter.stage });
  if (filter.overdue !== undefined) qb.andWhere('p.overdue = :overdue', { overdue: filter.overdue });
  if (filter.industryChain != null) qb.andWhere('p.industryChain = :industryChain', { industryChain: filter.industryChain });
  if (filter.infoGrade !== undefined) qb.andWhere('p.infoGrade = :infoGrade', { infoGrade: filter.infoGrade });

  // The id tie-break keeps pages stable when many projects share a timestamp or amount.
  qb.orderBy(`p.${filter.orderBy.column}`, filter.orderBy.direction)
    .addOrderBy('p.id', 'ASC')
    .skip((filter.page - 1) * filter.pageSize)
    .take(filter.pageSize);
  const [rows, total] = await qb.getManyAndCount();
  return { rows, total };
}

export async function findProjectRef(db: Queryable, id: string): Promise<ProjectRef | null> {
  const rows: Array<{ id: string; workflow_id: string; stage: Stage }> = await db.query(`SELECT id, workflow_id, stage FROM projects WHERE id = $1`, [id]);
  return rows[0] ? { id: rows[0].id, workflowId: rows[0].workflow_id, stage: rows[0].stage } : null;
}

export async function projectExists(db: Queryable, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM projects WHERE id = $1`, [id]);
  return rows.length > 0;
}

/** States of the projects not in a terminal stage (optionally of one stage), by id: what the work queue derives tasks from. */
export async function openProjectStates(db: Database, stage?: Stage): Promise<ProjectState[]> {
  const qb = db
    .getRepository(ProjectEntity)
    .createQueryBuilder('p')
    .select(['p.id', 'p.state'])
    .where('p.stage NOT IN (:...terminal)', { terminal: [...TERMINAL_STAGES] });
  if (stage !== undefined) qb.andWhere('p.stage = :stage', { stage });
  const rows = await qb.orderBy('p.id', 'ASC').getMany();
  return rows.map((r) => r.state);
}

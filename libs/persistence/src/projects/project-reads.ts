// Reads of the projects read model, written only by the workflow's recordProjectEvent activity.
// The filtered list is in project-list.ts, duplicate detection in project-duplicates.ts.
import { TERMINAL_STAGES, type ProjectState, type Stage } from '@zs/domain';
import type { Database, Queryable } from '../database';
import { ProjectEntity } from '../entities/project.entity';

/** What the API needs of the project a service request belongs to. */
export interface ProjectRef {
  id: string;
  workflowId: string;
  stage: Stage;
}

export function findProjectById(db: Database, id: string): Promise<ProjectEntity | null> {
  return db.getRepository(ProjectEntity).findOneBy({ id });
}

export async function findProjectRef(db: Queryable, id: string): Promise<ProjectRef | null> {
  const rows: Array<{ id: string; workflow_id: string; stage: Stage }> = await db.query(`SELECT id, workflow_id, stage FROM projects WHERE id = $1`, [id]);
  return rows[0] ? { id: rows[0].id, workflowId: rows[0].workflow_id, stage: rows[0].stage } : null;
}

export async function projectExists(db: Queryable, id: string): Promise<boolean> {
  const rows: unknown[] = await db.query(`SELECT 1 FROM projects WHERE id = $1`, [id]);
  return rows.length > 0;
}

/** States of the projects not in a terminal stage (optionally of one stage), by id (the tests derive the work queue from them to check pending_tasks). */
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

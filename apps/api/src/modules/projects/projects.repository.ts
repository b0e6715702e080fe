import { Inject, Injectable } from '@nestjs/common';
import { findProjectById, listProjects, type Database, type ProjectEntity, type ProjectListRow } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import { listFilterOf } from './dto/list-projects.filter';
import type { ExportProjectsQuery } from './dto/export-projects.query';
import type { ListProjectsQuery } from './dto/list-projects.query';

/** The projects read model and the audit log (both written only by the workflow's activity), in the API's terms. */
@Injectable()
export class ProjectsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  findById(id: string): Promise<ProjectEntity | null> {
    return findProjectById(this.db, id);
  }

  list(query: ListProjectsQuery): Promise<{ rows: ProjectListRow[]; total: number }> {
    return listProjects(this.db, listFilterOf(query));
  }

  /** The first `limit` projects the filters select, in their order, and how many they select in all. */
  listAll(query: ExportProjectsQuery, limit: number): Promise<{ rows: ProjectListRow[]; total: number }> {
    return listProjects(this.db, listFilterOf({ ...query, page: 1, pageSize: limit }));
  }
}

import { Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import type { ProjectEntity } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import type { ExportProjectsQuery } from './dto/export-projects.query';
import type { ListProjectsQuery } from './dto/list-projects.query';
import type { ProjectViewDto } from './dto/project-view.dto';
import { PROJECT_EXPORT_MAX_ROWS, requireExportable } from './project-export';
import { toProjectView } from './project-view.mapper';
import { ProjectsRepository } from './projects.repository';

/** Read side: answers from the read model only, never from the workflow. */
@Injectable()
export class ProjectsQueryService {
  constructor(private readonly projects: ProjectsRepository) {}

  async list(query: ListProjectsQuery): Promise<Page<ProjectViewDto>> {
    const { rows, total } = await this.projects.list(query);
    const now = Date.now();
    return { items: rows.map((row) => viewOf(row, now)), total, page: query.page, pageSize: query.pageSize };
  }

  /** Every project the filters select, for an export; more than PROJECT_EXPORT_MAX_ROWS is refused (400) rather than cut short. */
  async listForExport(query: ExportProjectsQuery): Promise<ProjectViewDto[]> {
    const { rows, total } = await this.projects.listAll(query, PROJECT_EXPORT_MAX_ROWS);
    requireExportable(total);
    const now = Date.now();
    return rows.map((row) => viewOf(row, now));
  }

  async get(id: string): Promise<ProjectViewDto> {
    return viewOf(await this.require(id), Date.now());
  }

  /** The project's read-model row, or 404. */
  async require(id: string): Promise<ProjectEntity> {
    const row = await this.projects.findById(id);
    if (!row) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${id} 不存在`, `project ${id} not found`));
    return row;
  }
}

function viewOf(row: Pick<ProjectEntity, 'state' | 'workflowId' | 'runId' | 'updatedAt'>, now: number): ProjectViewDto {
  return toProjectView({ state: row.state, workflowId: row.workflowId, runId: row.runId, updatedAt: row.updatedAt }, now);
}

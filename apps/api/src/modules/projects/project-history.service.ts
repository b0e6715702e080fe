import { Inject, Injectable } from '@nestjs/common';
import { projectHistoryPage, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';
import type { HistoryDto } from './dto/history.dto';
import type { HistoryQuery } from './dto/history.query';
import { ProjectsQueryService } from './projects-query.service';
import { readableHistory } from './readable-history';

/**
 * The auditor's history (issue 10): the project's and its service requests' events in one
 * order, each with the actor's name, Chinese labels beside the codes, the names of the people
 * (departments, teams …) its payload names, and which subject it belongs to. The raw codes,
 * ids and payload stay as recorded, so nothing is lost in the reading.
 */
@Injectable()
export class ProjectHistoryService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly projects: ProjectsQueryService,
  ) {}

  async history(projectId: string, query: HistoryQuery): Promise<HistoryDto> {
    await this.projects.require(projectId);
    const offset = (query.page - 1) * query.pageSize;
    const { rows, total } = await projectHistoryPage(this.db, projectId, { limit: query.pageSize, offset });
    return {
      items: await readableHistory(this.db, rows, offset + 1),
      total,
      page: query.page,
      pageSize: query.pageSize,
    };
  }
}

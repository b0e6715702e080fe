import { Injectable } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';
import type { Page } from '../../common/http/page';
import type { ListProjectServiceRequestsQuery, ListServiceRequestsQuery } from './dto/list-service-requests.query';
import type { ServiceRequestViewDto } from './dto/service-request-view.dto';
import { toServiceRequestView } from './service-request-view.mapper';
import { ServiceRequestsRepository, type ProjectRef, type ServiceRequestFilter, type ServiceRequestRow } from './service-requests.repository';

/** Read side: answers from the read model only, never from the workflows. */
@Injectable()
export class ServiceRequestsQueryService {
  constructor(private readonly requests: ServiceRequestsRepository) {}

  async listOfProject(projectId: string, query: ListProjectServiceRequestsQuery): Promise<Page<ServiceRequestViewDto>> {
    await this.requireProject(projectId);
    return this.page({ projectId, status: query.status }, query.page, query.pageSize);
  }

  list(query: ListServiceRequestsQuery): Promise<Page<ServiceRequestViewDto>> {
    return this.page({ status: query.status, department: query.department, category: query.category }, query.page, query.pageSize);
  }

  async get(requestId: string): Promise<ServiceRequestViewDto> {
    return viewOf(await this.require(requestId), Date.now());
  }

  /** The request's read-model row, or 404. */
  async require(requestId: string): Promise<ServiceRequestRow> {
    const row = await this.requests.findById(requestId);
    if (!row) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`服务请求 ${requestId} 不存在`, `service request ${requestId} not found`));
    return row;
  }

  /** The project's read-model reference, or 404. */
  async requireProject(projectId: string): Promise<ProjectRef> {
    const project = await this.requests.findProject(projectId);
    if (!project) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${projectId} 不存在`, `project ${projectId} not found`));
    return project;
  }

  private async page(filter: ServiceRequestFilter, page: number, pageSize: number): Promise<Page<ServiceRequestViewDto>> {
    const { rows, total } = await this.requests.list(filter, page, pageSize);
    const now = Date.now();
    return { items: rows.map((row) => viewOf(row, now)), total, page, pageSize };
  }
}

function viewOf(row: ServiceRequestRow, now: number): ServiceRequestViewDto {
  return toServiceRequestView({ state: row.state, workflowId: row.workflowId, updatedAt: row.updatedAt }, now);
}

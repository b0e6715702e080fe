import { Inject, Injectable } from '@nestjs/common';
import {
  findProjectRef,
  findServiceRequest,
  listServiceRequests,
  type Database,
  type ProjectRef,
  type ServiceRequestFilter,
  type ServiceRequestRow,
} from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';

export type { ProjectRef, ServiceRequestFilter, ServiceRequestRow } from '@zs/persistence';

/** The service_requests read model (written only by the request workflow's activity) and the project a request belongs to. */
@Injectable()
export class ServiceRequestsRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  findById(id: string): Promise<ServiceRequestRow | null> {
    return findServiceRequest(this.db, id);
  }

  findProject(id: string): Promise<ProjectRef | null> {
    return findProjectRef(this.db, id);
  }

  /** Newest first; the id breaks ties so pages stay stable. */
  list(filter: ServiceRequestFilter, page: number, pageSize: number): Promise<{ rows: ServiceRequestRow[]; total: number }> {
    return listServiceRequests(this.db, filter, page, pageSize);
  }
}

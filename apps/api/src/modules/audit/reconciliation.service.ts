import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ERROR_CODES, localized } from '@zs/domain';
import { reconciliationProjectPage, type Database } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import { mapWorkflowError } from '../../infrastructure/workflow-error.mapper';
import type { ReconciliationQuery } from './dto/reconciliation.query';
import type { ReconciliationReportDto } from './dto/reconciliation.dto';
import { reconcileProject, reconcileProjects, summarize, type ProjectReconciliation } from './project-reconciler';

/** GET /audit/reconciliation: the reconciler over one project or a page of projects. */
@Injectable()
export class ReconciliationService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(Client) private readonly client: Client,
  ) {}

  async reconcile({ projectId, page, pageSize }: ReconciliationQuery): Promise<ReconciliationReportDto> {
    const deps = { db: this.db, client: this.client };
    let projects: ProjectReconciliation[];
    let total: number;
    try {
      if (projectId) {
        const one = await reconcileProject(deps, projectId);
        if (!one) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${projectId} 不存在`, `project ${projectId} not found`));
        projects = [one];
        total = 1;
      } else {
        const listed = await reconciliationProjectPage(this.db, page, pageSize);
        projects = await reconcileProjects(deps, listed.projectIds);
        total = listed.total;
      }
    } catch (err) {
      if (err instanceof ApiException) throw err;
      // Temporal unreachable or too slow: 503, never a report that silently compared nothing.
      throw mapWorkflowError(err) ?? err;
    }
    const { checkedWorkflows, checkedEvents, unverifiableEvents, pendingEvents, discrepancies, workflows } = summarize(projects);
    return { checkedWorkflows, checkedEvents, unverifiableEvents, pendingEvents, discrepancies, workflows, page: projectId ? 1 : page, pageSize, total };
  }
}

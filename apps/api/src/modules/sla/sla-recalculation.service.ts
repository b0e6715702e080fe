import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Client, WorkflowNotFoundError } from '@temporalio/client';
import { recalculateSlaSignal } from '@zs/contracts';
import { ERROR_CODES, type RecalculationRequest } from '@zs/domain';
import { recordAdminAudit } from '@zs/persistence';
import { DataSource } from 'typeorm';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { ApiException } from '../../common/errors/api.exception';
import type { RecalculationDto, RecalculationResultDto } from './dto/recalculation.dto';

/**
 * Asks every workflow with an open clock (of one policy, or all) to recalculate. The request
 * is audited before any signal goes out; each workflow records one `sla.recalculated` event
 * per open clock, so the history shows what changed, for whom, and why.
 */
const SIGNAL_BATCH = 25;

@Injectable()
export class SlaRecalculationService {
  private readonly logger = new Logger(SlaRecalculationService.name);

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(Client) private readonly client: Client,
  ) {}

  async request(dto: RecalculationDto, caller: AuthenticatedUser): Promise<RecalculationResultDto> {
    const request: RecalculationRequest = {
      requestId: randomUUID(),
      scope: dto.scope,
      reason: dto.reason,
      actor: { userId: caller.id, role: caller.role, displayName: caller.displayName },
    };
    const rows: { workflow_id: string }[] = await this.dataSource.query(
      `SELECT DISTINCT workflow_id FROM sla_clocks WHERE stopped_at IS NULL AND ($1::text IS NULL OR policy_key = $1) ORDER BY workflow_id`,
      [dto.policyKey ?? null],
    );
    await this.dataSource.transaction((m) =>
      recordAdminAudit(m, {
        actor: request.actor,
        action: 'sla.recalculation_requested',
        subject: dto.policyKey ? `sla_policy:${dto.policyKey}` : 'sla_clocks:all',
        reason: dto.reason,
        payload: { requestId: request.requestId, scope: dto.scope, openWorkflows: rows.length },
      }),
    );
    let signalled = 0;
    let failed = 0;
    // In parallel batches: a zone with thousands of open projects is signalled in seconds, not minutes.
    for (let i = 0; i < rows.length; i += SIGNAL_BATCH) {
      const results = await Promise.allSettled(rows.slice(i, i + SIGNAL_BATCH).map(({ workflow_id }) => this.client.workflow.getHandle(workflow_id).signal(recalculateSlaSignal, request)));
      for (const [j, r] of results.entries()) {
        if (r.status === 'fulfilled') signalled++;
        // A workflow that ended since the read model was written has no clock to recalculate.
        else if (r.reason instanceof WorkflowNotFoundError) this.logger.warn(`recalculation ${request.requestId}: ${rows[i + j].workflow_id} has ended`);
        else failed++;
      }
    }
    if (failed > 0) {
      throw new ApiException(
        ERROR_CODES.ENGINE_UNAVAILABLE,
        `recalculation ${request.requestId} reached ${signalled} of ${rows.length} workflows; Temporal refused ${failed}: repeat the request (a clock recalculated twice only records it twice)`,
      );
    }
    return { requestId: request.requestId, workflows: signalled };
  }
}

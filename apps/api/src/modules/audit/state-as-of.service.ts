import { Inject, Injectable } from '@nestjs/common';
import { Client } from '@temporalio/client';
import { ERROR_CODES, isStage, localized, STAGE_LABELS, type ProjectState } from '@zs/domain';
import { projectEventsAsOf, type Database } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
import { readableHistory } from '../projects/readable-history';
import type { ProjectStateAsOfDto, StateFieldsDto } from './dto/audit-history.dto';
import { readWorkflowHistory } from './workflow-history-reader';

const TEMPORAL_TIMEOUT_MS = 10_000;

export const STATE_SOURCE_LABELS = {
  workflow_history: '工作流历史（该事件之后工作流记录的状态）',
  audit_log: '审计日志（工作流历史中已无该时点的状态，仅知阶段）',
} as const;

/**
 * 某日状态: the project as it stood at a past instant. The stage is the audit log's (the stage
 * after the last event up to then); the other key fields are the state the workflow itself
 * recorded after that event: the input of its projection activity, kept in its Temporal history
 * (what the reconciler compares the read model with). When Temporal keeps that run no more, or
 * cannot be read, the stage alone is answered and says so.
 */
@Injectable()
export class StateAsOfService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(Client) private readonly client: Client,
  ) {}

  async stateAsOf(projectId: string, asOfText: string): Promise<ProjectStateAsOfDto> {
    const asOf = new Date(asOfText);
    const events = await projectEventsAsOf(this.db, projectId, asOf);
    if (!events.first) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${projectId} 不存在`, `project ${projectId} not found`));
    if (!events.last) {
      const registered = events.first.occurredAt;
      throw new ApiException(
        ERROR_CODES.NOT_FOUND,
        localized(
          `项目于 ${beijingTime(registered.getTime())} 登记，${beijingTime(asOf.getTime())} 时尚未登记`,
          `the project was registered at ${registered.toISOString()}; it did not exist at ${asOf.toISOString()}`,
        ),
      );
    }
    const last = events.last;
    const [lastEvent] = await readableHistory(this.db, [last], events.count);
    const state = await this.recordedStateAfter(last.workflowId, last.seq);
    const stateSource = state ? 'workflow_history' : 'audit_log';
    return {
      projectId,
      asOf: asOf.toISOString(),
      registeredAt: events.first.occurredAt.toISOString(),
      stage: last.stageAfter,
      stageLabel: isStage(last.stageAfter) ? STAGE_LABELS[last.stageAfter] : last.stageAfter,
      eventsUpTo: events.count,
      lastEvent,
      stateSource,
      stateSourceLabel: STATE_SOURCE_LABELS[stateSource],
      state: state ? keyFields(state) : null,
    };
  }

  /** The state the workflow recorded right after event `seq` (a projection batch ending with it), or null. */
  private async recordedStateAfter(workflowId: string, seq: number): Promise<ProjectState | null> {
    try {
      const record = await this.client.withDeadline(Date.now() + TEMPORAL_TIMEOUT_MS, () => readWorkflowHistory(this.client, workflowId));
      const batch = record.batches.find((b) => b.batch.stream === 'project' && b.batch.events.at(-1)?.seq === seq);
      return batch ? (batch.batch.state as ProjectState) : null;
    } catch {
      // Temporal unreachable: the audit log still answers the stage.
      return null;
    }
  }
}

/** An instant as people in the zone read it: 2026/3/1 18:00:00 (Beijing time). */
function beijingTime(ms: number): string {
  return `${new Date(ms).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false })}（北京时间）`;
}

export function keyFields(s: ProjectState): StateFieldsDto {
  const nodes = s.construction?.nodes ?? null;
  return {
    companyName: s.lead.companyName,
    industryChain: s.lead.industryChain,
    estimatedInvestmentYi: s.lead.estimatedInvestmentYi,
    ownerName: s.ownership?.owner?.displayName ?? null,
    overdue: s.overdue,
    contractNo: s.contract?.contractNo ?? null,
    contractInvestmentYi: s.contract?.contractInvestmentYi ?? null,
    signedOn: s.contract?.signedOn ?? null,
    commissionerName: s.handover?.commissioner?.name ?? null,
    milestonesCompleted: nodes ? nodes.filter((n) => n.completedOn !== null).length : null,
    milestonesTotal: nodes ? nodes.length : null,
  };
}

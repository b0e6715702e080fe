import { Inject, Injectable } from '@nestjs/common';
import { CLOCK_LABELS, STAGE_LABELS } from '@zs/domain';
import { runningClockCounts, runningClockPage, type Database, type DeadlineWindow, type SlaClockRow } from '@zs/persistence';
import type { Page } from '../../common/http/page';
import { DATABASE } from '../../infrastructure/database.provider';
import type { DueSoonQuery, OverdueSummaryDto, OverdueSummaryQuery, SlaClockFilterQuery, SlaClockItemDto } from './dto/sla-views.dto';

/**
 * Open clocks across projects from the SLA read model. A paused clock is neither overdue
 * nor due: its deadline moves for as long as it waits.
 */
@Injectable()
export class SlaViewsService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  overdue(query: SlaClockFilterQuery, now = new Date()): Promise<Page<SlaClockItemDto>> {
    return this.page(query, { after: null, by: now }, now);
  }

  dueSoon(query: DueSoonQuery, now = new Date()): Promise<Page<SlaClockItemDto>> {
    return this.page(query, { after: now, by: new Date(now.getTime() + query.withinHours * 3_600_000) }, now);
  }

  /** The 督办 matrix: overdue clocks counted by department and escalation level. */
  async overdueSummary(q: OverdueSummaryQuery, now = new Date()): Promise<OverdueSummaryDto> {
    const cells = await runningClockCounts(this.db, { after: null, by: now }, { stage: q.stage, policyKey: q.policyKey, clock: q.clock });
    return { cells, total: cells.reduce((sum, c) => sum + c.count, 0) };
  }

  private async page(q: SlaClockFilterQuery, window: DeadlineWindow, now: Date): Promise<Page<SlaClockItemDto>> {
    const filter = { department: q.department, stage: q.stage, policyKey: q.policyKey, clock: q.clock, escalationLevel: q.escalationLevel };
    const { rows, total } = await runningClockPage(this.db, window, filter, q.page, q.pageSize);
    return { items: rows.map((r) => toItem(r, now)), total, page: q.page, pageSize: q.pageSize };
  }
}

function toItem(r: SlaClockRow, now: Date): SlaClockItemDto {
  return {
    id: r.id,
    projectId: r.projectId,
    requestId: r.requestId,
    companyName: r.companyName,
    subject: r.subject,
    clock: r.clock,
    clockLabel: CLOCK_LABELS[r.clock],
    policyKey: r.policyKey,
    policyVersion: r.policyVersion,
    department: r.department,
    stage: r.stage,
    stageLabel: STAGE_LABELS[r.stage] ?? r.stage,
    startedAt: r.startedAt.toISOString(),
    deadlineAt: r.deadlineAt.toISOString(),
    remainingMs: r.deadlineAt.getTime() - now.getTime(),
    pausedMs: r.pausedMs,
    fired: r.fired,
    escalationLevel: r.escalationLevel,
  };
}

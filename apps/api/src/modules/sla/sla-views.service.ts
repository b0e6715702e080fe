import { Inject, Injectable } from '@nestjs/common';
import { CLOCK_LABELS, STAGE_LABELS, type ClockName, type Stage } from '@zs/domain';
import { DataSource } from 'typeorm';
import type { Page } from '../../common/http/page';
import type { DueSoonQuery, SlaClockFilterQuery, SlaClockItemDto } from './dto/sla-views.dto';

interface ClockRow {
  id: string;
  project_id: string;
  request_id: string | null;
  company_name: string;
  subject: string;
  clock: ClockName;
  policy_key: string | null;
  policy_version: number | null;
  department: string;
  stage: Stage;
  started_at: Date;
  deadline_at: Date;
  paused_ms: string;
  fired: string[];
  total: string;
}

/**
 * Open clocks across projects from the SLA read model. A paused clock is neither overdue
 * nor due: its deadline moves for as long as it waits.
 */
@Injectable()
export class SlaViewsService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  overdue(query: SlaClockFilterQuery, now = new Date()): Promise<Page<SlaClockItemDto>> {
    return this.page(query, `deadline_at <= $1`, [now], now);
  }

  dueSoon(query: DueSoonQuery, now = new Date()): Promise<Page<SlaClockItemDto>> {
    return this.page(query, `deadline_at > $1 AND deadline_at <= $2`, [now, new Date(now.getTime() + query.withinHours * 3_600_000)], now);
  }

  private async page(q: SlaClockFilterQuery, window: string, params: unknown[], now: Date): Promise<Page<SlaClockItemDto>> {
    const filters: string[] = [`stopped_at IS NULL`, `paused_at IS NULL`, window];
    const add = (sql: string, value: unknown) => {
      params.push(value);
      filters.push(sql.replace('?', `$${params.length}`));
    };
    if (q.department) add('department = ?', q.department);
    if (q.stage) add('stage = ?', q.stage);
    if (q.policyKey) add('policy_key = ?', q.policyKey);
    if (q.clock) add('clock = ?', q.clock);
    params.push(q.pageSize, (q.page - 1) * q.pageSize);
    const rows: ClockRow[] = await this.dataSource.query(
      `SELECT *, count(*) OVER () AS total FROM sla_clocks WHERE ${filters.join(' AND ')}
       ORDER BY deadline_at, id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return { items: rows.map((r) => toItem(r, now)), total: rows[0] ? Number(rows[0].total) : await this.count(filters, params.slice(0, -2)), page: q.page, pageSize: q.pageSize };
  }

  private async count(filters: string[], params: unknown[]): Promise<number> {
    const [{ n }]: { n: string }[] = await this.dataSource.query(`SELECT count(*) AS n FROM sla_clocks WHERE ${filters.join(' AND ')}`, params);
    return Number(n);
  }
}

function toItem(r: ClockRow, now: Date): SlaClockItemDto {
  return {
    id: r.id,
    projectId: r.project_id,
    requestId: r.request_id,
    companyName: r.company_name,
    subject: r.subject,
    clock: r.clock,
    clockLabel: CLOCK_LABELS[r.clock],
    policyKey: r.policy_key,
    policyVersion: r.policy_version,
    department: r.department,
    stage: r.stage,
    stageLabel: STAGE_LABELS[r.stage] ?? r.stage,
    startedAt: r.started_at.toISOString(),
    deadlineAt: r.deadline_at.toISOString(),
    remainingMs: r.deadline_at.getTime() - now.getTime(),
    pausedMs: Number(r.paused_ms),
    fired: r.fired,
  };
}

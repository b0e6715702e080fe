import { Inject, Injectable } from '@nestjs/common';
import { CLOCK_LABELS, ERROR_CODES, type ClockName } from '@zs/domain';
import { DataSource } from 'typeorm';
import { ApiException } from '../../common/errors/api.exception';
import type { SlaTimelineDto, SlaTimelineEventDto, TimelineEventKind } from './dto/sla-views.dto';

const EVENT_LABELS: Record<TimelineEventKind, string> = {
  started: '开始计时',
  paused: '暂停计时',
  resumed: '恢复计时',
  warned: '预警',
  breached: '超时',
  escalated: '督办',
  recalculated: '重新计算',
  met: '按时办结',
};

/** Audit actions that mark a clock event, with the clock when the action implies it. */
const AUDIT_EVENTS: Record<string, { event: TimelineEventKind; clock?: ClockName; reasonKey?: string }> = {
  'sla.paused': { event: 'paused', reasonKey: 'reason' },
  'sla.resumed': { event: 'resumed', reasonKey: 'reason' },
  'intake.info_requested': { event: 'paused', clock: 'intake_decision', reasonKey: 'missing' },
  'intake.info_provided': { event: 'resumed', clock: 'intake_decision', reasonKey: 'response' },
  'sla.warning': { event: 'warned' },
  'sla.escalated': { event: 'escalated' },
  'sla.recalculated': { event: 'recalculated', reasonKey: 'reason' },
};

interface AuditRow {
  occurred_at: Date;
  actor_id: string;
  action: string;
  payload: Record<string, unknown>;
}

interface ClockRow {
  clock: ClockName;
  request_id: string | null;
  started_at: Date;
  deadline_at: Date;
  paused_at: Date | null;
  stopped_at: Date | null;
  breached_at: Date | null;
  status: string;
  policy_version: number | null;
}

/**
 * 时限轨迹: every clock of a project and its requests — started, paused/resumed (who, why),
 * warned, breached, escalated, recalculated, met — from the audit log and the SLA read model.
 */
@Injectable()
export class SlaTimelineService {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async timeline(projectId: string, now = new Date()): Promise<SlaTimelineDto> {
    const exists: unknown[] = await this.dataSource.query(`SELECT 1 FROM projects WHERE id = $1`, [projectId]);
    if (exists.length === 0) throw new ApiException(ERROR_CODES.NOT_FOUND, `project ${projectId} not found`);

    const audits: AuditRow[] = await this.dataSource.query(
      `SELECT occurred_at, actor_id, action, payload FROM audit_events WHERE project_id = $1 AND action = ANY($2) ORDER BY occurred_at, id`,
      [projectId, Object.keys(AUDIT_EVENTS)],
    );
    const clocks: ClockRow[] = await this.dataSource.query(`SELECT * FROM sla_clocks WHERE project_id = $1 ORDER BY started_at`, [projectId]);

    const events: SlaTimelineEventDto[] = [];
    const push = (e: Omit<SlaTimelineEventDto, 'eventLabel' | 'clockLabel'>) => events.push({ ...e, eventLabel: EVENT_LABELS[e.event], clockLabel: CLOCK_LABELS[e.clock] });

    for (const c of clocks) {
      const base = { clock: c.clock, requestId: c.request_id, actorId: null, reason: null, level: null };
      push({ ...base, at: c.started_at.toISOString(), event: 'started', policyVersion: c.policy_version, deadlineAt: c.deadline_at.toISOString() });
      // Recorded by the first event that saw the breach; a clock that passed its deadline since its last
      // event (no event yet) breached at its current deadline, unless it is paused short of it.
      const end = c.stopped_at ?? c.paused_at ?? now;
      const breached = c.breached_at ?? (c.deadline_at < end ? c.deadline_at : null);
      if (breached) push({ ...base, at: breached.toISOString(), event: 'breached', policyVersion: null, deadlineAt: breached.toISOString() });
      if (c.stopped_at && (c.status === 'met' || c.status === 'met_late')) {
        push({ ...base, at: c.stopped_at.toISOString(), event: 'met', policyVersion: null, deadlineAt: c.deadline_at.toISOString(), reason: c.status === 'met_late' ? '超时办结' : null });
      }
    }
    for (const a of audits) {
      const kind = AUDIT_EVENTS[a.action];
      const p = a.payload;
      const after = p.after as { policyVersion?: number; deadlineAt?: string } | undefined;
      push({
        at: a.occurred_at.toISOString(),
        event: kind.event,
        clock: kind.clock ?? (p.clock as ClockName),
        requestId: (p.requestId as string | undefined) ?? null,
        actorId: a.actor_id === 'system' ? null : a.actor_id,
        reason: kind.reasonKey ? ((p[kind.reasonKey] as string | undefined) ?? null) : null,
        level: typeof p.level === 'number' ? p.level : null,
        policyVersion: after?.policyVersion ?? null,
        deadlineAt: after?.deadlineAt ?? (p.deadlineAt as string | undefined) ?? null,
      });
    }
    events.sort((x, y) => x.at.localeCompare(y.at));
    return { projectId, events };
  }
}

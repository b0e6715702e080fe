import { Inject, Injectable } from '@nestjs/common';
import { CLOCK_LABELS, ERROR_CODES, type ClockName, localized } from '@zs/domain';
import { projectAuditActions, projectClocks, projectExists, type Database } from '@zs/persistence';
import { ApiException } from '../../common/errors/api.exception';
import { DATABASE } from '../../infrastructure/database.provider';
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

/**
 * 时限轨迹: every clock of a project and its requests — started, paused/resumed (who, why),
 * warned, breached, escalated, recalculated, met — from the audit log and the SLA read model.
 */
@Injectable()
export class SlaTimelineService {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async timeline(projectId: string, now = new Date()): Promise<SlaTimelineDto> {
    if (!(await projectExists(this.db, projectId))) throw new ApiException(ERROR_CODES.NOT_FOUND, localized(`项目 ${projectId} 不存在`, `project ${projectId} not found`));

    const audits = await projectAuditActions(this.db, projectId, Object.keys(AUDIT_EVENTS));
    const clocks = await projectClocks(this.db, projectId);

    const events: SlaTimelineEventDto[] = [];
    const push = (e: Omit<SlaTimelineEventDto, 'eventLabel' | 'clockLabel'>) => events.push({ ...e, eventLabel: EVENT_LABELS[e.event], clockLabel: CLOCK_LABELS[e.clock] });

    for (const c of clocks) {
      const base = { clock: c.clock, requestId: c.requestId, actorId: null, reason: null, level: null };
      push({ ...base, at: c.startedAt.toISOString(), event: 'started', policyVersion: c.policyVersion, deadlineAt: c.deadlineAt.toISOString() });
      // Recorded by the first event that saw the breach; a clock that passed its deadline since its last
      // event (no event yet) breached at its current deadline, unless it is paused short of it.
      const end = c.stoppedAt ?? c.pausedAt ?? now;
      const breached = c.breachedAt ?? (c.deadlineAt < end ? c.deadlineAt : null);
      if (breached) push({ ...base, at: breached.toISOString(), event: 'breached', policyVersion: null, deadlineAt: breached.toISOString() });
      if (c.stoppedAt && (c.status === 'met' || c.status === 'met_late')) {
        push({ ...base, at: c.stoppedAt.toISOString(), event: 'met', policyVersion: null, deadlineAt: c.deadlineAt.toISOString(), reason: c.status === 'met_late' ? '超时办结' : null });
      }
    }
    for (const a of audits) {
      const kind = AUDIT_EVENTS[a.action];
      const p = a.payload;
      const after = p.after as { policyVersion?: number; deadlineAt?: string } | undefined;
      push({
        at: a.occurredAt.toISOString(),
        event: kind.event,
        clock: kind.clock ?? (p.clock as ClockName),
        requestId: (p.requestId as string | undefined) ?? null,
        actorId: a.actorId === 'system' ? null : a.actorId,
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

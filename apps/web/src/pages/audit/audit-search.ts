import { AUDIT_ACTION_LABELS } from '@zs/domain';
import type { paths } from '../../api/schema';

/** The search form's values: an actor, an action, a period (two instants, epoch ms) and a department. */
export interface AuditSearchForm {
  actorUserId?: string;
  action?: string;
  /** [start, end): from the first instant, up to (not including) the second. */
  period?: [number, number];
  departmentId?: string;
}

/** The query of GET /audit/events, as the API's document types it. */
export type AuditEventsParams = NonNullable<paths['/audit/events']['get']['parameters']['query']>;

/** An instant as the API wants it: ISO 8601 with Beijing's offset, whatever the browser's zone (2026-03-01T08:00:00+08:00). */
export function beijingIso(epochMs: number): string {
  const shifted = new Date(epochMs + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 19)}+08:00`;
}

/** The query of GET /audit/events: empty choices left out. */
export function auditEventsParams(form: AuditSearchForm, page: number, pageSize: number): AuditEventsParams {
  const params: AuditEventsParams = { page, pageSize };
  if (form.actorUserId) params.actorUserId = form.actorUserId;
  if (form.action) params.action = form.action as AuditEventsParams['action'];
  if (form.departmentId) params.departmentId = form.departmentId;
  if (form.period) {
    params.from = beijingIso(form.period[0]);
    params.to = beijingIso(form.period[1]);
  }
  return params;
}

/**
 * A day picked in the period picker covers the whole day: the end moves to the next midnight
 * (Beijing time), so 3月1日–3月1日 is every event of March 1st.
 */
export function wholeDays(startMs: number, endMs: number): [number, number] {
  const day = 86_400_000;
  const beijingMidnight = (ms: number) => Math.floor((ms + 8 * 3600_000) / day) * day - 8 * 3600_000;
  return [beijingMidnight(startMs), beijingMidnight(endMs) + day];
}

/** The actions an auditor may search by, with their Chinese labels, in the order of the lifecycle. */
export function actionOptions(labels: Readonly<Record<string, string>> = AUDIT_ACTION_LABELS): Array<{ value: string; label: string }> {
  return Object.entries(labels).map(([value, label]) => ({ value, label }));
}

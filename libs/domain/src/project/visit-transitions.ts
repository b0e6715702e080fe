import { DomainError, ERROR_CODES } from '../errors';
import type { Actor } from '../roles';
import { requireOpenProject, requirePastDate } from './new-step-helpers';
import { ownershipOf } from './ownership-transitions';
import type { ProjectState, Transition } from './project-state';
import { next, requirePermission, requireText } from './transition-helpers';
import { VISIT_KINDS, VISIT_KIND_LABELS, type VisitEntry, type VisitKind } from './visits';
import { localized } from '../i18n/localized';

export interface RecordVisitCommand {
  kind: VisitKind;
  date: string;
  participants: string;
  summary: string;
}

export const VISIT_RECORDED = 'project.visit_recorded';

/**
 * 走访/外出招商 at any open stage. Kept apart from the negotiation's contacts on purpose: it does
 * not restart the negotiation's follow-up cadence (that counts only 洽谈 contacts).
 */
export function recordVisit(state: ProjectState, cmd: RecordVisitCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'project.record_visit');
  requireOpenProject(state, localized('记录走访', 'record a visit'));
  if (!cmd || !(VISIT_KINDS as readonly string[]).includes(cmd.kind)) {
    const allowed = VISIT_KINDS.map((k) => `${k}（${VISIT_KIND_LABELS[k]}）`).join('、');
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`走访类型须为：${allowed}`, `kind must be one of ${VISIT_KINDS.join(', ')}`), 'kind');
  }
  const date = requirePastDate(cmd.date, 'date', localized('走访日期', 'visit date'), now);
  const visit: VisitEntry = {
    kind: cmd.kind,
    date,
    participants: requireText(cmd.participants, 'participants'),
    summary: requireText(cmd.summary, 'summary'),
    stage: state.stage,
    recordedBy: actor,
    recordedAt: now,
  };
  return next(state, { visits: [...(state.visits ?? []), visit] }, now, actor, VISIT_RECORDED, {
    kind: visit.kind,
    date,
    participants: visit.participants,
    summary: visit.summary,
  });
}

/** The heads who may record a visit on any project. */
export const VISIT_HEAD_ROLES: readonly string[] = ['zone_leadership', 'economic_cooperation_bureau_head'];

/**
 * Who may record a visit on this project (validator only): its owner (the reporter while none is
 * named), the reporter, a member of the reporting department (全民招商 follow-up), or a head.
 */
export function authorizeVisit(state: ProjectState, _command: unknown, actor: Actor): void {
  if (VISIT_HEAD_ROLES.includes(actor.role)) return;
  const ownership = ownershipOf(state);
  const ownerId = ownership.owner?.userId ?? ownership.reporter.userId;
  if (actor.userId === ownerId || actor.userId === ownership.reporter.userId) return;
  const department = ownership.reporter.departmentId;
  if (department && actor.departmentId && actor.departmentId === department) return;
  throw new DomainError(
    ERROR_CODES.FORBIDDEN_NOT_OWNER,
    localized(
      '违反规则「走访记录限项目负责人、报送部门或局领导」：只有项目负责人、报送人所在部门成员、经济合作局局长或管委会领导可以记录走访',
      "rule \"visits are recorded by the owner, the reporting department or the heads\": only the project's owner, a member of the reporter's department, the Economic Cooperation Bureau head or zone leadership may record a visit",
    ),
  );
}

import { DomainError, ERROR_CODES } from '../errors';
import type { AuditEntry } from '../project/project-state';
import { requirePermission, requireText } from '../project/transition-helpers';
import type { Actor, AuditActor } from '../roles';
import { markFired, startClock, stopClock } from '../sla/sla-clock';
import { SERVICE_ACCEPT_POLICY, SERVICE_RESOLVE_POLICIES, type Threshold } from '../sla/sla-policy';
import {
  SATISFACTION_LABELS,
  SATISFACTION_RATINGS,
  SERVICE_CATEGORY_LABELS,
  SERVICE_CATEGORIES,
  SERVICE_STATUS_LABELS,
  type SatisfactionRating,
  type ServiceCategory,
  type ServiceRequestState,
  type ServiceStatus,
} from './service-request-state';
import { localized, type Localized } from '../i18n/localized';

export interface RaiseServiceRequestCommand {
  category: ServiceCategory;
  title: string;
  description: string;
  department: string;
}

export interface TransferServiceRequestCommand {
  toDepartment: string;
  reason: string;
}

export interface ResolveServiceRequestCommand {
  resolution: string;
}

export interface RateServiceRequestCommand {
  rating: SatisfactionRating;
  comment?: string;
}

export interface ServiceTransition {
  state: ServiceRequestState;
  audit: AuditEntry;
}

/** The next request state and its one audit entry. */
export function nextServiceTransition(state: ServiceRequestState, patch: Partial<ServiceRequestState>, at: number, actor: AuditActor, action: string, payload: Record<string, unknown>): ServiceTransition {
  const seq = state.seq + 1;
  const updated = { ...state, ...patch, seq };
  return {
    state: updated,
    audit: { seq, at, actor, action, payload: { requestId: state.requestId, statusBefore: state.status, statusAfter: updated.status, ...payload }, stageBefore: 'service', stageAfter: 'service' },
  };
}

function requireStatus(state: ServiceRequestState, allowed: ServiceStatus[], doing: Localized): void {
  if (!allowed.includes(state.status)) {
    throw new DomainError(ERROR_CODES.WRONG_STAGE, localized(
        `服务请求处于「${SERVICE_STATUS_LABELS[state.status]}」状态，不能${doing.zh}`,
        `cannot ${doing.en}: the request is ${state.status} (${SERVICE_STATUS_LABELS[state.status]})`,
      ));
  }
}

/** Validates a new request's content; the project workflow checks this before starting its child workflow. */
export function validateServiceRequest(cmd: RaiseServiceRequestCommand, actor: Actor): RaiseServiceRequestCommand {
  requirePermission(actor, 'service.raise');
  if (!cmd || !(SERVICE_CATEGORIES as readonly string[]).includes(cmd.category)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`类别须为以下之一：${SERVICE_CATEGORIES.map((c) => `${c}（${SERVICE_CATEGORY_LABELS[c]}）`).join('、')}`, `category must be one of ${SERVICE_CATEGORIES.join(', ')}`), 'category');
  }
  return {
    category: cmd.category,
    title: requireText(cmd.title, 'title'),
    description: requireText(cmd.description, 'description'),
    department: requireText(cmd.department, 'department'),
  };
}

/** 企业点单: dispatched to a department, whose one-day acceptance clock starts. */
export function raiseServiceRequest(requestId: string, projectId: string, companyName: string, cmd: RaiseServiceRequestCommand, actor: Actor, now: number): ServiceTransition {
  const valid = validateServiceRequest(cmd, actor);
  const state: ServiceRequestState = {
    requestId,
    projectId,
    companyName,
    ...valid,
    raisedBy: actor,
    raisedAt: now,
    status: 'dispatched',
    acceptClock: startClock('service_accept', SERVICE_ACCEPT_POLICY.budgetMs, now),
    resolveClock: null,
    acceptedBy: null,
    transfers: [],
    resolutions: [],
    ratings: [],
    reopenCount: 0,
    seq: 1,
  };
  return {
    state,
    audit: { seq: 1, at: now, actor, action: 'service.request_raised', payload: { requestId, ...valid, statusAfter: 'dispatched' }, stageBefore: 'service', stageAfter: 'service' },
  };
}

/** 部门接单: the department takes it; the resolve clock of its category starts. */
export function acceptServiceRequest(state: ServiceRequestState, _cmd: unknown, actor: Actor, now: number): ServiceTransition {
  requirePermission(actor, 'service.handle');
  requireStatus(state, ['dispatched'], localized('接单', 'accept'));
  return nextServiceTransition(
    state,
    { status: 'accepted', acceptedBy: actor, acceptClock: stopClock(state.acceptClock, now), resolveClock: startClock('service_resolve', SERVICE_RESOLVE_POLICIES[state.category].budgetMs, now) },
    now,
    actor,
    'service.request_accepted',
    { department: state.department },
  );
}

/** A department that does not own the request passes it on, with the reason; acceptance starts again. */
export function transferServiceRequest(state: ServiceRequestState, cmd: TransferServiceRequestCommand, actor: Actor, now: number): ServiceTransition {
  requirePermission(actor, 'service.handle');
  requireStatus(state, ['dispatched'], localized('转办', 'transfer'));
  const to = requireText(cmd?.toDepartment, 'toDepartment');
  if (to === state.department) throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('转办部门不能是当前承办部门', 'toDepartment must differ from the current department'), 'toDepartment');
  const reason = requireText(cmd.reason, 'reason');
  return nextServiceTransition(
    state,
    { department: to, acceptClock: startClock('service_accept', SERVICE_ACCEPT_POLICY.budgetMs, now), transfers: [...state.transfers, { from: state.department, to, reason, by: actor, at: now }] },
    now,
    actor,
    'service.request_transferred',
    { from: state.department, to, reason },
  );
}

/** 问题销单. */
export function resolveServiceRequest(state: ServiceRequestState, cmd: ResolveServiceRequestCommand, actor: Actor, now: number): ServiceTransition {
  requirePermission(actor, 'service.handle');
  requireStatus(state, ['accepted'], localized('销单', 'resolve'));
  const resolution = requireText(cmd?.resolution, 'resolution');
  return nextServiceTransition(
    state,
    { status: 'resolved', resolveClock: state.resolveClock ? stopClock(state.resolveClock, now) : null, resolutions: [...state.resolutions, { resolution, by: actor, at: now }] },
    now,
    actor,
    'service.request_resolved',
    { resolution },
  );
}

/** The firm's rating (recorded by the bureau); "unsatisfied" reopens the request with a fresh resolve clock. */
export function rateServiceRequest(state: ServiceRequestState, cmd: RateServiceRequestCommand, actor: Actor, now: number): ServiceTransition {
  requirePermission(actor, 'service.rate');
  requireStatus(state, ['resolved'], localized('评价', 'rate'));
  if (!cmd || !(SATISFACTION_RATINGS as readonly string[]).includes(cmd.rating)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`评价须为以下之一：${SATISFACTION_RATINGS.map((r) => `${r}（${SATISFACTION_LABELS[r]}）`).join('、')}`, `rating must be one of ${SATISFACTION_RATINGS.join(', ')}`), 'rating');
  }
  const comment = cmd.comment ? requireText(cmd.comment, 'comment') : null;
  const ratings = [...state.ratings, { rating: cmd.rating, comment, by: actor, at: now }];
  if (cmd.rating === 'unsatisfied') {
    return nextServiceTransition(
      state,
      { status: 'accepted', ratings, reopenCount: state.reopenCount + 1, resolveClock: startClock('service_resolve', SERVICE_RESOLVE_POLICIES[state.category].budgetMs, now) },
      now,
      actor,
      'service.request_reopened',
      { rating: cmd.rating, comment },
    );
  }
  return nextServiceTransition(state, { status: 'closed', ratings }, now, actor, 'service.request_closed', { rating: cmd.rating, comment });
}

export function fireServiceThreshold(state: ServiceRequestState, clock: 'service_accept' | 'service_resolve', threshold: Threshold, actor: AuditActor, now: number): ServiceTransition {
  const patch =
    clock === 'service_accept'
      ? { acceptClock: markFired(state.acceptClock, threshold.key) }
      : { resolveClock: state.resolveClock ? markFired(state.resolveClock, threshold.key) : null };
  return nextServiceTransition(state, patch, now, actor, threshold.kind === 'warning' ? 'sla.warning' : 'sla.escalated', { clock, threshold: threshold.key, level: threshold.level, notify: threshold.notify });
}

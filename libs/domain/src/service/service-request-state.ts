import type { Actor } from '../roles';
import type { SlaClock } from '../sla/sla-clock';

/** 企业点单 categories; each sets the time limit to resolve (问题销单). */
export const SERVICE_CATEGORIES = ['urgent', 'normal', 'complex'] as const;
export type ServiceCategory = (typeof SERVICE_CATEGORIES)[number];
export const SERVICE_CATEGORY_LABELS: Record<ServiceCategory, string> = { urgent: '紧急', normal: '一般', complex: '复杂' };

export const SATISFACTION_RATINGS = ['satisfied', 'basically_satisfied', 'unsatisfied'] as const;
export type SatisfactionRating = (typeof SATISFACTION_RATINGS)[number];
export const SATISFACTION_LABELS: Record<SatisfactionRating, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

export const SERVICE_STATUSES = ['dispatched', 'accepted', 'resolved', 'closed'] as const;
export type ServiceStatus = (typeof SERVICE_STATUSES)[number];
export const SERVICE_STATUS_LABELS: Record<ServiceStatus, string> = { dispatched: '待接单', accepted: '办理中', resolved: '待评价', closed: '已销单' };

export interface ServiceTransfer {
  from: string;
  to: string;
  reason: string;
  by: Actor;
  at: number;
}

export interface ServiceResolution {
  resolution: string;
  by: Actor;
  at: number;
}

export interface ServiceRating {
  rating: SatisfactionRating;
  comment: string | null;
  by: Actor;
  at: number;
}

/** One firm request (企业点单 → 部门接单 → 问题销单 → 评价), the state of its own workflow. */
export interface ServiceRequestState {
  requestId: string;
  projectId: string;
  companyName: string;
  category: ServiceCategory;
  title: string;
  description: string;
  department: string;
  raisedBy: Actor;
  raisedAt: number;
  status: ServiceStatus;
  acceptClock: SlaClock;
  resolveClock: SlaClock | null;
  acceptedBy: Actor | null;
  transfers: ServiceTransfer[];
  resolutions: ServiceResolution[];
  ratings: ServiceRating[];
  reopenCount: number;
  seq: number;
}

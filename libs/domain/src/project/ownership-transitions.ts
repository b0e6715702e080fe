import { DomainError, ERROR_CODES } from '../errors';
import type { Actor } from '../roles';
import type { OrgRef, Ownership } from './ownership';
import type { ProjectState, Transition } from './project-state';
import { requireOpenProject } from './new-step-helpers';
import { next, requirePermission, requireText } from './transition-helpers';
import { localized } from '../i18n/localized';

/**
 * 调整项目归属: a new owning officer (with their department and team, resolved by the API from the
 * users table so the workflow stays pure) and/or the campaign the project counts for.
 * `campaignId` absent keeps the campaign; null clears it.
 */
export interface ReassignOwnershipCommand {
  owner?: OrgRef;
  campaignId?: string | null;
  reason: string;
}

export const OWNERSHIP_REASSIGNED = 'project.ownership_reassigned';

/** A project recorded before issue 10 has no ownership: its reporter is the officer who registered it. */
export function ownershipOf(state: ProjectState): Ownership {
  if (state.ownership) return state.ownership;
  const reporter: OrgRef = {
    userId: state.registeredBy.userId,
    ...(state.registeredBy.displayName ? { displayName: state.registeredBy.displayName } : {}),
    departmentId: state.registeredBy.departmentId ?? null,
    teamId: null,
  };
  return { reporter, owner: null, campaignId: null };
}

function requireOrgRef(value: unknown): OrgRef {
  const ref = value as OrgRef | undefined;
  if (!ref || typeof ref !== 'object' || typeof ref.userId !== 'string' || ref.userId.length === 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('项目负责人须为在职用户', 'ownerUserId must be an active user'), 'ownerUserId');
  }
  return {
    userId: ref.userId,
    ...(ref.displayName ? { displayName: ref.displayName } : {}),
    departmentId: ref.departmentId ?? null,
    teamId: ref.teamId ?? null,
  };
}

/** 调整归属 in any open stage: who owns the project (credited for KPIs) and which campaign it counts for. */
export function reassignOwnership(state: ProjectState, cmd: ReassignOwnershipCommand, actor: Actor, now: number): Transition {
  requirePermission(actor, 'project.reassign');
  requireOpenProject(state, localized('调整项目归属', 'reassign the project'));
  if (!cmd || (cmd.owner === undefined && cmd.campaignId === undefined)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('项目负责人与招商行动至少填写一项', 'ownerUserId or campaignId must be given'), 'ownerUserId');
  }
  if (cmd.campaignId !== undefined && cmd.campaignId !== null && (typeof cmd.campaignId !== 'string' || cmd.campaignId.length === 0)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('招商行动须为招商行动的编号或 null', 'campaignId must be a campaign id or null'), 'campaignId');
  }
  const reason = requireText(cmd.reason, 'reason');
  const before = ownershipOf(state);
  const after: Ownership = {
    reporter: before.reporter,
    owner: cmd.owner === undefined ? before.owner : requireOrgRef(cmd.owner),
    campaignId: cmd.campaignId === undefined ? before.campaignId : cmd.campaignId,
  };
  return next(state, { ownership: after }, now, actor, OWNERSHIP_REASSIGNED, {
    before: { owner: before.owner, campaignId: before.campaignId },
    after: { owner: after.owner, campaignId: after.campaignId },
    reason,
  });
}

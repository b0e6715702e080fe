import { DomainError, ERROR_CODES } from '../errors';
import { can, type Permission } from '../permissions';
import { ROLE_LABELS, type Actor, type AuditActor } from '../roles';
import { isStorableText } from '../text';
import type { ProjectState, Transition } from './project-state';
import { localized } from '../i18n/localized';

const MAX_TEXT = 2000;

export function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor.role, permission)) {
    throw new DomainError(ERROR_CODES.FORBIDDEN_ROLE, localized(`角色「${ROLE_LABELS[actor.role] ?? actor.role}」无权执行此操作（${permission}）`, `role ${actor.role} may not perform ${permission}`));
  }
}

/** Required free text: non-blank, storable, at most 2000 characters; returned trimmed. */
export function requireText(value: unknown, field: string): string {
  if (typeof value !== 'string' || value.trim().length === 0) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}为必填项，不能为空', '{field} is required and must be a non-empty string'), field);
  }
  if (!isStorableText(value)) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized('{field}含有空字符或无效的 Unicode 字符', '{field} contains a NUL character or invalid Unicode'), field);
  }
  if (value.length > MAX_TEXT) {
    throw new DomainError(ERROR_CODES.VALIDATION_FAILED, localized(`{field}不能超过 ${MAX_TEXT} 个字符`, `{field} must be at most ${MAX_TEXT} characters`), field);
  }
  return value.trim();
}

/** The next state and its one audit entry (sequence + 1, stage before → after). */
export function next(
  state: ProjectState,
  patch: Partial<ProjectState>,
  at: number,
  actor: AuditActor,
  action: string,
  payload: Record<string, unknown>,
): Transition {
  const seq = state.seq + 1;
  const updated: ProjectState = { ...state, ...patch, seq };
  return {
    state: updated,
    audit: { seq, at, actor, action, payload, stageBefore: state.stage, stageAfter: updated.stage },
  };
}

import { localized } from '@zs/domain';
import { Inject, Injectable } from '@nestjs/common';
import {
  addUserToTeams,
  findAdminUser,
  inTransaction,
  insertManagedUser,
  isUniqueViolation,
  listAdminUsers,
  lockAdminUser,
  recordSecurityEvent,
  setUserActive,
  updateManagedUser,
  usernameTaken,
  type AdminUserFilter,
  type Database,
} from '@zs/persistence';
import { AccountSessions } from '../../common/auth/account-sessions';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import type { Page } from '../../common/http/page';
import { DATABASE } from '../../infrastructure/database.provider';
import { hashPassword } from '../auth/password-hasher';
import { temporaryPassword } from '../auth/temporary-password';
import type { AdminUserViewDto, CreatedUserDto, CreateUserDto, ListUsersQuery, UpdateUserDto } from './dto/admin-user.dto';
import { auditOrgChange } from './org-audit';
import { badField, notFound, taken, USER } from './org-errors';
import { requireActiveDepartment, requireDistinct, requireTeams } from './org-references';
import { toAdminUserView } from './org-views';

/**
 * 账号管理 (issue 10): create, edit, deactivate and reactivate accounts. A new account gets a
 * temporary password that must be changed at its first login (the machinery of a reset, issue 9).
 * A change of role and a (de)activation revoke the account's tokens; a new department applies from
 * the account's next request (the token does not carry it). Each change is
 * in the admin audit chain with its before and after, in the change's transaction.
 */
@Injectable()
export class UserAccountsService {
  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly sessions: AccountSessions,
  ) {}

  async list(q: ListUsersQuery): Promise<Page<AdminUserViewDto>> {
    const filter: AdminUserFilter = { role: q.role, departmentId: q.departmentId, active: q.active, q: q.q?.trim(), limit: q.pageSize, offset: (q.page - 1) * q.pageSize };
    const { items, total } = await listAdminUsers(this.db, filter);
    return { items: items.map(toAdminUserView), total, page: q.page, pageSize: q.pageSize };
  }

  async get(id: string): Promise<AdminUserViewDto> {
    const user = await findAdminUser(this.db, id);
    if (!user) throw notFound(USER, id);
    return toAdminUserView(user);
  }

  async create(caller: AuthenticatedUser, dto: CreateUserDto): Promise<CreatedUserDto> {
    const username = dto.username.trim();
    const teamIds = dto.teamIds ?? [];
    requireDistinct('teamIds', teamIds);
    if (await usernameTaken(this.db, username)) throw taken('username', localized(`用户名「${username}」已被使用`, `username 「${username}」 is taken`));
    const temporary = temporaryPassword(username);
    const passwordHash = await hashPassword(temporary);
    try {
      const user = await inTransaction(this.db, async (tx) => {
        await requireActiveDepartment(tx, 'departmentId', dto.departmentId);
        await requireTeams(tx, 'teamIds', teamIds);
        const id = await insertManagedUser(tx, {
          username,
          displayName: dto.displayName.trim(),
          role: dto.role,
          departmentId: dto.departmentId ?? null,
          email: dto.email?.trim() || null,
          passwordHash,
        });
        await addUserToTeams(tx, id, teamIds);
        const after = toAdminUserView((await findAdminUser(tx, id))!);
        await auditOrgChange(tx, caller, { action: 'user.created', subject: `user:${id}`, before: null, after, reason: dto.reason });
        return after;
      });
      return { user, temporaryPassword: temporary, mustChangePassword: true };
    } catch (err) {
      if (isUniqueViolation(err)) throw taken('username', localized(`用户名「${username}」已被使用`, `username 「${username}」 is taken`));
      throw err;
    }
  }

  async update(caller: AuthenticatedUser, id: string, dto: UpdateUserDto): Promise<AdminUserViewDto> {
    const result = await inTransaction(this.db, async (tx) => {
      const current = await lockAdminUser(tx, id);
      if (!current) throw notFound(USER, id);
      const next = {
        displayName: dto.displayName?.trim() ?? current.displayName,
        email: dto.email === undefined ? current.email : dto.email?.trim() || null,
        role: dto.role ?? current.role,
        departmentId: dto.departmentId === undefined ? current.departmentId : dto.departmentId,
      };
      if (id === caller.id && next.role !== current.role) throw badField('role', localized('管理员不能更改自己的角色', 'an administrator cannot change their own role'));
      if (next.departmentId !== current.departmentId) await requireActiveDepartment(tx, 'departmentId', next.departmentId);
      // A token carries the role (the guard refuses it once the role differs), not the department,
      // which the guard reads with the account on every request: only a new role revokes tokens.
      const revoke = next.role !== current.role;
      await updateManagedUser(tx, id, next, revoke);
      const before = toAdminUserView(current);
      const after = toAdminUserView((await findAdminUser(tx, id))!);
      await auditOrgChange(tx, caller, { action: 'user.updated', subject: `user:${id}`, before, after, reason: dto.reason });
      if (revoke) await this.recordRevocation(tx, caller, current, 'role_changed');
      return after;
    });
    // The next request of the account sees its new role, department and name at once.
    this.sessions.invalidate(id);
    return result;
  }

  /** Deactivation revokes every token at once; reactivation lets the account sign in again (with new tokens only). */
  async setActive(caller: AuthenticatedUser, id: string, active: boolean, reason?: string): Promise<AdminUserViewDto> {
    if (!active && id === caller.id) throw badField('id', localized('管理员不能停用自己的账号', 'an administrator cannot deactivate their own account'));
    const after = await inTransaction(this.db, async (tx) => {
      const current = await lockAdminUser(tx, id);
      if (!current) throw notFound(USER, id);
      if (current.active === active) return toAdminUserView(current);
      await setUserActive(tx, id, active);
      const view = toAdminUserView((await findAdminUser(tx, id))!);
      await auditOrgChange(tx, caller, { action: active ? 'user.activated' : 'user.deactivated', subject: `user:${id}`, before: toAdminUserView(current), after: view, reason });
      await this.recordRevocation(tx, caller, current, active ? 'activated' : 'deactivated');
      return view;
    });
    this.sessions.invalidate(id);
    return after;
  }

  /** The account's security log says its tokens were revoked, and why. */
  private async recordRevocation(tx: Parameters<typeof recordSecurityEvent>[0], caller: AuthenticatedUser, account: { id: string; username: string }, why: string): Promise<void> {
    await recordSecurityEvent(tx, {
      kind: 'token.revoked',
      outcome: 'success',
      actorUserId: account.id,
      username: account.username,
      subject: `user:${account.id}`,
      payload: { byUserId: caller.id, byRole: caller.role, reason: why },
    });
  }
}

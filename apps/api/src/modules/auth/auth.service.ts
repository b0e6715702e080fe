import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { ApiConfig } from '@zs/config';
import { decideLogin, ERROR_CODES, findZone, isLocked, isRole, PASSWORD_HISTORY_SIZE, PASSWORD_RULE_MESSAGES, passwordPolicyViolations, type LockoutPolicy, type PasswordRule, type Role, localized } from '@zs/domain';
import {
  bumpTokenVersion,
  findAccountById,
  findAccountByUsername,
  inTransaction,
  lockAccount,
  recordAdminAudit,
  recordSecurityEvent,
  saveLoginCounters,
  updatePassword,
  type AccountRecord,
  type Database,
  type SecurityEventKind,
  type Transaction,
} from '@zs/persistence';
import { AccountSessions } from '../../common/auth/account-sessions';
import type { AuthenticatedUser } from '../../common/auth/authenticated-user';
import { KeyedMutex } from '../../common/auth/keyed-mutex';
import type { TokenClaims } from '../../common/auth/token-claims';
import { ApiException } from '../../common/errors/api.exception';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { DATABASE } from '../../infrastructure/database.provider';
import { ZoneContext } from '../../infrastructure/zones/zone-context';
import type { PasswordResetDto } from './dto/admin-user-action.dto';
import type { LoginResponseDto } from './dto/login-response.dto';
import type { UserViewDto } from './dto/user-view.dto';
import { hashPassword, verifyPassword } from './password-hasher';
import { temporaryPassword } from './temporary-password';
import { toUserView } from './user-view.mapper';

/** The one answer to every refused login: wrong password, unknown or inactive name, locked account. */
const BAD_CREDENTIALS = localized('用户名或密码错误', 'invalid username or password');
const WRONG_CURRENT_PASSWORD = localized('{field}不正确', '{field} is wrong');
const ACCOUNT_LOCKED = localized('密码错误次数过多，账号暂时锁定，请稍后再试', 'too many wrong passwords: the account is locked for now, try again later');
const NO_ACCOUNT = localized('令牌对应的账号不存在或已停用', 'the account behind this token does not exist or is no longer active');
const userNotFound = (userId: string) => localized(`用户 ${userId} 不存在`, `user ${userId} not found`);

/**
 * Sign-in, sign-out and passwords (issue 9). Every login, failure, lockout, logout, password change
 * or refusal, reset and revocation is a security event, written in the transaction of the change
 * it records where there is one.
 */
@Injectable()
export class AuthService implements OnModuleInit {
  /**
   * Unknown users are checked against this hash too, so a response's timing does not tell
   * an attacker which usernames exist.
   */
  private dummyHash = '';
  private readonly loginQueue = new KeyedMutex();
  private readonly accountQueue = new KeyedMutex();
  private readonly lockout: LockoutPolicy;

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    private readonly jwt: JwtService,
    private readonly sessions: AccountSessions,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly zones: ZoneContext,
  ) {
    this.lockout = { maxFailures: config.LOGIN_MAX_FAILURES, lockoutMs: Math.round(config.LOGIN_LOCKOUT_MINUTES * 60_000) };
  }

  async onModuleInit(): Promise<void> {
    this.dummyHash = await hashPassword('dummy-password-for-timing-only');
  }

  /**
   * One attempt at a time per username (so a burst of wrong passwords is counted exactly and the
   * right one after it meets the lock). A locked account, an unknown or inactive name and a wrong
   * password get the same answer after the same work (one Argon2 verification) and no sooner than
   * LOGIN_FAILURE_DELAY_MS after the request arrived.
   */
  async login(username: string, password: string, clientIp: string | null, zoneCode?: string): Promise<LoginResponseDto> {
    const started = Date.now();
    // Issue 12: the account is looked up, counted and locked in its own zone.
    const zone = zoneCode === undefined ? this.zones.home : findZone(this.zones.zones, zoneCode);
    if (!zone) {
      const message = localized(`园区「${zoneCode}」不存在：可选 ${this.zones.zones.map((z) => `${z.code}（${z.name}）`).join('、')}`, `zone ${zoneCode} is not served here (one of ${this.zones.zones.map((z) => z.code).join(', ')})`);
      throw new ApiException(ERROR_CODES.VALIDATION_FAILED, message, [{ field: 'zone', message }]);
    }
    this.zones.enter(zone);
    const result = await this.loginQueue.run(`${zone.code}:${username}`, () => this.attemptLogin(username, password, clientIp));
    if (result) return result;
    const wait = this.config.LOGIN_FAILURE_DELAY_MS - (Date.now() - started);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    throw new ApiException(ERROR_CODES.UNAUTHENTICATED, BAD_CREDENTIALS);
  }

  private async attemptLogin(username: string, password: string, clientIp: string | null): Promise<LoginResponseDto | null> {
    const account = await findAccountByUsername(this.db, username);
    const usable = account !== null && account.active && isRole(account.role);
    const passwordOk = await verifyPassword(usable ? account.passwordHash : this.dummyHash, password);
    if (!usable) {
      await recordSecurityEvent(this.db, {
        kind: 'login.failed',
        outcome: 'failure',
        actorUserId: account?.id ?? null,
        username,
        clientIp,
        payload: { reason: account ? 'inactive_account' : 'unknown_user' },
      });
      return null;
    }

    return inTransaction(this.db, async (tx) => {
      // Read again under the row lock: another instance may have counted a failure meanwhile.
      const current = await lockAccount(tx, account.id);
      if (!current) return null;
      const now = new Date();
      const decision = decideLogin(current, passwordOk && current.passwordHash === account.passwordHash, now, this.lockout);
      const base = { actorUserId: current.id, username: current.username, clientIp, subject: `user:${current.id}` };
      if (decision.outcome === 'locked_out') {
        await recordSecurityEvent(tx, { ...base, kind: 'login.locked_out', outcome: 'refused', payload: { lockedUntil: current.lockedUntil?.toISOString() } });
        return null;
      }
      await saveLoginCounters(tx, current.id, decision.next);
      if (decision.outcome === 'failure') {
        await recordSecurityEvent(tx, { ...base, kind: 'login.failed', outcome: 'failure', payload: { reason: 'wrong_password', consecutiveFailures: decision.next.failedLoginCount } });
        if (decision.locked) {
          await recordSecurityEvent(tx, {
            ...base,
            kind: 'account.locked',
            outcome: 'success',
            payload: { consecutiveFailures: decision.next.failedLoginCount, lockedUntil: decision.next.lockedUntil?.toISOString() },
          });
        }
        return null;
      }
      await recordSecurityEvent(tx, { ...base, kind: 'login.succeeded', outcome: 'success', payload: { mustChangePassword: current.mustChangePassword } });
      return this.issue(current, current.tokenVersion);
    });
  }

  /** Revokes every token of the caller (this one included): a stolen copy stops working too. */
  async logout(caller: AuthenticatedUser, clientIp: string | null): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const version = await bumpTokenVersion(tx, caller.id);
      if (version === null) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, localized('令牌对应的账号不存在', 'the account behind this token no longer exists'));
      await recordSecurityEvent(tx, { kind: 'logout', outcome: 'success', actorUserId: caller.id, clientIp, subject: `user:${caller.id}`, payload: { tokenVersion: version } });
    });
    this.sessions.invalidate(caller.id);
  }

  /**
   * Current and new password. A wrong current password counts as a failed login (it can lock the
   * account); the new one must meet the policy and not be one of the last PASSWORD_HISTORY_SIZE.
   * Every earlier token is revoked; the answer carries a new one.
   */
  async changePassword(caller: AuthenticatedUser, currentPassword: string, newPassword: string, clientIp: string | null): Promise<LoginResponseDto> {
    return this.accountQueue.run(caller.id, async () => {
      const account = await findAccountById(this.db, caller.id);
      if (!account || !account.active || !isRole(account.role)) {
        throw new ApiException(ERROR_CODES.UNAUTHENTICATED, NO_ACCOUNT);
      }
      const base = { actorUserId: account.id, username: account.username, clientIp, subject: `user:${account.id}` };

      if (isLocked(account, new Date())) {
        await recordSecurityEvent(this.db, { ...base, kind: 'password.change_refused', outcome: 'refused', payload: { reason: 'account_locked' } });
        throw new ApiException(ERROR_CODES.VALIDATION_FAILED, ACCOUNT_LOCKED, [{ field: 'currentPassword', message: ACCOUNT_LOCKED }]);
      }
      if (!(await verifyPassword(account.passwordHash, currentPassword))) {
        await inTransaction(this.db, async (tx) => {
          const current = await lockAccount(tx, account.id);
          if (!current) return;
          const decision = decideLogin(current, false, new Date(), this.lockout);
          if (decision.outcome !== 'failure') return;
          await saveLoginCounters(tx, current.id, decision.next);
          await recordSecurityEvent(tx, {
            ...base,
            kind: 'password.change_refused',
            outcome: 'refused',
            payload: { reason: 'wrong_current_password', consecutiveFailures: decision.next.failedLoginCount },
          });
          if (decision.locked) {
            await recordSecurityEvent(tx, { ...base, kind: 'account.locked', outcome: 'success', payload: { consecutiveFailures: decision.next.failedLoginCount, lockedUntil: decision.next.lockedUntil?.toISOString() } });
          }
        });
        throw new ApiException(ERROR_CODES.VALIDATION_FAILED, WRONG_CURRENT_PASSWORD, [{ field: 'currentPassword', message: WRONG_CURRENT_PASSWORD }]);
      }

      const broken: PasswordRule[] = passwordPolicyViolations(newPassword, account.username);
      if (broken.length === 0 && (await this.isRecentPassword(account, newPassword))) broken.push('reused');
      if (broken.length > 0) {
        await recordSecurityEvent(this.db, { ...base, kind: 'password.change_refused', outcome: 'refused', payload: { reason: 'policy', rules: broken } });
        throw new ApiException(
          ERROR_CODES.VALIDATION_FAILED,
          PASSWORD_RULE_MESSAGES[broken[0]],
          broken.map((rule) => ({ field: 'newPassword', message: PASSWORD_RULE_MESSAGES[rule] })),
        );
      }

      const passwordHash = await hashPassword(newPassword);
      const version = await inTransaction(this.db, async (tx) => {
        const v = await updatePassword(tx, account.id, {
          passwordHash,
          passwordHistory: [account.passwordHash, ...account.passwordHistory].slice(0, PASSWORD_HISTORY_SIZE - 1),
          mustChangePassword: false,
        });
        await recordSecurityEvent(tx, { ...base, kind: 'password.changed', outcome: 'success', payload: { wasTemporary: account.mustChangePassword, tokenVersion: v } });
        return v;
      });
      this.sessions.invalidate(account.id);
      return this.issue({ ...account, mustChangePassword: false }, version);
    });
  }

  /** 系统管理员: every token of the user stops working at once (recorded as a security event and an admin action). */
  async revokeTokens(admin: AuthenticatedUser, userId: string, reason: string | undefined, clientIp: string | null): Promise<void> {
    await inTransaction(this.db, async (tx) => {
      const account = await lockAccount(tx, userId);
      if (!account) throw new ApiException(ERROR_CODES.NOT_FOUND, userNotFound(userId));
      const version = await bumpTokenVersion(tx, userId);
      await recordAdminAccountAction(tx, { admin, account, kind: 'token.revoked', action: 'user.tokens_revoked', reason, clientIp, tokenVersion: version });
    });
    this.sessions.invalidate(userId);
  }

  /**
   * 系统管理员: a random temporary password (shown once), to be changed at the next login; the
   * tokens, failure count and any lock go. The password itself is recorded nowhere.
   */
  async resetPassword(admin: AuthenticatedUser, userId: string, reason: string | undefined, clientIp: string | null): Promise<PasswordResetDto> {
    const target = await findAccountById(this.db, userId);
    if (!target) throw new ApiException(ERROR_CODES.NOT_FOUND, userNotFound(userId));
    const temporary = temporaryPassword(target.username);
    const passwordHash = await hashPassword(temporary);
    await this.accountQueue.run(userId, () =>
      inTransaction(this.db, async (tx) => {
        const account = await lockAccount(tx, userId);
        if (!account) throw new ApiException(ERROR_CODES.NOT_FOUND, userNotFound(userId));
        const version = await updatePassword(tx, account.id, {
          passwordHash,
          passwordHistory: [account.passwordHash, ...account.passwordHistory].slice(0, PASSWORD_HISTORY_SIZE - 1),
          mustChangePassword: true,
        });
        await recordAdminAccountAction(tx, { admin, account, kind: 'password.reset', action: 'user.password_reset', reason, clientIp, tokenVersion: version });
      }),
    );
    this.sessions.invalidate(userId);
    return { userId: target.id, username: target.username, temporaryPassword: temporary, mustChangePassword: true };
  }

  /** The guard has checked the account on this request; this reads it for the view. */
  async me(caller: AuthenticatedUser): Promise<UserViewDto> {
    // A city role reading another zone is still its own zone's account.
    const home = findZone(this.zones.zones, caller.zone) ?? this.zones.home;
    const user = await this.zones.runIn(home, () => findAccountById(this.db, caller.id));
    if (!user || !user.active || !isRole(user.role)) {
      throw new ApiException(ERROR_CODES.UNAUTHENTICATED, NO_ACCOUNT);
    }
    return toUserView({ ...user, role: user.role });
  }

  private async isRecentPassword(account: AccountRecord, candidate: string): Promise<boolean> {
    for (const hash of [account.passwordHash, ...account.passwordHistory].slice(0, PASSWORD_HISTORY_SIZE)) {
      if (await verifyPassword(hash, candidate)) return true;
    }
    return false;
  }

  private async issue(account: AccountRecord, tokenVersion: number): Promise<LoginResponseDto> {
    const role = account.role as Role;
    const claims: TokenClaims = { sub: account.id, role, name: account.displayName, ver: tokenVersion, zone: this.zones.current().code };
    return {
      accessToken: await this.jwt.signAsync(claims),
      tokenType: 'Bearer',
      expiresIn: this.config.JWT_TTL_SECONDS,
      user: toUserView({ ...account, role }),
      mustChangePassword: account.mustChangePassword,
    };
  }
}

/** An administrator's action on an account, recorded both ways: as a security event of the account and as an admin action. */
async function recordAdminAccountAction(
  tx: Transaction,
  a: { admin: AuthenticatedUser; account: { id: string; username: string }; kind: SecurityEventKind; action: string; reason: string | undefined; clientIp: string | null; tokenVersion: number | null },
): Promise<void> {
  const subject = `user:${a.account.id}`;
  await recordSecurityEvent(tx, {
    kind: a.kind,
    outcome: 'success',
    actorUserId: a.account.id,
    username: a.account.username,
    clientIp: a.clientIp,
    subject,
    payload: { byUserId: a.admin.id, byRole: a.admin.role, tokenVersion: a.tokenVersion },
  });
  await recordAdminAudit(tx, { actor: { userId: a.admin.id, role: a.admin.role }, action: a.action, subject, reason: a.reason ?? null, payload: { username: a.account.username } });
}

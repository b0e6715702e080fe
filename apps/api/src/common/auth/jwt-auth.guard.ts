import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ERROR_CODES, isRole } from '@zs/domain';
import { recordSecurityEvent, type Database } from '@zs/persistence';
import { ApiException } from '../errors/api.exception';
import type { ApiRequest } from '../http/api-request';
import { clientIp } from '../http/client-ip';
import { DATABASE } from '../../infrastructure/database.provider';
import { AccountSessions } from './account-sessions';
import { ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED } from './password-change.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import { parseClaims } from './token-claims';

/** Why a correctly signed token is refused; each is recorded as a `token.refused` security event. */
type SignedRefusal = 'no_exp' | 'unknown_account' | 'inactive_account' | 'role_changed' | 'revoked';

const REFUSAL_MESSAGES: Record<SignedRefusal, string> = {
  no_exp: 'the access token has no expiry (exp) and is refused (访问令牌缺少有效期，已拒绝)',
  unknown_account: 'the account behind this token does not exist or is no longer active (令牌对应的账号不存在或已停用)',
  inactive_account: 'the account behind this token does not exist or is no longer active (令牌对应的账号不存在或已停用)',
  role_changed: "the role in this token is no longer the account's role: sign in again (账号角色已变更，请重新登录)",
  revoked: 'the access token has been revoked: sign in again (访问令牌已被撤销，请重新登录)',
};

/** One `token.refused` event per token subject and reason per minute: a replayed token cannot flood the log. */
const REFUSAL_LOG_INTERVAL_MS = 60_000;

/**
 * Global: every route needs a valid bearer token unless marked @Public(). Valid means: signed
 * with our key (HS256 only), not expired, carrying `exp`, and naming an existing active account
 * whose current role and token version are the token's. Garbage and forged signatures are
 * refused without a record (anyone could send them by the million); a correctly signed token that
 * is refused is recorded, at most once a minute per subject and reason.
 */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  private readonly logger = new Logger(JwtAuthGuard.name);
  private readonly lastLogged = new Map<string, number>();

  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
    private readonly sessions: AccountSessions,
    @Inject(DATABASE) private readonly db: Database,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const req = context.switchToHttp().getRequest<ApiRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, 'a bearer token is required (Authorization: Bearer <token>)');

    let raw: unknown;
    try {
      raw = await this.jwt.verifyAsync(token);
    } catch (err) {
      const expired = err instanceof Error && err.name === 'TokenExpiredError';
      throw new ApiException(
        ERROR_CODES.UNAUTHENTICATED,
        expired ? 'the access token has expired (访问令牌已过期)' : 'the access token is invalid (访问令牌无效)',
      );
    }
    const parsed = parseClaims(raw);
    if (!parsed.ok) {
      if (parsed.reason === 'no_exp') await this.refuse(req, 'no_exp', raw);
      throw new ApiException(ERROR_CODES.UNAUTHENTICATED, 'the access token is invalid (访问令牌无效)');
    }
    const claims = parsed.claims;

    const account = await this.sessions.get(claims.sub);
    const refusal: SignedRefusal | null = !account
      ? 'unknown_account'
      : !account.active || !isRole(account.role)
        ? 'inactive_account'
        : account.role !== claims.role
          ? 'role_changed'
          : account.tokenVersion !== claims.ver
            ? 'revoked'
            : null;
    if (refusal || !account || !isRole(account.role)) return this.refuse(req, refusal ?? 'unknown_account', raw);

    if (account.mustChangePassword && !this.reflector.get<boolean>(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, context.getHandler())) {
      throw new ApiException(
        ERROR_CODES.PASSWORD_CHANGE_REQUIRED,
        'the password must be changed first: POST /auth/password (须先修改密码：密码已被管理员重置)',
      );
    }
    req.user = { id: account.id, role: account.role, displayName: account.displayName, departmentId: account.departmentId, departmentName: account.departmentName };
    return true;
  }

  private async refuse(req: ApiRequest, reason: SignedRefusal, raw: unknown): Promise<never> {
    const { sub, role, ver } = (raw ?? {}) as { sub?: unknown; role?: unknown; ver?: unknown };
    const subject = typeof sub === 'string' ? sub.slice(0, 100) : null;
    const key = `${subject}|${reason}`;
    const now = Date.now();
    const last = this.lastLogged.get(key);
    if (last === undefined || now - last >= REFUSAL_LOG_INTERVAL_MS) {
      if (this.lastLogged.size >= 10_000) this.lastLogged.clear();
      this.lastLogged.set(key, now);
      await recordSecurityEvent(this.db, {
        kind: 'token.refused',
        outcome: 'refused',
        actorUserId: reason === 'unknown_account' ? null : subject,
        clientIp: clientIp(req),
        subject: subject ? `user:${subject}` : null,
        payload: { reason, claimedRole: typeof role === 'string' ? role.slice(0, 100) : null, tokenVersion: typeof ver === 'number' ? ver : null, route: routeOf(req) },
      }).catch((err: unknown) => this.logger.warn(`recording token.refused failed: ${String(err)}`));
    }
    throw new ApiException(ERROR_CODES.UNAUTHENTICATED, REFUSAL_MESSAGES[reason]);
  }
}

function routeOf(req: ApiRequest): string {
  return `${req.method ?? ''} ${(req.originalUrl ?? req.url ?? '').split('?')[0]}`.slice(0, 300);
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

import { Inject, Injectable, Logger, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ERROR_CODES, findZone, isCityRole, isRole, localized, type Localized, type Role, type Zone } from '@zs/domain';
import { recordSecurityEvent, type Database } from '@zs/persistence';
import { ApiException } from '../errors/api.exception';
import type { ApiRequest } from '../http/api-request';
import { clientIp } from '../http/client-ip';
import { DATABASE } from '../../infrastructure/database.provider';
import { ZoneContext } from '../../infrastructure/zones/zone-context';
import { AccountSessions } from './account-sessions';
import { ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED } from './password-change.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import { parseClaims } from './token-claims';

/** Why a correctly signed token is refused; each is recorded as a `token.refused` security event. */
type SignedRefusal = 'no_exp' | 'unknown_account' | 'inactive_account' | 'role_changed' | 'revoked';

const NO_ACCOUNT = localized('令牌对应的账号不存在或已停用', 'the account behind this token does not exist or is no longer active');
const REFUSAL_MESSAGES: Record<SignedRefusal, Localized> = {
  no_exp: localized('访问令牌缺少有效期，已拒绝', 'the access token has no expiry (exp) and is refused'),
  unknown_account: NO_ACCOUNT,
  inactive_account: NO_ACCOUNT,
  role_changed: localized('账号角色已变更，请重新登录', "the role in this token is no longer the account's role: sign in again"),
  revoked: localized('访问令牌已被撤销，请重新登录', 'the access token has been revoked: sign in again'),
};
/** The request header a city role names the zone it reads with (lower case, as Node gives headers). */
export const ZONE_HEADER = 'x-zs-zone';
const READ_METHODS = new Set(['GET', 'HEAD']);

const INVALID_TOKEN = localized('访问令牌无效', 'the access token is invalid');

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
    private readonly zones: ZoneContext,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const req = context.switchToHttp().getRequest<ApiRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, localized('请先登录（缺少访问令牌 Authorization: Bearer <token>）', 'a bearer token is required (Authorization: Bearer <token>)'));

    let raw: unknown;
    try {
      raw = await this.jwt.verifyAsync(token);
    } catch (err) {
      const expired = err instanceof Error && err.name === 'TokenExpiredError';
      throw new ApiException(
        ERROR_CODES.UNAUTHENTICATED,
        expired ? localized('访问令牌已过期，请重新登录', 'the access token has expired') : INVALID_TOKEN,
      );
    }
    const parsed = parseClaims(raw);
    if (!parsed.ok) {
      if (parsed.reason === 'no_exp') await this.refuse(req, 'no_exp', raw);
      throw new ApiException(ERROR_CODES.UNAUTHENTICATED, INVALID_TOKEN);
    }
    const claims = parsed.claims;
    // Issue 12: the account is looked up in its own zone; a token of a zone no longer served is refused.
    const home = claims.zone === null ? this.zones.home : findZone(this.zones.zones, claims.zone);
    if (!home) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, NO_ACCOUNT);
    this.zones.enter(home);

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
        localized('须先修改密码：密码已被管理员重置', 'the password must be changed first: POST /auth/password'),
      );
    }
    const acting = this.actingZone(req, home, account.role);
    this.zones.enter(acting);
    req.user = {
      id: account.id,
      role: account.role,
      displayName: account.displayName,
      departmentId: account.departmentId,
      departmentName: account.departmentName,
      zone: home.code,
      actingZone: acting.code,
    };
    return true;
  }

  /**
   * The zone this request acts in: the account's own, or for a city role (市领导) the one the
   * X-ZS-Zone header names. Anyone else naming another zone is refused, not quietly served their own.
   */
  private actingZone(req: ApiRequest, home: Zone, role: Role): Zone {
    const header = req.headers[ZONE_HEADER];
    if (header === undefined || header === home.code) return home;
    const target = typeof header === 'string' ? findZone(this.zones.zones, header) : null;
    // 403 throughout, naming the header: which zones exist is configuration, not something the (static) API schema can list.
    const refuse = (message: Localized): never => {
      throw new ApiException(ERROR_CODES.FORBIDDEN_ZONE, message, [{ field: 'X-ZS-Zone', message }]);
    };
    if (!target) {
      return refuse(localized(`园区（X-ZS-Zone）不存在：可选 ${this.zones.zones.map((z) => `${z.code}（${z.name}）`).join('、')}`, `X-ZS-Zone names no zone served here (one of ${this.zones.zones.map((z) => z.code).join(', ')})`));
    }
    if (!isCityRole(role)) return refuse(localized('只能访问本园区的数据（X-ZS-Zone 仅限市领导使用）', "only a city role may read another zone's data (X-ZS-Zone)"));
    // Reads only: what a city role writes (its password, its sign-out, its inbox) is its own zone's.
    if (!READ_METHODS.has((req.method ?? '').toUpperCase())) return refuse(localized('市领导在其他园区只能查看，不能办理', "a city role only reads another zone's data"));
    return target;
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

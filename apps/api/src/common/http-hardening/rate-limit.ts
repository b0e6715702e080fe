import { createHash } from 'node:crypto';
import { Injectable, Module, SetMetadata, type DynamicModule, type ExecutionContext } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerGuard, ThrottlerModule, type ThrottlerLimitDetail, type ThrottlerOptions } from '@nestjs/throttler';
import type { ApiConfig } from '@zs/config';
import { ERROR_CODES, localized, type Localized } from '@zs/domain';
import { ApiException } from '../errors/api.exception';
import type { ApiRequest, ApiResponse } from '../http/api-request';

export const LOGIN_RATE_LIMIT_KEY = 'zs:loginRateLimit';

/** The login route: limited per client address and username, and per address (not by the write limit). */
export const LoginRateLimit = (): MethodDecorator => SetMetadata(LOGIN_RATE_LIMIT_KEY, true);

export const RATE_LIMITS = { loginAccount: 'login-account', loginIp: 'login-ip', writes: 'writes' } as const;
const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export type RateLimitConfig = Pick<ApiConfig, 'RATE_LIMIT_WINDOW_SECONDS' | 'RATE_LIMIT_LOGIN_PER_ACCOUNT' | 'RATE_LIMIT_LOGIN_PER_IP' | 'RATE_LIMIT_WRITES'>;

interface RequestFacts {
  method: string;
  isLogin: boolean;
  ip: string;
  userId?: string;
  username?: unknown;
}

/**
 * The bucket a request counts in for one limit, or null when that limit does not apply to it.
 * Pure, so the policy is tested without HTTP: login by address + username (case and surrounding
 * blanks ignored) and by address; writes by account, or by address before authentication.
 */
export function rateLimitBucket(limit: string, r: RequestFacts): string | null {
  switch (limit) {
    case RATE_LIMITS.loginAccount:
      if (!r.isLogin) return null;
      return `login|${r.ip}|${typeof r.username === 'string' ? r.username.trim().toLowerCase().slice(0, 200) : ''}`;
    case RATE_LIMITS.loginIp:
      return r.isLogin ? `login|${r.ip}` : null;
    case RATE_LIMITS.writes:
      if (r.isLogin || !WRITE_METHODS.has(r.method.toUpperCase())) return null;
      return r.userId ? `writes|user:${r.userId}` : `writes|ip:${r.ip}`;
    default:
      return null;
  }
}

/** The 429's wording: English then Chinese, with the wait in whole seconds. */
export function rateLimitedMessage(retryAfterSeconds: number): Localized {
  return localized(`请求过于频繁，请 ${retryAfterSeconds} 秒后重试`, `too many requests; retry after ${retryAfterSeconds} s`);
}

function facts(context: ExecutionContext): RequestFacts {
  const req = context.switchToHttp().getRequest<ApiRequest & { ip?: string; body?: { username?: unknown } }>();
  return {
    method: req.method ?? 'GET',
    isLogin: Reflect.getMetadata(LOGIN_RATE_LIMIT_KEY, context.getHandler()) === true,
    ip: (req.ip ?? req.socket?.remoteAddress ?? 'unknown').replace(/^::ffff:/, ''),
    userId: req.user?.id,
    username: req.body && typeof req.body === 'object' ? req.body.username : undefined,
  };
}

/**
 * @nestjs/throttler with this API's keys and answer: a 429 in the error envelope (RATE_LIMITED)
 * with Retry-After. Registered after the token guard, so writes count against the account.
 * Counters are kept in this process's memory (per API instance).
 */
@Injectable()
export class ApiThrottlerGuard extends ThrottlerGuard {
  protected override generateKey(context: ExecutionContext, _tracker: string, name: string): string {
    const bucket = rateLimitBucket(name, facts(context)) ?? `${name}|unlimited`;
    return createHash('sha256').update(`${name}|${bucket}`).digest('hex');
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const retryAfter = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    context.switchToHttp().getResponse<ApiResponse>().setHeader('Retry-After', String(retryAfter));
    throw new ApiException(ERROR_CODES.RATE_LIMITED, rateLimitedMessage(retryAfter));
  }
}

export function throttlers(config: RateLimitConfig): ThrottlerOptions[] {
  const ttl = config.RATE_LIMIT_WINDOW_SECONDS * 1000;
  const limit = (name: string, max: number): ThrottlerOptions => ({
    name,
    ttl,
    limit: max,
    skipIf: (context) => rateLimitBucket(name, facts(context)) === null,
  });
  return [
    limit(RATE_LIMITS.loginAccount, config.RATE_LIMIT_LOGIN_PER_ACCOUNT),
    limit(RATE_LIMITS.loginIp, config.RATE_LIMIT_LOGIN_PER_IP),
    limit(RATE_LIMITS.writes, config.RATE_LIMIT_WRITES),
  ];
}

/** Import it after the auth module: global guards run in registration order, and writes need req.user. */
@Module({})
export class RateLimitModule {
  static forRoot(config: RateLimitConfig): DynamicModule {
    return {
      module: RateLimitModule,
      imports: [ThrottlerModule.forRoot({ throttlers: throttlers(config), setHeaders: false })],
      providers: [{ provide: APP_GUARD, useClass: ApiThrottlerGuard }],
    };
  }
}

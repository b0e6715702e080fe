import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../errors/api.exception';
import type { ApiRequest } from '../http/api-request';
import { IS_PUBLIC_KEY } from './public.decorator';
import { userFromClaims } from './token-claims';

/** Global: every route needs a valid bearer token unless marked @Public(). */
@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly jwt: JwtService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;

    const req = context.switchToHttp().getRequest<ApiRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, 'a bearer token is required (Authorization: Bearer <token>)');

    let claims: unknown;
    try {
      claims = await this.jwt.verifyAsync(token);
    } catch (err) {
      const expired = err instanceof Error && err.name === 'TokenExpiredError';
      throw new ApiException(ERROR_CODES.UNAUTHENTICATED, expired ? 'the access token has expired' : 'the access token is invalid');
    }
    const user = userFromClaims(claims);
    if (!user) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, 'the access token is invalid');
    req.user = user;
    return true;
  }
}

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+([A-Za-z0-9._~+/=-]+)\s*$/i.exec(header ?? '');
  return match ? match[1] : null;
}

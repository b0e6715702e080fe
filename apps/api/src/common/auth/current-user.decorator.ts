import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { ApiException } from '../errors/api.exception';
import type { ApiRequest } from '../http/api-request';
import type { AuthenticatedUser } from './authenticated-user';

/** The verified caller. Throws rather than returning undefined so a route forgotten as @Public fails closed. */
export const CurrentUser = createParamDecorator((_data: unknown, ctx: ExecutionContext): AuthenticatedUser => {
  const user = ctx.switchToHttp().getRequest<ApiRequest>().user;
  if (!user) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, localized('请先登录', 'authentication required'));
  return user;
});

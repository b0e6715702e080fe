import { Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { can, ERROR_CODES, ROLE_LABELS, type Permission, localized } from '@zs/domain';
import { ApiException } from '../errors/api.exception';
import type { ApiRequest } from '../http/api-request';
import { PERMISSION_KEY } from './require-permission.decorator';

/** Runs after JwtAuthGuard; refuses roles the domain permission table does not allow. */
@Injectable()
export class PermissionGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const permission = this.reflector.getAllAndOverride<Permission | undefined>(PERMISSION_KEY, [context.getHandler(), context.getClass()]);
    if (!permission) return true;
    const user = context.switchToHttp().getRequest<ApiRequest>().user;
    if (!user) throw new ApiException(ERROR_CODES.UNAUTHENTICATED, localized('请先登录', 'authentication required'));
    if (!can(user.role, permission)) {
      throw new ApiException(ERROR_CODES.FORBIDDEN_ROLE, localized(`角色「${ROLE_LABELS[user.role]}」无权执行此操作（${permission}）`, `role ${user.role} (${ROLE_LABELS[user.role]}) may not perform ${permission}`));
    }
    return true;
  }
}

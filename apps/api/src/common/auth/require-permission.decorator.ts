import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiForbiddenResponse } from '@nestjs/swagger';
import { PERMISSIONS, type Permission } from '@zs/domain';

export const PERMISSION_KEY = 'zs:permission';

/**
 * A fast refusal at the edge, from the same domain table the workflow validators use;
 * the workflow re-checks and stays the authority.
 */
export function RequirePermission(permission: Permission): MethodDecorator & ClassDecorator {
  const roles = (PERMISSIONS[permission] as readonly string[]).join(', ');
  return applyDecorators(
    SetMetadata(PERMISSION_KEY, permission),
    ApiForbiddenResponse({ description: `FORBIDDEN_ROLE unless the caller's role is one of: ${roles}` }),
  );
}

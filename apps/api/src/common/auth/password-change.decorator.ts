import { SetMetadata } from '@nestjs/common';

export const ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED = 'zs:allowedWhilePasswordChangeRequired';

/**
 * The only routes an account whose password must be changed (after an administrator's reset) may
 * call: changing it, and logging out. Every other route answers 403 PASSWORD_CHANGE_REQUIRED.
 */
export const AllowedWhilePasswordChangeRequired = (): MethodDecorator => SetMetadata(ALLOWED_WHILE_PASSWORD_CHANGE_REQUIRED, true);

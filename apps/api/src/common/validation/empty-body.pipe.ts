import type { PipeTransform } from '@nestjs/common';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../errors/api.exception';

/**
 * A step that takes no input: no body, or an empty JSON object. Anything else is refused as
 * the global pipe refuses unknown properties (an empty DTO cannot say so: class-validator
 * refuses every value of a class without rules).
 */
export const emptyBody: PipeTransform<unknown, Record<string, never>> = {
  transform(value: unknown): Record<string, never> {
    if (value === undefined || value === null) return {};
    const keys = typeof value === 'object' && !Array.isArray(value) ? Object.keys(value) : null;
    if (keys === null) {
      throw new ApiException(ERROR_CODES.VALIDATION_FAILED, 'request body must be a JSON object', [{ field: 'body', message: 'must be a JSON object' }]);
    }
    if (keys.length > 0) {
      const details = keys.map((k) => ({ field: k, message: `property ${k} should not exist` }));
      throw new ApiException(ERROR_CODES.VALIDATION_FAILED, details.map((d) => d.message).join('; '), details);
    }
    return {};
  },
};

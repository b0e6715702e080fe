import type { PipeTransform } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { ApiException, fieldRefusal } from '../errors/api.exception';
import { DETAILS_PLACEHOLDER } from '../errors/error-envelope';

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
      throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'body', localized('{field}须为 JSON 对象', '{field} must be a JSON object'));
    }
    if (keys.length > 0) {
      const details = keys.map((k) => ({ field: k, message: localized('不允许提交字段 {field}', 'property {field} should not exist') }));
      throw new ApiException(ERROR_CODES.VALIDATION_FAILED, localized(DETAILS_PLACEHOLDER, DETAILS_PLACEHOLDER), details);
    }
    return {};
  },
};

import type { PipeTransform } from '@nestjs/common';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';

/** A bigserial path id: decimal digits only, so anything else is the caller's 400 and never a database cast error. */
export function bigintIdParam(name: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!/^[1-9]\d{0,17}$/.test(value)) {
        throw new ApiException(ERROR_CODES.VALIDATION_FAILED, `${name} must be a positive whole number`, [{ field: name, message: 'must be a positive whole number' }]);
      }
      return value;
    },
  };
}

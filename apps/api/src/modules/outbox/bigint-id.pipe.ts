import type { PipeTransform } from '@nestjs/common';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';
import { withParamSchema } from '../../common/validation/param-schema';

const BIGINT_ID = /^[1-9]\d{0,17}$/;

/** A bigserial path id: decimal digits only, so anything else is the caller's 400 and never a database cast error. */
export function bigintIdParam(name: string): PipeTransform<string, string> {
  return withParamSchema({
    transform(value: string): string {
      if (!BIGINT_ID.test(value)) {
        throw new ApiException(ERROR_CODES.VALIDATION_FAILED, `${name} must be a positive whole number`, [{ field: name, message: 'must be a positive whole number' }]);
      }
      return value;
    },
  }, { type: 'string', pattern: BIGINT_ID.source });
}

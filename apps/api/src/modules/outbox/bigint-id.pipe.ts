import type { PipeTransform } from '@nestjs/common';
import { ERROR_CODES, localized } from '@zs/domain';
import { fieldRefusal } from '../../common/errors/api.exception';
import { withParamSchema } from '../../common/validation/param-schema';

const BIGINT_ID = /^[1-9]\d{0,17}$/;

/** A bigserial path id: decimal digits only, so anything else is the caller's 400 and never a database cast error. */
export function bigintIdParam(name: string): PipeTransform<string, string> {
  return withParamSchema({
    transform(value: string): string {
      if (!BIGINT_ID.test(value)) {
        throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, name, localized('{field}须为正整数', '{field} must be a positive whole number'));
      }
      return value;
    },
  }, { type: 'string', pattern: BIGINT_ID.source });
}

import type { PipeTransform } from '@nestjs/common';
import { isIn } from 'class-validator';
import { ERROR_CODES } from '@zs/domain';
import { ApiException } from '../errors/api.exception';
import { withParamSchema } from './param-schema';

/** A path parameter that must be one of a fixed list (e.g. a milestone kind): anything else is 400, naming it. */
export function oneOfParam<T extends string>(name: string, values: readonly T[]): PipeTransform<string, T> {
  return withParamSchema({
    transform(value: string): T {
      if (!isIn(value, values)) {
        const message = `${name} must be one of: ${values.join(', ')}`;
        throw new ApiException(ERROR_CODES.VALIDATION_FAILED, message, [{ field: name, message }]);
      }
      return value as T;
    },
  }, { type: 'string', enum: [...values] });
}

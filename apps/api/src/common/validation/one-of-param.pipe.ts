import type { PipeTransform } from '@nestjs/common';
import { isIn } from 'class-validator';
import { ERROR_CODES, labelsForValues } from '@zs/domain';
import { ENUM_LABEL_TABLES } from '../i18n/enum-label-tables';
import { constraintMessage } from './constraint-messages';
import { fieldRefusal } from '../errors/api.exception';
import { withParamSchema } from './param-schema';

/** A path parameter that must be one of a fixed list (e.g. a milestone kind): anything else is 400, naming it. */
export function oneOfParam<T extends string>(name: string, values: readonly T[]): PipeTransform<string, T> {
  return withParamSchema({
    transform(value: string): T {
      if (!isIn(value, values)) {
        const message = constraintMessage({ name: 'isIn', args: [values], value, valueLabels: labelsForValues(values, ENUM_LABEL_TABLES) });
        throw fieldRefusal(ERROR_CODES.VALIDATION_FAILED, name, message);
      }
      return value as T;
    },
  }, { type: 'string', enum: [...values] });
}

import type { PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ERROR_CODES, isCalendarDate, type Localized } from '@zs/domain';
import { fieldRefusal, type ApiException } from '../../common/errors/api.exception';
import { calendarDateProblem } from '../../common/validation/date-range';
import { withParamSchema } from '../../common/validation/param-schema';

/** For DTOs after IsDateShape(): the shape is right, is the day real? */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property} must be a real calendar date YYYY-MM-DD` } },
    options,
  );
}

export function invalidField(field: string, message: Localized): ApiException {
  return fieldRefusal(ERROR_CODES.VALIDATION_FAILED, field, message);
}

/** A `:date` path parameter: a real calendar date, else 400 naming it. */
export function calendarDateParam(name: string): PipeTransform<string, string> {
  return withParamSchema({
    transform(value: string): string {
      const problem = calendarDateProblem(value);
      if (problem) throw invalidField(name, problem);
      return value;
    },
  }, { type: 'string', format: 'date', pattern: '^(?:19|20|21)\\d{2}-\\d{2}-\\d{2}$' });
}

import type { PipeTransform } from '@nestjs/common';
import { ValidateBy, type ValidationOptions } from 'class-validator';
import { ERROR_CODES, isCalendarDate } from '@zs/domain';
import { ApiException } from '../../common/errors/api.exception';

/** For DTOs after IsDateShape(): the shape is right, is the day real? */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    { name: 'isCalendarDate', validator: { validate: isCalendarDate, defaultMessage: (args) => `${args?.property} must be a real calendar date YYYY-MM-DD` } },
    options,
  );
}

export function invalidField(field: string, message: string): ApiException {
  return new ApiException(ERROR_CODES.VALIDATION_FAILED, `${field} ${message}`, [{ field, message: `${field} ${message}` }]);
}

/** A `:date` path parameter: a real calendar date, else 400 naming it. */
export function calendarDateParam(name: string): PipeTransform<string, string> {
  return {
    transform(value: string): string {
      if (!isCalendarDate(value)) throw invalidField(name, 'must be a real calendar date YYYY-MM-DD');
      return value;
    },
  };
}

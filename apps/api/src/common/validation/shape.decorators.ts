import { IsNumber, IsOptional, IsString, Matches, ValidateBy } from 'class-validator';
import { calendarDateProblem, dateTimeProblem } from './date-range';

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function compose(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/**
 * A calendar date, YYYY-MM-DD: a day that exists, between MIN_ACCEPTED_DATE and
 * MAX_ACCEPTED_DATE (date-range.ts). Whether dates are in order, not in the future or not
 * before signing is the workflow's rule.
 */
export function IsDateShape(): PropertyDecorator {
  return compose([
    IsString({ message: ({ property }) => `${property} must be a string` }),
    Matches(ISO_DATE_SHAPE, { message: ({ property }) => `${property} must be a date YYYY-MM-DD` }),
    ValidateBy({
      name: 'isAcceptedCalendarDate',
      validator: {
        validate: (value: unknown) => calendarDateProblem(value) === null,
        defaultMessage: (args) => `${args?.property} ${calendarDateProblem(args?.value) ?? 'must be a date YYYY-MM-DD'}`,
      },
    }),
  ]);
}

/** An ISO 8601 date-time with its offset, within the accepted range (date-range.ts); add IsOptional() for an optional one. */
export function IsDateTimeInRange(): PropertyDecorator {
  return ValidateBy({
    name: 'isAcceptedDateTime',
    validator: {
      validate: (value: unknown) => dateTimeProblem(value) === null,
      defaultMessage: (args) => `${args?.property} ${dateTimeProblem(args?.value) ?? 'must be an ISO 8601 date-time'}`,
    },
  });
}

/** An optional calendar date: absent or null is fine, anything else must look like YYYY-MM-DD. */
export function IsOptionalDateShape(): PropertyDecorator {
  return compose([IsOptional(), IsDateShape()]);
}

/** A JSON number (never a numeric string), finite. Ranges and decimals are the workflow's rule. */
export function IsJsonNumber(): PropertyDecorator {
  return IsNumber({ allowNaN: false, allowInfinity: false }, { message: ({ property }) => `${property} must be a JSON number` });
}

/** An optional JSON number: absent or null is fine. */
export function IsOptionalJsonNumber(): PropertyDecorator {
  return compose([IsOptional(), IsJsonNumber()]);
}

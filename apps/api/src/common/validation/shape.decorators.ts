import { IsNumber, IsOptional, IsString, Matches } from 'class-validator';

const ISO_DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/;

function compose(decorators: PropertyDecorator[]): PropertyDecorator {
  return (target, key) => {
    for (const decorate of decorators) decorate(target, key);
  };
}

/**
 * A calendar date's shape, YYYY-MM-DD. Whether it is a real date, in order, not in the
 * future or not before signing is the workflow's rule.
 */
export function IsDateShape(): PropertyDecorator {
  return compose([
    IsString({ message: ({ property }) => `${property} must be a string` }),
    Matches(ISO_DATE_SHAPE, { message: ({ property }) => `${property} must be a date YYYY-MM-DD` }),
  ]);
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

import { Transform } from 'class-transformer';

/**
 * Query strings arrive as text; only plain decimal digits become a number. Anything else
 * ("1e3", "", "0x10", an array from a repeated key) stays as sent and fails validation.
 */
export const ToInteger = (): PropertyDecorator =>
  Transform(({ value }) => (typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : value));

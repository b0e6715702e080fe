import type { ValidationError } from 'class-validator';
import { ERROR_CODES } from '@zs/domain';
import { ApiException, type ErrorDetail } from '../errors/api.exception';

/** class-validator's result as the envelope: one detail per field, the message naming every field. */
export function validationExceptionFactory(errors: ValidationError[]): ApiException {
  const details = errors.flatMap((e) => flatten(e, ''));
  const message = details.length > 0 ? details.map((d) => d.message).join('; ') : 'request is invalid';
  return new ApiException(ERROR_CODES.VALIDATION_FAILED, message, details);
}

/** Field paths read as the workflow names them: `committed.production`, `nodes[2].kind`. */
function flatten(error: ValidationError, parent: string): ErrorDetail[] {
  const field = !parent ? error.property : /^\d+$/.test(error.property) ? `${parent}[${error.property}]` : `${parent}.${error.property}`;
  const own = Object.entries(error.constraints ?? {}).map(([constraint, message]) =>
    // forbidUnknownValues fires when the body is not an object at all (an array, a string).
    constraint === 'unknownValue' ? { field: 'body', message: 'request body must be a JSON object' } : { field: field || 'body', message: qualified(message, error.property, field) },
  );
  const children = (error.children ?? []).flatMap((c) => flatten(c, field));
  return [...own, ...children];
}

/** A nested field's message names its whole path (`committed.production must be …`), not just its own name. */
function qualified(message: string, property: string, field: string): string {
  return field !== property && message.startsWith(`${property} `) ? `${field}${message.slice(property.length)}` : message;
}

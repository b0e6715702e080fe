import { ERROR_CODES, type ErrorCode } from '@zs/domain';

/**
 * The one place an error code becomes an HTTP status. Exhaustive: adding a code to the
 * domain without deciding its status fails the type check here.
 */
export function httpStatusForCode(code: ErrorCode): number {
  switch (code) {
    case ERROR_CODES.VALIDATION_FAILED:
      return 400;
    case ERROR_CODES.UNAUTHENTICATED:
      return 401;
    case ERROR_CODES.FORBIDDEN_ROLE:
    case ERROR_CODES.FORBIDDEN_ZONE:
    case ERROR_CODES.FORBIDDEN_NOT_OWNER:
    case ERROR_CODES.PASSWORD_CHANGE_REQUIRED:
      return 403;
    case ERROR_CODES.NOT_FOUND:
      return 404;
    case ERROR_CODES.WRONG_STAGE:
    case ERROR_CODES.DUPLICATE_SUSPECTED:
    case ERROR_CODES.CAMPAIGN_NOT_ENDED:
    case ERROR_CODES.CAMPAIGN_FROZEN:
    case ERROR_CODES.ALREADY_EXISTS:
      return 409;
    case ERROR_CODES.PAYLOAD_TOO_LARGE:
      return 413;
    case ERROR_CODES.IDEMPOTENCY_CONFLICT:
      return 422;
    case ERROR_CODES.RATE_LIMITED:
      return 429;
    case ERROR_CODES.ENGINE_UNAVAILABLE:
      return 503;
    case ERROR_CODES.INTERNAL:
      return 500;
    default:
      return assertNever(code);
  }
}

/**
 * Framework errors (unknown route, body parser) carry only a status; they get the code a
 * client would expect for it.
 */
export function codeForHttpStatus(status: number): ErrorCode {
  if (status === 401) return ERROR_CODES.UNAUTHENTICATED;
  if (status === 403) return ERROR_CODES.FORBIDDEN_ROLE;
  if (status === 404) return ERROR_CODES.NOT_FOUND;
  if (status === 409) return ERROR_CODES.WRONG_STAGE;
  if (status === 413) return ERROR_CODES.PAYLOAD_TOO_LARGE;
  if (status === 429) return ERROR_CODES.RATE_LIMITED;
  if (status === 503) return ERROR_CODES.ENGINE_UNAVAILABLE;
  if (status >= 400 && status < 500) return ERROR_CODES.VALIDATION_FAILED;
  return ERROR_CODES.INTERNAL;
}

function assertNever(value: never): never {
  throw new Error(`unhandled error code: ${String(value)}`);
}

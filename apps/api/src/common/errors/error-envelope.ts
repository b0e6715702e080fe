import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@zs/persistence';
import { ERROR_CODES, type ErrorCode } from '@zs/domain';
import { ApiException, type ErrorDetail } from './api.exception';
import { codeForHttpStatus } from './error-status';

/** The body of every error response. */
export interface ErrorEnvelope {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: ErrorDetail[];
  correlationId: string;
}

export type ErrorResponse = Omit<ErrorEnvelope, 'correlationId'>;

const INTERNAL_MESSAGE = 'internal error; quote the correlation id when reporting it';

/**
 * Turns anything thrown into the envelope. Unknown errors become a bare 500 so no stack,
 * SQL or engine detail reaches a client; the filter logs the original.
 */
export function toErrorResponse(exception: unknown): ErrorResponse {
  if (exception instanceof ApiException) {
    return withDetails({ statusCode: exception.getStatus(), code: exception.code, message: exception.message }, exception.details);
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    return { statusCode, code: codeForHttpStatus(statusCode), message: frameworkMessage(exception, statusCode) };
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, code: ERROR_CODES.ENGINE_UNAVAILABLE, message: 'the database is unavailable; retry shortly（数据库暂不可用，请稍后重试）' };
  }
  const tooLarge = asBodyTooLarge(exception);
  if (tooLarge) return tooLarge;
  const clientError = asExposedClientError(exception);
  if (clientError) {
    return { statusCode: clientError.status, code: codeForHttpStatus(clientError.status), message: clientError.message };
  }
  return { statusCode: 500, code: ERROR_CODES.INTERNAL, message: INTERNAL_MESSAGE };
}

function withDetails(response: ErrorResponse, details: ErrorDetail[] | undefined): ErrorResponse {
  return details && details.length > 0 ? { ...response, details } : response;
}

function frameworkMessage(exception: HttpException, statusCode: number): string {
  if (statusCode >= 500) return INTERNAL_MESSAGE;
  const body = exception.getResponse();
  const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
  // Nest turns body-parser's SyntaxError into a 400 carrying the parser's wording.
  if (statusCode === 400 && /JSON/.test(message)) return 'request body is not valid JSON';
  return message;
}

/** body-parser's 413 (type entity.too.large, with the limit in bytes), said plainly and naming the body. */
function asBodyTooLarge(exception: unknown): ErrorResponse | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as { type?: unknown; limit?: unknown };
  if (e.type !== 'entity.too.large') return null;
  const kib = typeof e.limit === 'number' ? Math.floor(e.limit / 1024) : null;
  const limit = kib === null ? 'the size limit' : `${kib} KiB`;
  const message = `request body is larger than ${limit}（请求体超过${kib === null ? '大小上限' : ` ${kib} KiB 上限`}）`;
  return { statusCode: 413, code: ERROR_CODES.PAYLOAD_TOO_LARGE, message, details: [{ field: 'body', message: `must be at most ${limit}` }] };
}

/** body-parser raises http-errors (413 too large, 415 charset, 400 aborted) with `expose` set for client errors. */
function asExposedClientError(exception: unknown): { status: number; message: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : NaN;
  if (e.expose !== true || !(status >= 400 && status < 500)) return null;
  return { status, message: typeof e.message === 'string' ? e.message : 'bad request' };
}

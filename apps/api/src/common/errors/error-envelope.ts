import { HttpException } from '@nestjs/common';
import { isDatabaseUnavailable } from '@zs/persistence';
import { DEFAULT_LANGUAGE, ERROR_CODE_LABELS, ERROR_CODES, fieldLabel, localized, renderLocalized, type ErrorCode, type Language, type Localized } from '@zs/domain';
import { ApiException, type ErrorDetail } from './api.exception';
import { codeForHttpStatus } from './error-status';

/** One field's problem as sent: the path code (unchanged, clients key on it), its label and the message, in the caller's language. */
export interface RenderedErrorDetail {
  field: string;
  label: string;
  message: string;
}

/** The body of every error response. */
export interface ErrorEnvelope {
  statusCode: number;
  code: ErrorCode;
  message: string;
  details?: RenderedErrorDetail[];
  correlationId: string;
}

export type ErrorResponse = Omit<ErrorEnvelope, 'correlationId'>;

/** In a message, stands for every detail's message in turn (a validation error naming all its fields). */
export const DETAILS_PLACEHOLDER = '{details}';

/** An error before it is said in one language. */
export interface ErrorDescription {
  statusCode: number;
  code: ErrorCode;
  message: Localized;
  details?: ErrorDetail[];
}

/**
 * Turns anything thrown into the envelope, in `language` (negotiated from Accept-Language by the
 * filter). Unknown errors become a bare 500 so no stack, SQL or engine detail reaches a client;
 * the filter logs the original.
 */
export function toErrorResponse(exception: unknown, language: Language = DEFAULT_LANGUAGE): ErrorResponse {
  return renderError(describeError(exception), language);
}

/** The envelope said in one language: each field named by its label there. */
export function renderError(error: ErrorDescription, language: Language): ErrorResponse {
  const details = (error.details ?? []).map((d) => {
    const label = fieldLabel(d.field, language);
    return { field: d.field, label, message: renderLocalized(d.message, language, label) };
  });
  const listed = details.map((d) => d.message).join(language === 'en' ? '; ' : '；');
  const message = renderLocalized(error.message, language, details[0]?.label).split(DETAILS_PLACEHOLDER).join(listed);
  const response: ErrorResponse = { statusCode: error.statusCode, code: error.code, message };
  return details.length > 0 ? { ...response, details } : response;
}

export function describeError(exception: unknown): ErrorDescription {
  if (exception instanceof ApiException) {
    return { statusCode: exception.getStatus(), code: exception.code, message: exception.text, ...(exception.details?.length ? { details: exception.details } : {}) };
  }
  if (exception instanceof HttpException) {
    const statusCode = exception.getStatus();
    const code = codeForHttpStatus(statusCode);
    return { statusCode, code, message: frameworkMessage(exception, statusCode, code) };
  }
  if (isDatabaseUnavailable(exception)) {
    return { statusCode: 503, code: ERROR_CODES.ENGINE_UNAVAILABLE, message: localized('数据库暂不可用，请稍后重试', 'the database is unavailable; retry shortly') };
  }
  const tooLarge = asBodyTooLarge(exception);
  if (tooLarge) return tooLarge;
  const clientError = asExposedClientError(exception);
  if (clientError) {
    const code = codeForHttpStatus(clientError.status);
    return { statusCode: clientError.status, code, message: localized(`${ERROR_CODE_LABELS[code].zh}（${clientError.message}）`, clientError.message) };
  }
  return { statusCode: 500, code: ERROR_CODES.INTERNAL, message: ERROR_CODE_LABELS.INTERNAL };
}

/** Nest's own errors (an unknown route, a parse failure) carry English only; say them in both. */
function frameworkMessage(exception: HttpException, statusCode: number, code: ErrorCode): Localized {
  if (statusCode >= 500) return ERROR_CODE_LABELS.INTERNAL;
  const body = exception.getResponse();
  const raw = typeof body === 'string' ? body : (body as { message?: unknown }).message;
  const message = Array.isArray(raw) ? raw.join('; ') : typeof raw === 'string' ? raw : exception.message;
  // Nest turns body-parser's SyntaxError into a 400 carrying the parser's wording.
  if (statusCode === 400 && /JSON/.test(message)) return localized('请求体不是有效的 JSON', 'request body is not valid JSON');
  const route = /^Cannot (\S+) (\S+)$/.exec(message);
  if (statusCode === 404 && route) return localized(`接口不存在：${route[1]} ${route[2]}`, message);
  return localized(`${ERROR_CODE_LABELS[code].zh}（${message}）`, message);
}

/** body-parser's 413 (type entity.too.large, with the limit in bytes), said plainly and naming the body. */
function asBodyTooLarge(exception: unknown): ErrorDescription | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as { type?: unknown; limit?: unknown };
  if (e.type !== 'entity.too.large') return null;
  const kib = typeof e.limit === 'number' ? Math.floor(e.limit / 1024) : null;
  const limit = kib === null ? localized('大小上限', 'the size limit') : localized(` ${kib} KiB 上限`, `${kib} KiB`);
  return {
    statusCode: 413,
    code: ERROR_CODES.PAYLOAD_TOO_LARGE,
    message: localized(`请求体超过${limit.zh}`, `request body is larger than ${limit.en}`),
    details: [{ field: 'body', message: localized(`{field}不能超过${limit.zh}`, `{field} must be at most ${limit.en}`) }],
  };
}

/** body-parser raises http-errors (413 too large, 415 charset, 400 aborted) with `expose` set for client errors. */
function asExposedClientError(exception: unknown): { status: number; message: string } | null {
  if (typeof exception !== 'object' || exception === null) return null;
  const e = exception as { status?: unknown; statusCode?: unknown; expose?: unknown; message?: unknown };
  const status = typeof e.status === 'number' ? e.status : typeof e.statusCode === 'number' ? e.statusCode : NaN;
  if (e.expose !== true || !(status >= 400 && status < 500)) return null;
  return { status, message: typeof e.message === 'string' ? e.message : 'bad request' };
}

import { randomUUID } from 'crypto';
import type { ApiRequest, ApiResponse } from './api-request';

export const CORRELATION_HEADER = 'X-Request-Id';
const MAX_LENGTH = 128;

/**
 * A caller's id is kept so logs join up across services, but only its safe characters:
 * it ends up in headers and JSON logs, where control characters could forge lines.
 */
export function sanitizeCorrelationId(raw: unknown): string | null {
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return null;
  const clean = value.replace(/[^A-Za-z0-9._:-]/g, '').slice(0, MAX_LENGTH);
  return clean.length > 0 ? clean : null;
}

/** Returns the request's correlation id, assigning (and echoing) one if no middleware did. */
export function ensureCorrelationId(req: ApiRequest, res: ApiResponse): string {
  if (!req.correlationId) {
    req.correlationId = sanitizeCorrelationId(req.headers['x-request-id']) ?? randomUUID();
  }
  if (!res.headersSent) res.setHeader(CORRELATION_HEADER, req.correlationId);
  return req.correlationId;
}

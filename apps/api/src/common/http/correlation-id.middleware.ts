import type { ApiRequest, ApiResponse } from './api-request';
import { ensureCorrelationId } from './correlation-id';

/**
 * Plain Express middleware, installed before the body parser so even a malformed body's
 * 400 carries the id.
 */
export function correlationIdMiddleware(req: ApiRequest, res: ApiResponse, next: () => void): void {
  ensureCorrelationId(req, res);
  next();
}

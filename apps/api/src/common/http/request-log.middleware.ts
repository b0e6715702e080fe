import { Logger } from '@nestjs/common';
import type { ApiRequest, ApiResponse } from './api-request';

const logger = new Logger('HTTP');

/** One structured line per request, at debug level so benchmarks stay quiet by default. */
export function requestLogMiddleware(req: ApiRequest, res: ApiResponse, next: () => void): void {
  const started = process.hrtime.bigint();
  res.once('finish', () => {
    logger.debug({
      method: req.method,
      path: (req.originalUrl ?? req.url ?? '').split('?')[0],
      status: res.statusCode,
      durationMs: Number(process.hrtime.bigint() - started) / 1e6,
      correlationId: req.correlationId,
      userId: req.user?.id,
    });
  });
  next();
}

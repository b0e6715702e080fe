import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { negotiateLanguage } from '@zs/domain';
import type { ApiRequest, ApiResponse } from '../http/api-request';
import { ensureCorrelationId } from '../http/correlation-id';
import { ApiException } from './api.exception';
import { toErrorResponse, type ErrorEnvelope } from './error-envelope';

/**
 * The single exit for errors: every failure leaves as the same envelope with its correlation id,
 * in the caller's language (Accept-Language: Chinese by default, English on request), which
 * Content-Language says.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  constructor(private readonly adapterHost: HttpAdapterHost) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const req = http.getRequest<ApiRequest>();
    const res = http.getResponse<ApiResponse>();
    const correlationId = ensureCorrelationId(req, res);
    const language = negotiateLanguage(req.headers['accept-language']);
    const envelope: ErrorEnvelope = { ...toErrorResponse(exception, language), correlationId };

    if (envelope.statusCode >= 500) {
      const entry = { correlationId, method: req.method, path: req.originalUrl ?? req.url, code: envelope.code, error: describe(exception) };
      // A deliberate 5xx (engine unavailable) is an operational condition; anything else is a bug
      // whose stack stays in the logs under the same id while the client sees a generic message.
      if (exception instanceof ApiException) this.logger.warn(entry);
      else this.logger.error(entry, exception instanceof Error ? exception.stack : undefined);
    }
    if (res.headersSent) return;
    const adapter = this.adapterHost.httpAdapter;
    adapter.setHeader(res, 'Content-Language', language);
    // Caches must not hand a Chinese refusal to a caller who asked for English.
    adapter.appendHeader(res, 'Vary', 'Accept-Language');
    adapter.reply(res, envelope, envelope.statusCode);
  }
}

function describe(exception: unknown): string {
  if (exception instanceof Error) {
    const cause = (exception as { cause?: unknown }).cause;
    return cause instanceof Error ? `${exception.name}: ${exception.message} (cause: ${cause.message})` : `${exception.name}: ${exception.message}`;
  }
  return String(exception);
}

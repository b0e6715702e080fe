import type { INestApplication, LoggerService } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { ApiConfig } from '@zs/config';
import { assertSm3SelfTest } from '@zs/persistence';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { configureBodyParsers, configureTrustProxy, securityHeaders } from './common/http-hardening/http-hardening';
import { correlationIdMiddleware } from './common/http/correlation-id.middleware';
import { requestLogMiddleware } from './common/http/request-log.middleware';
import { serverTimingMiddleware } from './common/http/server-timing';
import { createApiLogger } from './common/logging/api-logger';
import { createValidationPipe } from './common/validation/validation.pipe';
import { ZoneContext } from './infrastructure/zones/zone-context';
import { DOCS_PATH, setupSwagger } from './swagger.setup';
import { serveWebConsole } from './web-console/web-console';

export interface CreateApiAppOptions {
  /** Defaults to the structured JSON logger at config.LOG_LEVEL; `false` silences Nest. */
  logger?: LoggerService | false;
}

/**
 * The fully configured app, initialised but not listening: main.ts listens on the
 * configured address, e2e tests on port 0.
 */
export async function createApiApp(config: ApiConfig, options: CreateApiAppOptions = {}): Promise<INestApplication> {
  // The audit chain is SM3 (GB/T 32905): refuse to start where it is missing or wrong.
  assertSm3SelfTest();
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: options.logger ?? createApiLogger(config),
    bufferLogs: false,
    abortOnError: false,
    // Ours, with size and nesting limits, registered below after the correlation id and the headers.
    bodyParser: false,
  });
  configureTrustProxy(app, config.API_TRUST_PROXY);
  // Issue 12: first, so every request (its guard, its handlers, its errors) has a zone store of its own.
  app.use(app.get(ZoneContext).middleware);
  // Before the body parser, so even a malformed body's 400 carries the id and the security headers.
  app.use(correlationIdMiddleware);
  app.use(requestLogMiddleware);
  if (config.API_SERVER_TIMING) app.use(serverTimingMiddleware);
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');
  app.use(securityHeaders(DOCS_PATH));
  configureBodyParsers(app, config);
  serveWebConsole(app, config);

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  if (config.API_DOCS_ENABLED) setupSwagger(app);
  await app.init();
  return app;
}

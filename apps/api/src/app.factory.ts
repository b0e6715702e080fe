import type { INestApplication, LoggerService } from '@nestjs/common';
import { HttpAdapterHost, NestFactory } from '@nestjs/core';
import type { ApiConfig } from '@zs/config';
import { AppModule } from './app.module';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { correlationIdMiddleware } from './common/http/correlation-id.middleware';
import { requestLogMiddleware } from './common/http/request-log.middleware';
import { createApiLogger } from './common/logging/api-logger';
import { createValidationPipe } from './common/validation/validation.pipe';
import { setupSwagger } from './swagger.setup';

export interface CreateApiAppOptions {
  /** Defaults to the structured JSON logger at config.LOG_LEVEL; `false` silences Nest. */
  logger?: LoggerService | false;
}

/**
 * The fully configured app, initialised but not listening: main.ts listens on the
 * configured address, e2e tests on port 0.
 */
export async function createApiApp(config: ApiConfig, options: CreateApiAppOptions = {}): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), {
    logger: options.logger ?? createApiLogger(config),
    bufferLogs: false,
    abortOnError: false,
  });
  // Before the body parser (registered in init), so even a malformed body's 400 carries the id.
  app.use(correlationIdMiddleware);
  app.use(requestLogMiddleware);
  (app.getHttpAdapter().getInstance() as { disable(setting: string): void }).disable('x-powered-by');

  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(app.get(HttpAdapterHost)));
  app.enableShutdownHooks();
  setupSwagger(app);
  await app.init();
  return app;
}

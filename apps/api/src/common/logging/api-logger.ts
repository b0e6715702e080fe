import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';

const LEVELS: Record<ApiConfig['LOG_LEVEL'], LogLevel[]> = {
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  info: ['fatal', 'error', 'warn', 'log'],
  warn: ['fatal', 'error', 'warn'],
  error: ['fatal', 'error'],
};

/** Structured (one JSON object per line) logs, so a collector can index correlation ids. */
export function createApiLogger(config: Pick<ApiConfig, 'LOG_LEVEL'>): ConsoleLogger {
  return new ConsoleLogger('api', { json: true, logLevels: LEVELS[config.LOG_LEVEL] });
}

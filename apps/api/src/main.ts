import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadApiConfig, type ApiConfig } from '@zs/config';
import { createApiApp } from './app.factory';
import { createApiLogger } from './common/logging/api-logger';
import { DOCS_PATH } from './swagger.setup';

function loadConfigOrExit(): ApiConfig {
  try {
    return loadApiConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigError) {
      // Plain text on purpose: this is read by whoever starts the process, not a log pipeline.
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
}

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  // Read by V8's heap controller at each full collection, so it applies though the heap exists already.
  if (config.API_HEAP_GROWING_PERCENT > 0) setFlagsFromString(`--heap-growing-percent=${config.API_HEAP_GROWING_PERCENT}`);
  const logger = createApiLogger(config);
  const app = await createApiApp(config, { logger });
  await app.listen(config.API_PORT, config.API_HOST);
  const anyHost = config.API_HOST === '0.0.0.0' || config.API_HOST === '::';
  const shownHost = anyHost ? 'localhost' : config.API_HOST.includes(':') ? `[${config.API_HOST}]` : config.API_HOST;
  const base = `http://${shownHost}:${config.API_PORT}`;
  const docs = config.API_DOCS_ENABLED ? `docs at ${base}/${DOCS_PATH}, OpenAPI at ${base}/${DOCS_PATH}-json` : 'docs disabled (API_DOCS_ENABLED=false)';
  logger.log(`API listening on ${base} (bound to ${config.API_HOST}); ${docs}`, 'Bootstrap');
}

bootstrap().catch((err: unknown) => {
  process.stderr.write(`API failed to start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

import { resolve } from 'node:path';
import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import type { ApiConfig } from '@zs/config';
import { AppModule } from '../app.module';
import { createOpenApiDocument } from './openapi-document';

/** The committed copy of the document the API serves at /docs-json. */
export const COMMITTED_OPENAPI_PATH = resolve(__dirname, '../../openapi.json');
export const REGENERATE_COMMAND = 'npm run openapi:write';

/**
 * The document from the app module in Nest's preview mode: controllers and their metadata are
 * scanned, no provider is created, so no database or Temporal is needed. The same function
 * builds the document the running API serves.
 */
export async function previewOpenApiDocument(): Promise<OpenAPIObject> {
  // No provider is created in preview mode, so nothing reads the configuration: an empty one
  // keeps the document independent of the environment (and of new required settings).
  const config = Object.freeze({ NODE_ENV: 'test' }) as unknown as ApiConfig;
  const app = await NestFactory.create(AppModule.forRoot(config), { preview: true, logger: false, abortOnError: false });
  try {
    return createOpenApiDocument(app);
  } finally {
    await app.close();
  }
}

/** The committed form: stable key order as Nest emits it, two-space indent, final newline. */
export function openApiJson(document: object): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** JSON pointers where two documents differ (for a readable "regenerate" failure). */
export function jsonDifferences(a: unknown, b: unknown, at = ''): string[] {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) {
    return JSON.stringify(a) === JSON.stringify(b) ? [] : [at || '/'];
  }
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].flatMap((k) => jsonDifferences((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k], `${at}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`));
}

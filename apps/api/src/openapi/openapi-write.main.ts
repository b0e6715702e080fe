import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { relative } from 'node:path';
import { COMMITTED_OPENAPI_PATH, openApiJson, previewOpenApiDocument } from './openapi-snapshot';

/** `npm run openapi:write`: regenerates the committed OpenAPI document from the app module (no database or Temporal needed). */
async function main(): Promise<void> {
  const json = openApiJson(await previewOpenApiDocument());
  writeFileSync(COMMITTED_OPENAPI_PATH, json);
  const doc = JSON.parse(json) as { paths: Record<string, object> };
  const operations = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
  process.stdout.write(`wrote ${relative(process.cwd(), COMMITTED_OPENAPI_PATH)} (${operations} operations)\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`openapi:write failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

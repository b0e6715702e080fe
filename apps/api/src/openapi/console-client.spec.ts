import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@zs/config';
import { COMMITTED_OPENAPI_PATH } from './openapi-snapshot';

/**
 * The chain that keeps the console honest: the app → the committed OpenAPI document
 * (openapi-document.spec.ts) → the console's generated client (this test) → the console's
 * code (its type check). A route or field changed on one side only fails one of the three.
 */
describe("the console's typed client", () => {
  it('is what openapi-typescript generates from the committed OpenAPI document (run `npm run web:client`)', () => {
    const root = repoRoot();
    const dir = mkdtempSync(join(tmpdir(), 'zs-client-'));
    try {
      const out = join(dir, 'schema.d.ts');
      execFileSync(process.execPath, [join(root, 'node_modules/openapi-typescript/bin/cli.js'), COMMITTED_OPENAPI_PATH, '-o', out], { stdio: 'pipe' });
      expect(readFileSync(join(root, 'apps/web/src/api/schema.d.ts'), 'utf8') === readFileSync(out, 'utf8')).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

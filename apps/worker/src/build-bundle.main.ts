import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from '@zs/config';
import { buildWorkflowBundle } from './workflow-bundle';

/** `npm run build` step: writes dist/workflow-bundle.js, which the worker loads in production. */
async function main(): Promise<void> {
  const out = process.argv[2] ?? join(repoRoot(), 'dist/workflow-bundle.js');
  const { code } = await buildWorkflowBundle();
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, code);
  console.log(`workflow bundle written to ${out} (${Math.round(code.length / 1024)} KiB)`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

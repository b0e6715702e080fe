/**
 * `node test/support/run-ts.cjs <entry.ts> [args…]` runs a TypeScript entry point straight from
 * the sources, compiled file by file with the SWC options jest uses (decorator metadata, the
 * `@zs/*` aliases rewritten to relative paths), so a test can start an app as a real OS process
 * without `npm run build`. Test tooling only: production runs the `dist/` build.
 */
const { readFileSync } = require('node:fs');
const { resolve } = require('node:path');
const { transformSync } = require('@swc/core');
const jestConfig = require('../../jest.config.js');

const [, swcOptions] = jestConfig.transform['^.+\\.ts$'];

require.extensions['.ts'] = (module, filename) => {
  const { code } = transformSync(readFileSync(filename, 'utf8'), { ...swcOptions, filename, swcrc: false, configFile: false });
  // Module#_compile: how Node's own loaders run compiled source (what pirates, ts-node and @swc/register do).
  module._compile(code, filename);
};

// Started by a test with an IPC channel: when the test runner goes away (crash, kill), so does this
// process, as if it had been killed too, instead of living on as a stray worker.
if (process.send) {
  process.on('disconnect', () => process.kill(process.pid, 'SIGKILL'));
  // Unref'd, the channel does not keep the process alive by itself.
  process.channel?.unref();
}

const entry = process.argv[2];
if (!entry) {
  process.stderr.write('usage: node test/support/run-ts.cjs <entry.ts> [args…]\n');
  process.exit(2);
}
// The entry sees the argv it would see as `node dist/<entry>.js [args…]`.
process.argv.splice(1, 2, resolve(entry));
require(resolve(entry));

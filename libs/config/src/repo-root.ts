import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The workspace root, found from sources (ts) and from dist alike. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  for (;;) {
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && JSON.parse(readFileSync(pkg, 'utf8')).name === 'zhaoshang-lifecycle') return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`cannot find the workspace root above ${from}`);
    dir = parent;
  }
}

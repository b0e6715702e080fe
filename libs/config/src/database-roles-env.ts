import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Issue 9, item 3 (README "Database roles"): the API, worker and seed connect as zs_app
 * (DATABASE_URL), migrations as a superuser (MIGRATION_DATABASE_URL), read-only tools as
 * zs_auditor (AUDITOR_DATABASE_URL). `npm run migrate` (libs/persistence/src/roles/migration-env.ts)
 * gives the two login roles the passwords DATABASE_APP_PASSWORD and DATABASE_AUDITOR_PASSWORD.
 */

/** Under the data folder of `npm start`: the passwords it generated for zs_app and zs_auditor (mode 0600). */
export const EMBEDDED_DATABASE_ROLES_FILE = 'database-roles.json';

export interface EmbeddedRolePasswords {
  app: string;
  auditor: string;
}

/** The role passwords `npm start` keeps in its data folder, when it has made them. */
export function readEmbeddedRolePasswords(dataDir: string): EmbeddedRolePasswords | undefined {
  const file = join(dataDir, EMBEDDED_DATABASE_ROLES_FILE);
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<EmbeddedRolePasswords>;
  return typeof parsed.app === 'string' && typeof parsed.auditor === 'string' ? { app: parsed.app, auditor: parsed.auditor } : undefined;
}

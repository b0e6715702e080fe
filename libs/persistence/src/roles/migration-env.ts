import { z } from 'zod';
import { DATABASE_ROLES, MIN_ROLE_PASSWORD_LENGTH } from './database-roles';

const unsetIfBlank = (v: unknown) => (v === '' ? undefined : v);
const postgresUrl = z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL');
const rolePassword = z.preprocess(
  unsetIfBlank,
  z
    .string()
    .min(MIN_ROLE_PASSWORD_LENGTH, `must be at least ${MIN_ROLE_PASSWORD_LENGTH} characters`)
    .refine((v) => !/[\0\r\n]/.test(v), 'must not contain NUL or line breaks')
    .optional(),
);

/** `npm run migrate`'s environment (README "Database roles"). */
export const migrationEnvSchema = z
  .object({
    /** The superuser URL migrations run with; DATABASE_URL when unset (an installation from before the roles). */
    MIGRATION_DATABASE_URL: z.preprocess(unsetIfBlank, postgresUrl.optional()),
    DATABASE_URL: z.preprocess(unsetIfBlank, postgresUrl.optional()),
    /** When set, zs_app / zs_auditor may log in with these (set again on every run: rotation). */
    DATABASE_APP_PASSWORD: rolePassword,
    DATABASE_AUDITOR_PASSWORD: rolePassword,
  })
  .superRefine((env, ctx) => {
    if (!env.MIGRATION_DATABASE_URL && !env.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['MIGRATION_DATABASE_URL'], message: 'is required (postgres://superuser:password@host:port/database)' });
    }
    // The apps' URL must carry the password about to be set, or they would not start.
    if (env.DATABASE_URL && env.DATABASE_APP_PASSWORD) {
      const url = new URL(env.DATABASE_URL);
      if (decodeURIComponent(url.username) === DATABASE_ROLES.app && decodeURIComponent(url.password) !== env.DATABASE_APP_PASSWORD) {
        ctx.addIssue({ code: 'custom', path: ['DATABASE_APP_PASSWORD'], message: `differs from the password of ${DATABASE_ROLES.app} in DATABASE_URL` });
      }
    }
  });

export interface MigrationConfig {
  migrationUrl: string;
  appPassword?: string;
  auditorPassword?: string;
}

/** Throws an Error naming every bad variable. */
export function loadMigrationConfig(env: Record<string, string | undefined> = process.env): MigrationConfig {
  const result = migrationEnvSchema.safeParse(env);
  if (!result.success) throw new Error(`invalid configuration:\n  ${result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n  ')}`);
  const c = result.data;
  return { migrationUrl: (c.MIGRATION_DATABASE_URL ?? c.DATABASE_URL)!, appPassword: c.DATABASE_APP_PASSWORD, auditorPassword: c.DATABASE_AUDITOR_PASSWORD };
}

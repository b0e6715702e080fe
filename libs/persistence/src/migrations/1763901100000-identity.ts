import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A hardened identity (issue 9): tokens tied to the account (`token_version`, bumped by logout,
 * revocation, password change or reset, role change and deactivation), login failure counting
 * and lockout, the password's age, a forced change after an administrator's reset, the hashes
 * of the previous passwords (no reuse), and demo accounts marked as such.
 */
export class Identity1763901100000 implements MigrationInterface {
  name = 'Identity1763901100000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN token_version integer NOT NULL DEFAULT 1 CHECK (token_version >= 1),
        ADD COLUMN failed_login_count integer NOT NULL DEFAULT 0 CHECK (failed_login_count >= 0),
        ADD COLUMN locked_until timestamptz,
        ADD COLUMN password_changed_at timestamptz NOT NULL DEFAULT now(),
        ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
        ADD COLUMN password_history text[] NOT NULL DEFAULT '{}',
        ADD COLUMN is_demo boolean NOT NULL DEFAULT false`);
    // The demo accounts seeded before this migration (one per role, e-mail @zhaoshang.local).
    await q.query(`
      UPDATE users SET is_demo = true
       WHERE email LIKE '%@zhaoshang.local'
         AND username IN ('officer', 'taskforce', 'ecb-head', 'leader', 'psb', 'esb', 'auditor', 'admin')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        DROP COLUMN token_version, DROP COLUMN failed_login_count, DROP COLUMN locked_until,
        DROP COLUMN password_changed_at, DROP COLUMN must_change_password, DROP COLUMN password_history, DROP COLUMN is_demo`);
  }
}

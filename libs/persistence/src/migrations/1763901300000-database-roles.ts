import type { MigrationInterface, QueryRunner } from 'typeorm';
import { appendOnlyTables, applyDatabaseRoles, DATABASE_ROLES } from '../roles/database-roles';

/**
 * Issue 9, item 3: the owner role, ownership and TRUNCATE triggers. Creates zs_owner (NOLOGIN),
 * zs_app and zs_auditor (NOLOGIN until a password is set: `npm run migrate` with
 * DATABASE_APP_PASSWORD / DATABASE_AUDITOR_PASSWORD, or the launcher), hands every table to
 * zs_owner, puts a statement-level BEFORE TRUNCATE trigger on each append-only audit table and
 * grants the app SELECT and INSERT only on them. The same idempotent step runs again after every
 * migration run (runMigrations), so tables added by later migrations are covered too.
 * Needs a superuser (or a role that may create roles and is a member of zs_owner).
 */
export class DatabaseRoles1763901300000 implements MigrationInterface {
  name = 'DatabaseRoles1763901300000';

  async up(q: QueryRunner): Promise<void> {
    await applyDatabaseRoles(q);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const table of await appendOnlyTables(q)) await q.query(`DROP TRIGGER IF EXISTS "${table}_no_truncate" ON "${table}"`);
    await q.query(`DROP FUNCTION IF EXISTS refuse_truncate()`);
    const { app, auditor, owner } = DATABASE_ROLES;
    await q.query(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM ${app}, ${auditor}`);
    await q.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA public FROM ${app}, ${auditor}`);
    // Back to the role running the migrations (the roles themselves are cluster-wide and stay).
    await q.query(`REASSIGN OWNED BY ${owner} TO current_user`);
  }
}

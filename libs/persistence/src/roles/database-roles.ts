import { Client } from 'pg';
import type { Queryable } from '../database';

/**
 * Issue 9, item 3: the application no longer connects as the superuser that owns the audit log.
 *
 * - `zs_owner` (NOLOGIN) owns the schema, every table, sequence, view and function in it. Nobody
 *   logs in as it; migrations run as a superuser (MIGRATION_DATABASE_URL) and hand what they
 *   create to it in `applyDatabaseRoles`.
 * - `zs_app` (LOGIN, DATABASE_URL of the API, worker and seed): SELECT/INSERT/UPDATE/DELETE on
 *   ordinary tables, only SELECT and INSERT on the append-only ones, USAGE on sequences. Not an
 *   owner, not a superuser: it cannot ALTER, DISABLE TRIGGER, TRUNCATE, DROP, GRANT or set
 *   session_replication_role.
 * - `zs_auditor` (LOGIN, direct SQL and `npm run audit:reconcile`): SELECT only.
 */
export const DATABASE_ROLES = { owner: 'zs_owner', app: 'zs_app', auditor: 'zs_auditor' } as const;

/** Always append-only (those not created yet are skipped); tables guarded by an append-only row trigger are added to them. */
export const APPEND_ONLY_TABLES = ['audit_events', 'admin_audit_events', 'security_events', 'audit_ledger', 'audit_checkpoints'] as const;

/** Row-trigger functions that mark a table as append-only (a later migration's table using them is covered without a code change). */
const APPEND_ONLY_TRIGGER_FUNCTIONS = ['immutable_rows', 'audit_events_append_only'];

const { owner: OWNER, app: APP, auditor: AUDITOR } = DATABASE_ROLES;

export interface DatabaseRolesReport {
  /** The append-only tables found (granted SELECT and INSERT only to the app, TRUNCATE refused by trigger). */
  appendOnly: string[];
  /** Relations and routines whose owner was changed to zs_owner by this run. */
  reassigned: string[];
}

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * The schema these statements act on: the connection's (public, or a zone's schema set by its
 * search_path, issue 12), so each zone's tables get the same owner, grants and triggers.
 */
async function currentSchema(db: Queryable): Promise<string> {
  const [{ schema }]: Array<{ schema: string }> = await db.query(`SELECT current_schema() AS schema`);
  return schema;
}

/** The statement-level trigger function refusing TRUNCATE (created by migration 1763901300000, kept up to date here). */
export const REFUSE_TRUNCATE_FUNCTION = `
  CREATE OR REPLACE FUNCTION refuse_truncate() RETURNS trigger LANGUAGE plpgsql AS $$
  BEGIN
    RAISE EXCEPTION '% is append-only (TRUNCATE refused)', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
  END $$`;

/** The append-only tables that exist: the fixed list and every table with an append-only row trigger. */
export async function appendOnlyTables(db: Queryable): Promise<string[]> {
  const SCHEMA = await currentSchema(db);
  const rows: Array<{ name: string }> = await db.query(
    `SELECT c.relname AS name FROM pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p')
        AND (c.relname = ANY($2::text[])
             OR EXISTS (SELECT 1 FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
                         WHERE t.tgrelid = c.oid AND NOT t.tgisinternal AND p.proname = ANY($3::text[])))
      ORDER BY c.relname`,
    [SCHEMA, [...APPEND_ONLY_TABLES], APPEND_ONLY_TRIGGER_FUNCTIONS],
  );
  return rows.map((r) => r.name);
}

/** Creates the three roles if missing (roles are cluster-wide: a concurrent creation elsewhere is tolerated). */
async function ensureRoles(db: Queryable): Promise<void> {
  const SCHEMA = await currentSchema(db);
  for (const role of [OWNER, APP, AUDITOR]) {
    await db.query(`
      DO $$ BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${role}') THEN CREATE ROLE ${ident(role)} NOLOGIN; END IF;
      EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
      END $$`);
    // Whatever someone did by hand: none of them may bypass privileges or triggers. Altered only
    // when needed: roles are the cluster's, and two databases migrating at once (replicas, test
    // workers) would otherwise update the same catalogue row ("tuple concurrently updated").
    const [granted]: Array<{ any: boolean }> = await db.query(
      `SELECT (rolsuper OR rolcreatedb OR rolcreaterole OR rolreplication OR rolbypassrls OR (rolname = $2 AND rolcanlogin)) AS any FROM pg_roles WHERE rolname = $1`,
      [role, OWNER],
    );
    if (granted?.any) await db.query(`ALTER ROLE ${ident(role)} NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS${role === OWNER ? ' NOLOGIN' : ''}`);
  }
  // Membership would lend the app or the auditor the owner's (or a superuser's, or pg_write_all_data's) rights.
  const memberships: Array<{ granted: string; member: string }> = await db.query(
    `SELECT g.rolname AS granted, m.rolname AS member FROM pg_auth_members am
       JOIN pg_roles g ON g.oid = am.roleid JOIN pg_roles m ON m.oid = am.member
      WHERE m.rolname = ANY($1::text[])
        AND (g.rolname = ANY($2::text[]) OR g.rolsuper
             OR EXISTS (SELECT 1 FROM pg_class c WHERE c.relowner = g.oid AND c.relnamespace = $3::regnamespace))`,
    [[APP, AUDITOR], [OWNER, 'pg_write_all_data', 'pg_database_owner'], SCHEMA],
  );
  for (const m of memberships) await db.query(`REVOKE ${ident(m.granted)} FROM ${ident(m.member)}`);
}

/** Hands every table, view, sequence and routine of the schema (not those of extensions) to zs_owner. */
async function reassignOwnership(db: Queryable): Promise<string[]> {
  const SCHEMA = await currentSchema(db);
  const reassigned: string[] = [];
  await db.query(`ALTER SCHEMA ${ident(SCHEMA)} OWNER TO ${ident(OWNER)}`);
  const relations: Array<{ name: string; kind: string }> = await db.query(
    `SELECT c.relname AS name, c.relkind AS kind FROM pg_class c
      WHERE c.relnamespace = $1::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'S')
        AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
        AND c.relispartition = false
      ORDER BY c.relkind = 'S', c.relname`,
    [SCHEMA, OWNER],
  );
  const command: Record<string, string> = { r: 'TABLE', p: 'TABLE', v: 'VIEW', m: 'MATERIALIZED VIEW', f: 'FOREIGN TABLE', S: 'SEQUENCE' };
  for (const rel of relations) {
    if (rel.kind === 'S') {
      // A sequence owned by a column moved with its table above.
      const [{ stillForeign }] = await db.query(
        `SELECT c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $2) AS "stillForeign" FROM pg_class c WHERE c.relnamespace = $3::regnamespace AND c.relname = $1`,
        [rel.name, OWNER, SCHEMA],
      );
      if (!stillForeign) continue;
    }
    await db.query(`ALTER ${command[rel.kind]} ${ident(SCHEMA)}.${ident(rel.name)} OWNER TO ${ident(OWNER)}`);
    reassigned.push(rel.name);
  }
  // Partitions follow their parent's owner only when created; move any left behind.
  const partitions: Array<{ name: string }> = await db.query(
    `SELECT c.relname AS name FROM pg_class c WHERE c.relnamespace = $1::regnamespace AND c.relispartition
        AND c.relowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)`,
    [SCHEMA, OWNER],
  );
  for (const p of partitions) {
    await db.query(`ALTER TABLE ${ident(SCHEMA)}.${ident(p.name)} OWNER TO ${ident(OWNER)}`);
    reassigned.push(p.name);
  }
  // Trigger functions (SECURITY DEFINER ones run as their owner: zs_owner, not a superuser).
  const routines: Array<{ signature: string }> = await db.query(
    `SELECT p.oid::regprocedure::text AS signature FROM pg_proc p JOIN pg_language l ON l.oid = p.prolang
      WHERE p.pronamespace = $1::regnamespace AND l.lanname IN ('plpgsql', 'sql')
        AND p.proowner <> (SELECT oid FROM pg_roles WHERE rolname = $2)
        AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')`,
    [SCHEMA, OWNER],
  );
  for (const r of routines) {
    await db.query(`ALTER ROUTINE ${r.signature} OWNER TO ${ident(OWNER)}`);
    reassigned.push(r.signature);
  }
  return reassigned;
}

/** A statement-level BEFORE TRUNCATE trigger on each append-only table (the row triggers do not see TRUNCATE). */
export async function ensureTruncateTriggers(db: Queryable, tables: string[]): Promise<void> {
  const SCHEMA = await currentSchema(db);
  await db.query(REFUSE_TRUNCATE_FUNCTION);
  for (const table of tables) {
    await db.query(
      `CREATE OR REPLACE TRIGGER ${ident(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${ident(SCHEMA)}.${ident(table)} FOR EACH STATEMENT EXECUTE FUNCTION refuse_truncate()`,
    );
  }
}

/**
 * Idempotent; run after every migration run (runMigrations) and by migration 1763901300000, as
 * a superuser (or a role that may create roles and is a member of zs_owner). Rather than
 * ALTER DEFAULT PRIVILEGES (which is keyed on whichever role creates a table and cannot tell an
 * audit table from an ordinary one, so a new audit table would be writable by default), the
 * grants are recomputed from the catalogue every time: fail-closed for what is append-only.
 */
export async function applyDatabaseRoles(db: Queryable): Promise<DatabaseRolesReport> {
  const SCHEMA = await currentSchema(db);
  await ensureRoles(db);
  const reassigned = await reassignOwnership(db);
  const appendOnly = await appendOnlyTables(db);
  await ensureTruncateTriggers(db, appendOnly);

  const roles = `${ident(APP)}, ${ident(AUDITOR)}`;
  await db.query(`REVOKE CREATE ON SCHEMA ${ident(SCHEMA)} FROM PUBLIC`);
  await db.query(`GRANT USAGE ON SCHEMA ${ident(SCHEMA)} TO ${roles}`);
  await db.query(`DO $$ BEGIN EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO ${APP}, ${AUDITOR}', current_database()); END $$`);
  // From nothing, every time, in this one transaction (no one sees a state in between).
  await db.query(`REVOKE ALL ON ALL TABLES IN SCHEMA ${ident(SCHEMA)} FROM PUBLIC, ${roles}`);
  await db.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA ${ident(SCHEMA)} FROM PUBLIC, ${roles}`);
  await db.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${ident(SCHEMA)} TO ${ident(APP)}`);
  for (const table of appendOnly) await db.query(`REVOKE UPDATE, DELETE ON ${ident(SCHEMA)}.${ident(table)} FROM ${ident(APP)}`);
  await db.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${ident(SCHEMA)} TO ${ident(APP)}`);
  await db.query(`GRANT SELECT ON ALL TABLES IN SCHEMA ${ident(SCHEMA)} TO ${ident(AUDITOR)}`);
  return { appendOnly, reassigned };
}

export interface LoginPasswords {
  /** zs_app's password (the API, worker and seed connect with it). */
  app?: string;
  /** zs_auditor's password (read-only SQL, the reconciler). */
  auditor?: string;
}

export const MIN_ROLE_PASSWORD_LENGTH = 16;

/** Problems with a password for one of the login roles (empty when acceptable). */
export function rolePasswordProblems(password: string): string[] {
  const problems: string[] = [];
  if (password.length < MIN_ROLE_PASSWORD_LENGTH) problems.push(`must be at least ${MIN_ROLE_PASSWORD_LENGTH} characters`);
  if (/[\0\r\n]/.test(password)) problems.push('must not contain NUL or line breaks');
  return problems;
}

/** Lets zs_app and zs_auditor log in with these passwords (run with the migration role, after migrations). */
export async function setLoginPasswords(db: Queryable, passwords: LoginPasswords): Promise<void> {
  for (const [role, password] of [
    [APP, passwords.app],
    [AUDITOR, passwords.auditor],
  ] as const) {
    if (password === undefined) continue;
    const problems = rolePasswordProblems(password);
    if (problems.length) throw new Error(`the ${role} password ${problems.join(', ')}`);
    // A literal (ALTER ROLE takes no parameters); standard_conforming_strings is on since PostgreSQL 9.1.
    await db.query(`ALTER ROLE ${ident(role)} WITH LOGIN PASSWORD '${password.replace(/'/g, "''")}'`);
  }
}

/** `url` with another user and password (the app's or the auditor's URL from the migration URL). */
export function databaseUrlFor(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = encodeURIComponent(user);
  u.password = encodeURIComponent(password);
  return u.toString();
}

/**
 * For a stack that owns its database (npm start, bench, tests): the login roles get their
 * passwords through the migration (superuser) URL; returns the URLs the app and the auditor use.
 */
export async function provisionLoginRoles(migrationUrl: string, passwords: Required<LoginPasswords>): Promise<{ appUrl: string; auditorUrl: string }> {
  const client = new Client({ connectionString: migrationUrl, application_name: 'zhaoshang-roles' });
  await client.connect();
  try {
    await setLoginPasswords(client, passwords);
  } finally {
    await client.end();
  }
  return { appUrl: databaseUrlFor(migrationUrl, APP, passwords.app), auditorUrl: databaseUrlFor(migrationUrl, AUDITOR, passwords.auditor) };
}

/**
 * What is wrong with the role this pool connects as, for an application that must not be able
 * to rewrite the audit log: superuser, owner (directly or by membership) of the schema or of a
 * table, or holder of UPDATE/DELETE/TRUNCATE on an append-only table. Empty when least-privileged.
 */
export async function databaseRoleProblems(db: Queryable): Promise<string[]> {
  const SCHEMA = await currentSchema(db);
  const [me]: Array<{ name: string; superuser: boolean; bypassrls: boolean; ownsSchema: boolean; ownsDatabase: boolean; owned: string[] }> = await db.query(
    `SELECT current_user AS name, r.rolsuper AS superuser, r.rolbypassrls AS bypassrls,
            pg_has_role(current_user, n.nspowner, 'USAGE') AS "ownsSchema",
            pg_has_role(current_user, d.datdba, 'USAGE') AS "ownsDatabase",
            coalesce((SELECT array_agg(c.relname::text ORDER BY c.relname) FROM pg_class c
                       WHERE c.relnamespace = n.oid AND c.relkind IN ('r', 'p') AND pg_has_role(current_user, c.relowner, 'USAGE')), '{}') AS owned
       FROM pg_roles r, pg_namespace n, pg_database d
      WHERE r.rolname = current_user AND n.nspname = $1 AND d.datname = current_database()`,
    [SCHEMA],
  );
  const problems: string[] = [];
  if (me.superuser) problems.push(`${me.name} is a superuser`);
  if (me.bypassrls) problems.push(`${me.name} bypasses row-level security`);
  if (me.ownsSchema) problems.push(`${me.name} owns (or is a member of the owner of) schema ${SCHEMA}`);
  if (me.ownsDatabase) problems.push(`${me.name} owns (or is a member of the owner of) the database`);
  if (me.owned.length) problems.push(`${me.name} owns ${me.owned.length} table(s) (e.g. ${me.owned.slice(0, 3).join(', ')})`);
  for (const table of await appendOnlyTables(db)) {
    const [{ writable }]: Array<{ writable: boolean }> = await db.query(`SELECT has_table_privilege(current_user, $1, 'UPDATE, DELETE, TRUNCATE') AS writable`, [`${SCHEMA}.${table}`]);
    if (writable) problems.push(`${me.name} may UPDATE, DELETE or TRUNCATE the append-only table ${table}`);
  }
  return problems;
}

/**
 * The start-up check of the API and the worker (issue 9): in production a role that could rewrite
 * the audit log (superuser, owner, UPDATE/DELETE/TRUNCATE on an append-only table) refuses to
 * start; elsewhere (your own development database) it is a warning.
 */
export async function checkLeastPrivilege(db: Queryable, nodeEnv: string, warn: (message: string) => void): Promise<void> {
  const problems = await databaseRoleProblems(db);
  if (problems.length === 0) return;
  const message = `DATABASE_URL must name the application role (${DATABASE_ROLES.app}, README "Database roles"): ${problems.join('; ')}`;
  if (nodeEnv === 'production') throw new Error(message);
  warn(message);
}

import { Client } from 'pg';
import { APPEND_ONLY_TABLES, DATABASE_ROLES, databaseRoleProblems, runMigrations, sealQueuedRecords, withDatabase } from '@zs/persistence';
import { stackEnv } from '../setup/stack-env';
import { startE2eHarness, type E2eHarness } from '../support/e2e-harness';
import { sampleLead } from '../support/sample-lead';

/**
 * Issue 9, item 3: the engine connects as zs_app, which can neither rewrite nor erase the audit
 * record by any route a superuser owner had (README "Database roles"). Each refusal is asserted
 * by PostgreSQL's own error: SQLSTATE 42501 (insufficient_privilege) and its message.
 */
const PERMISSION_DENIED = '42501';

interface PgFailure {
  code: string;
  message: string;
}

async function connect(url: string, name: string): Promise<Client> {
  const client = new Client({ connectionString: url, application_name: `database-roles-e2e-${name}` });
  await client.connect();
  return client;
}

/** Runs `sql` inside a transaction that is always rolled back (nothing changes even if it were allowed); the error, if any. */
async function attempt(client: Client, sql: string): Promise<PgFailure | null> {
  await client.query('BEGIN');
  try {
    await client.query(sql);
    return null;
  } catch (err) {
    const e = err as { code?: string; message: string };
    return { code: e.code ?? '', message: e.message };
  } finally {
    await client.query('ROLLBACK');
  }
}

describe('database roles: the app role cannot rewrite the audit record', () => {
  let app: Client;
  let auditor: Client;
  let superuser: Client;
  /** The append-only tables that exist (all five once the audit chain migration ran). */
  let tables: string[];

  beforeAll(async () => {
    [app, auditor, superuser] = await Promise.all([
      connect(stackEnv('databaseUrl'), 'app'),
      connect(stackEnv('auditorDatabaseUrl'), 'auditor'),
      connect(stackEnv('superuserDatabaseUrl'), 'superuser'),
    ]);
    const { rows } = await superuser.query(`SELECT relname FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relname = ANY($1::text[]) ORDER BY relname`, [[...APPEND_ONLY_TABLES]]);
    tables = rows.map((r) => r.relname as string);
  });
  afterAll(async () => {
    await Promise.all([app, auditor, superuser].map((c) => c?.end()));
  });

  it('connects as zs_app: not a superuser, not an owner, no role inherited', async () => {
    const { rows } = await app.query(
      `SELECT current_user AS me, r.rolsuper, r.rolcreaterole, r.rolcreatedb, r.rolbypassrls, r.rolreplication,
              (SELECT count(*)::int FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace AND pg_has_role(current_user, c.relowner, 'USAGE')) AS owned,
              (SELECT count(*)::int FROM pg_auth_members m WHERE m.member = r.oid) AS memberships
         FROM pg_roles r WHERE r.rolname = current_user`,
    );
    expect(rows[0]).toEqual({ me: DATABASE_ROLES.app, rolsuper: false, rolcreaterole: false, rolcreatedb: false, rolbypassrls: false, rolreplication: false, owned: 0, memberships: 0 });
    // The tables belong to the NOLOGIN owner role.
    const owners = await superuser.query(`SELECT DISTINCT pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relnamespace = 'public'::regnamespace AND relkind IN ('r', 'p', 'S', 'v')`);
    expect(owners.rows).toEqual([{ owner: DATABASE_ROLES.owner }]);
    expect((await superuser.query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = $1`, [DATABASE_ROLES.owner])).rows).toEqual([{ rolcanlogin: false }]);
    // The start-up check of the API and worker agrees, and would refuse the superuser.
    const problemsOf = (url: string) => withDatabase({ url, poolSize: 1 }, (db) => databaseRoleProblems(db));
    expect(await problemsOf(stackEnv('databaseUrl'))).toEqual([]);
    expect(await problemsOf(stackEnv('superuserDatabaseUrl'))).toEqual(expect.arrayContaining([expect.stringContaining('is a superuser')]));
  });

  it('has all five append-only tables to check', () => {
    expect(tables).toEqual([...APPEND_ONLY_TABLES].sort());
  });

  describe.each([...APPEND_ONLY_TABLES])('%s, as zs_app', (table) => {
    const denied = (message: string) => ({ code: PERMISSION_DENIED, message });

    it('refuses UPDATE, DELETE and TRUNCATE (no privilege)', async () => {
      const { rows } = await superuser.query(`SELECT attname FROM pg_attribute WHERE attrelid = $1::regclass AND attnum = 1`, [table]);
      const column = rows[0].attname as string;
      expect(await attempt(app, `UPDATE ${table} SET ${column} = ${column}`)).toEqual(denied(`permission denied for table ${table}`));
      expect(await attempt(app, `DELETE FROM ${table}`)).toEqual(denied(`permission denied for table ${table}`));
      expect(await attempt(app, `TRUNCATE ${table}`)).toEqual(denied(`permission denied for table ${table}`));
    });

    it('refuses ALTER TABLE … DISABLE TRIGGER, DROP TABLE and ALTER TABLE … OWNER (not the owner)', async () => {
      expect(await attempt(app, `ALTER TABLE ${table} DISABLE TRIGGER ALL`)).toEqual(denied(`must be owner of table ${table}`));
      expect(await attempt(app, `ALTER TABLE ${table} DISABLE TRIGGER USER`)).toEqual(denied(`must be owner of table ${table}`));
      expect(await attempt(app, `DROP TABLE ${table}`)).toEqual(denied(`must be owner of table ${table}`));
      expect(await attempt(app, `ALTER TABLE ${table} OWNER TO ${DATABASE_ROLES.app}`)).toEqual(denied(`must be owner of table ${table}`));
    });

    it('refuses SET session_replication_role = replica (the way around row triggers)', async () => {
      expect(await attempt(app, `SET session_replication_role = replica`)).toEqual(denied('permission denied to set parameter "session_replication_role"'));
      expect(await attempt(app, `SET LOCAL session_replication_role = replica`)).toEqual(denied('permission denied to set parameter "session_replication_role"'));
      expect((await app.query('SHOW session_replication_role')).rows).toEqual([{ session_replication_role: 'origin' }]);
    });

    it('cannot GRANT itself (or the auditor) more: PostgreSQL grants nothing, warns, and the privileges stay as they were', async () => {
      const notices: string[] = [];
      const onNotice = (n: { severity?: string; message?: string }) => notices.push(`${n.severity ?? ''} ${n.message ?? ''}`);
      app.on('notice', onNotice);
      try {
        // Holding SELECT/INSERT without grant option, a GRANT is not an error but a no-op with a warning.
        expect(await attempt(app, `GRANT UPDATE, DELETE, TRUNCATE ON ${table} TO ${DATABASE_ROLES.app}`)).toBeNull();
        expect(await attempt(app, `GRANT ALL ON ${table} TO PUBLIC`)).toBeNull();
      } finally {
        app.off('notice', onNotice);
      }
      expect(notices).toEqual([`WARNING no privileges were granted for "${table}"`, `WARNING no privileges were granted for "${table}"`]);
      // Even committed, nothing was granted.
      await app.query(`GRANT UPDATE, DELETE, TRUNCATE ON ${table} TO ${DATABASE_ROLES.app}`);
      const { rows } = await superuser.query(
        `SELECT has_table_privilege($1, $2, 'UPDATE') AS u, has_table_privilege($1, $2, 'DELETE') AS d, has_table_privilege($1, $2, 'TRUNCATE') AS t,
                has_table_privilege('public', $2, 'UPDATE') AS pu, has_table_privilege($1, $2, 'SELECT') AS s, has_table_privilege($1, $2, 'INSERT') AS i`,
        [DATABASE_ROLES.app, table],
      );
      expect(rows).toEqual([{ u: false, d: false, t: false, pu: false, s: true, i: true }]);
      // Nor can it take the owner's role.
      expect(await attempt(app, `GRANT ${DATABASE_ROLES.owner} TO ${DATABASE_ROLES.app}`)).toEqual(denied(`permission denied to grant role "${DATABASE_ROLES.owner}"`));
    });

    it('may SELECT and INSERT', async () => {
      expect(await attempt(app, `SELECT count(*) FROM ${table}`)).toBeNull();
      // The privilege check of an INSERT happens before any row: a row-less INSERT proves it without a junk row.
      expect(await attempt(app, `INSERT INTO ${table} SELECT * FROM ${table} WHERE false`)).toBeNull();
    });

    it('the auditor may SELECT and may not INSERT (or anything else)', async () => {
      expect(await attempt(auditor, `SELECT count(*) FROM ${table}`)).toBeNull();
      expect(await attempt(auditor, `INSERT INTO ${table} SELECT * FROM ${table} WHERE false`)).toEqual(denied(`permission denied for table ${table}`));
      expect(await attempt(auditor, `DELETE FROM ${table}`)).toEqual(denied(`permission denied for table ${table}`));
      expect(await attempt(auditor, `TRUNCATE ${table}`)).toEqual(denied(`permission denied for table ${table}`));
    });

    it('refuses TRUNCATE even to the superuser owner (statement-level BEFORE TRUNCATE trigger)', async () => {
      expect(await attempt(superuser, `TRUNCATE ${table}`)).toEqual(denied(`${table} is append-only (TRUNCATE refused)`));
    });
  });

  it('a real INSERT into security_events works as zs_app (rolled back)', async () => {
    await app.query('BEGIN');
    try {
      const { rows } = await app.query(`INSERT INTO security_events (kind, outcome, username) VALUES ('database_roles_e2e', 'success', 'nobody') RETURNING kind`);
      expect(rows).toEqual([{ kind: 'database_roles_e2e' }]);
    } finally {
      await app.query('ROLLBACK');
    }
  });

  it('ordinary tables stay writable by the app, read-only for the auditor', async () => {
    await app.query('BEGIN');
    try {
      await app.query(`INSERT INTO calendar_overrides (day, working, name, reason, updated_by) VALUES ('2099-12-31', false, '测试', 'database roles e2e', 'e2e')`);
      const updated = await app.query(`UPDATE calendar_overrides SET working = true WHERE day = '2099-12-31'`);
      expect(updated.rowCount).toBe(1);
      const deleted = await app.query(`DELETE FROM calendar_overrides WHERE day = '2099-12-31'`);
      expect(deleted.rowCount).toBe(1);
    } finally {
      await app.query('ROLLBACK');
    }
    expect(await attempt(auditor, `SELECT count(*) FROM projects`)).toBeNull();
    expect(await attempt(auditor, `UPDATE calendar_overrides SET working = working`)).toEqual({ code: PERMISSION_DENIED, message: 'permission denied for table calendar_overrides' });
    // Nor may the app create tables of its own, or alter ordinary ones.
    expect(await attempt(app, `CREATE TABLE app_made (x int)`)).toEqual({ code: PERMISSION_DENIED, message: 'permission denied for schema public' });
    expect(await attempt(app, `ALTER TABLE projects DISABLE TRIGGER ALL`)).toEqual({ code: PERMISSION_DENIED, message: 'must be owner of table projects' });
  });

  it('covers tables added by later migrations: the roles step after every migration run', async () => {
    // As a later migration would (a superuser creating tables), then the step `runMigrations` ends with.
    await superuser.query(`CREATE TABLE later_audit_log (id bigserial PRIMARY KEY, what text NOT NULL)`);
    await superuser.query(`CREATE TRIGGER later_audit_log_no_change BEFORE UPDATE OR DELETE ON later_audit_log FOR EACH ROW EXECUTE FUNCTION immutable_rows()`);
    await superuser.query(`CREATE TABLE later_plain (id bigserial PRIMARY KEY, what text NOT NULL)`);
    try {
      expect(await runMigrations(stackEnv('superuserDatabaseUrl'))).toEqual([]);
      const owners = await superuser.query(`SELECT relname, pg_get_userbyid(relowner) AS owner FROM pg_class WHERE relname IN ('later_audit_log', 'later_plain') ORDER BY relname`);
      expect(owners.rows).toEqual([
        { relname: 'later_audit_log', owner: DATABASE_ROLES.owner },
        { relname: 'later_plain', owner: DATABASE_ROLES.owner },
      ]);
      // Append-only by its trigger: INSERT (with its sequence) yes, UPDATE no, TRUNCATE refused to anyone.
      expect(await attempt(app, `INSERT INTO later_audit_log (what) VALUES ('x')`)).toBeNull();
      expect(await attempt(app, `UPDATE later_audit_log SET what = 'y'`)).toEqual({ code: PERMISSION_DENIED, message: 'permission denied for table later_audit_log' });
      expect(await attempt(superuser, `TRUNCATE later_audit_log`)).toEqual({ code: PERMISSION_DENIED, message: 'later_audit_log is append-only (TRUNCATE refused)' });
      // Ordinary: everything but DDL.
      await app.query(`INSERT INTO later_plain (what) VALUES ('x')`);
      expect((await app.query(`UPDATE later_plain SET what = 'y'`)).rowCount).toBe(1);
      expect((await app.query(`DELETE FROM later_plain`)).rowCount).toBe(1);
      expect(await attempt(auditor, `SELECT * FROM later_plain`)).toBeNull();
    } finally {
      await superuser.query(`DROP TABLE IF EXISTS later_audit_log, later_plain`);
    }
  });

  describe('the API and the worker on the app role', () => {
    let h: E2eHarness;
    beforeAll(async () => {
      h = await startE2eHarness();
    });
    afterAll(async () => {
      await h?.teardown();
    });

    it('registers a lead and decides intake over HTTP, the record written as zs_app', async () => {
      expect(await h.dataSource.query('SELECT current_user AS me')).toEqual([{ me: DATABASE_ROLES.app }]);
      const [officer, taskForce, auditorToken] = await Promise.all([h.login('officer'), h.login('taskforce'), h.login('auditor')]);
      const created = await h.http('POST', '/leads', { token: officer, body: sampleLead({ companyName: '权限分离示例有限公司' }) });
      expect(created.status).toBe(201);
      const id = created.body.id as string;
      const decided = await h.http('POST', `/projects/${id}/intake-decision`, { token: taskForce, body: { action: 'accept' } });
      expect(decided.status).toBe(200);
      expect(decided.body).toMatchObject({ id, stage: 'negotiation' });
      const history = await h.http('GET', `/projects/${id}/history`, { token: auditorToken });
      expect(history.body.items.map((e: { seq: number; action: string }) => [e.seq, e.action])).toEqual([
        [1, 'lead.registered'],
        [2, 'intake.accepted'],
      ]);
      // Written by the app role, readable by the auditor, linked into the ledger by the sealer (the
      // worker's job, run here as the app role: it may move the queue into the append-only ledger).
      const rows = await auditor.query(`SELECT count(*)::int AS n FROM audit_events WHERE project_id = $1`, [id]);
      expect(rows.rows).toEqual([{ n: 2 }]);
      expect(await sealQueuedRecords(h.dataSource)).toBeGreaterThanOrEqual(2);
      const ledger = await auditor.query(`SELECT count(*)::int AS n FROM audit_ledger WHERE source = 'audit_events' AND chain = $1`, [`project:${id}`]);
      expect(ledger.rows).toEqual([{ n: 2 }]);
    });
  });
});

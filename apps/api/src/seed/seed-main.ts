import 'reflect-metadata';
import { ROLE_LABELS } from '@zs/domain';
import { withDatabase } from '@zs/persistence';
import { DEFAULT_DEMO_PASSWORD, DEMO_USERS, seedDemoUsers } from './demo-users';

/**
 * Seeds the demo users into the embedded database of `npm start`:
 * `DATABASE_URL=postgres://…@127.0.0.1:54329/zhaoshang [DEMO_PASSWORD=...] node dist/apps/api/src/seed/seed-main.js`.
 * A DATABASE_URL naming any other server or database is refused. Expects the schema to be migrated already.
 */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    process.stderr.write('DATABASE_URL: is required (postgres://user:password@host:port/database)\n');
    process.exit(1);
  }
  // Demo accounts share a published password: only the embedded database of `npm start` gets them.
  if (!isEmbeddedDatabase(url, process.env.POSTGRES_PORT || '54329')) {
    process.stderr.write('refused: demo users are only seeded into the embedded database of npm start (127.0.0.1:${POSTGRES_PORT:-54329}/zhaoshang)\n');
    process.exit(1);
  }
  const password = process.env.DEMO_PASSWORD || DEFAULT_DEMO_PASSWORD;
  await withDatabase({ url, poolSize: 1, applicationName: 'zhaoshang-seed' }, async (db) => {
    const inserted = await seedDemoUsers(db, password);
    process.stdout.write(`demo users: ${inserted} inserted, ${DEMO_USERS.length - inserted} already present\n`);
    for (const u of DEMO_USERS) process.stdout.write(`  ${u.username.padEnd(10)} ${u.role.padEnd(34)} ${ROLE_LABELS[u.role]} ${u.displayName}\n`);
    if (!process.env.DEMO_PASSWORD) process.stdout.write(`password (all users): ${DEFAULT_DEMO_PASSWORD}\n`);
  });
}

/** The launcher's embedded PostgreSQL: this machine, POSTGRES_PORT, database zhaoshang (whatever the role). */
function isEmbeddedDatabase(url: string, port: string): boolean {
  try {
    const u = new URL(url);
    return ['127.0.0.1', 'localhost', '[::1]'].includes(u.hostname) && (u.port || '5432') === port && u.pathname === '/zhaoshang';
  } catch {
    return false;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`seeding failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

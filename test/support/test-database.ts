import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDataSource, runMigrations } from '@zs/persistence';
import { stackEnv } from '../setup/stack-env';

export interface TestDatabase {
  name: string;
  /** As the application role (what the code under test connects with). */
  url: string;
  /** As the superuser (only for tampering and inspection behind the engine's back). */
  superuserUrl: string;
  /** A scratch folder of this database's own (checkpoint files …). */
  dir: string;
  drop(): Promise<void>;
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** A migrated database of its own on the test stack's PostgreSQL, for a suite that must not share (or may damage) the common one. */
export async function createTestDatabase(prefix: string): Promise<TestDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  const admin = createDataSource({ url: stackEnv('superuserDatabaseUrl'), poolSize: 1 });
  await admin.initialize();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.destroy();
  }
  const superuserUrl = withDatabase(stackEnv('superuserDatabaseUrl'), name);
  await runMigrations(superuserUrl);
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  return {
    name,
    url: withDatabase(stackEnv('databaseUrl'), name),
    superuserUrl,
    dir,
    async drop() {
      const again = createDataSource({ url: stackEnv('superuserDatabaseUrl'), poolSize: 1 });
      await again.initialize();
      try {
        await again.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await again.destroy();
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

import { runMigrations } from './data-source';

/** `npm run migrate`: applies pending migrations to DATABASE_URL (production deploys run this before the apps). */
async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    process.stderr.write('DATABASE_URL is required (postgres://user:password@host:port/database)\n');
    process.exit(1);
  }
  const applied = await runMigrations(url);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
}

main().catch((err) => {
  process.stderr.write(`migration failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});

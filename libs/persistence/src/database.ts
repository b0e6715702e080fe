import { QueryFailedError, type DataSource, type EntityManager } from 'typeorm';

/**
 * The database as code outside this library holds it: made once at start-up (openDatabase, or
 * createDataSource in tests), then only passed to the functions here. Every SQL statement lives in
 * libs/persistence; ESLint refuses TypeORM imports and `.query(` calls anywhere else.
 */
export type Database = DataSource;

/** A transaction in progress, as inTransaction hands it to its work: pass it to functions that must commit together. */
export type Transaction = EntityManager;

/** Where a read or a one-statement write may run: the pool, or a caller's transaction. */
export type Queryable = Pick<DataSource, 'query'> | Pick<EntityManager, 'query'>;

/** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
export function inTransaction<T>(db: Database, work: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(work);
}

/** Whether a write failed on a unique constraint (PostgreSQL 23505), for callers that answer "already exists". */
export function isUniqueViolation(err: unknown): boolean {
  return err instanceof QueryFailedError && (err as QueryFailedError & { code?: string }).code === '23505';
}

/** The cheapest round-trip that proves the pool can reach PostgreSQL (health checks). */
export async function pingDatabase(db: Queryable): Promise<void> {
  await db.query('SELECT 1');
}

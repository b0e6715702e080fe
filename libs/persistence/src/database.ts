import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError, type DataSource, type EntityManager } from 'typeorm';

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

/** SQLSTATE classes and codes that mean "the server is not there", not "your statement is wrong". */
const UNAVAILABLE_SQLSTATES = ['57P01', '57P02', '57P03', '53300'];
const UNAVAILABLE_NODE_CODES = ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND'];
const UNAVAILABLE_MESSAGES = /Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error|terminating connection/i;

/**
 * Whether an error means PostgreSQL cannot be reached (down, restarting, out of connections),
 * which the API answers with 503 (retry later) rather than a 500. Walks the driver's causes.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  for (let e: unknown = err, depth = 0; e && typeof e === 'object' && depth < 5; depth++) {
    // A transaction whose connection died under it: TypeORM released the connection, and the
    // transaction's next statement, its commit or its rollback meets that instead of the driver's error.
    if (e instanceof QueryRunnerProviderAlreadyReleasedError || e instanceof QueryRunnerAlreadyReleasedError) return true;
    const { code, message, driverError, cause } = e as { code?: unknown; message?: unknown; driverError?: unknown; cause?: unknown };
    if (typeof code === 'string' && (UNAVAILABLE_NODE_CODES.includes(code) || UNAVAILABLE_SQLSTATES.includes(code) || code.startsWith('08'))) return true;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.test(message)) return true;
    e = driverError ?? cause;
  }
  return false;
}

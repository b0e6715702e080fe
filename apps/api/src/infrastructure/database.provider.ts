import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { checkLeastPrivilege, closeDatabase, openDatabase, type Database } from '@zs/persistence';
import { API_CONFIG } from './api-config.provider';

/**
 * What feature modules inject (`@Inject(DATABASE) db: Database`) and pass to the functions of
 * @zs/persistence; they never query it themselves (see the issue 8 rule in eslint.config.mjs).
 */
export const DATABASE = Symbol('Database');

/**
 * The one pool. Initialised before the app serves (a database that cannot be reached at
 * start-up fails the start); schema comes from migrations only.
 */
export const databaseProvider: Provider = {
  provide: DATABASE,
  inject: [API_CONFIG],
  useFactory: async (config: ApiConfig): Promise<Database> => {
    const db = await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'zhaoshang-api' });
    await checkLeastPrivilege(db, config.NODE_ENV, (m) => new Logger('Database').warn(m)).catch(async (err: unknown) => {
      await closeDatabase(db);
      throw err;
    });
    return db;
  },
};

/** The keys InfrastructureModule exports for the pool. */
export const DATABASE_KEYS = [DATABASE];

/** Closes the pool when the app closes, so tests and rolling restarts leave no connections. */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseShutdown.name);

  constructor(@Inject(DATABASE) private readonly db: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await closeDatabase(this.db).catch((err: unknown) => this.logger.warn(`closing the database pool failed: ${String(err)}`));
  }
}

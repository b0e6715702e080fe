import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { createDataSource } from '@zs/persistence';
import { DataSource } from 'typeorm';
import { API_CONFIG } from './api-config.provider';

/**
 * The one DataSource, keyed by its class. Initialised before the app serves (a database
 * that cannot be reached at start-up fails the start); schema comes from migrations only.
 */
export const databaseProvider: Provider = {
  provide: DataSource,
  inject: [API_CONFIG],
  useFactory: async (config: ApiConfig): Promise<DataSource> => {
    const dataSource = createDataSource({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'zhaoshang-api' });
    return dataSource.initialize();
  },
};

/** Closes the pool when the app closes, so tests and rolling restarts leave no connections. */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseShutdown.name);

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (!this.dataSource.isInitialized) return;
    await this.dataSource.destroy().catch((err: unknown) => this.logger.warn(`closing the database pool failed: ${String(err)}`));
  }
}

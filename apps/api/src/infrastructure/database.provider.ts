import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { configuredZones, type ApiConfig } from '@zs/config';
import { checkLeastPrivilege, closeDatabase, openDatabase, type Database } from '@zs/persistence';
import { API_CONFIG } from './api-config.provider';
import { ZoneContext } from './zones/zone-context';
import { zoneRouted } from './zones/zone-routing';

/**
 * What feature modules inject (`@Inject(DATABASE) db: Database`) and pass to the functions of
 * @zs/persistence; they never query it themselves (see the issue 8 rule in eslint.config.mjs).
 * Issue 12: it stands for the pool of the request's zone (zone-routing.ts).
 */
export const DATABASE = Symbol('Database');

/** One pool per zone, by zone code, each of whose connections sees only its zone's schema. */
export const ZONE_DATABASES = Symbol('ZoneDatabases');

export const zoneContextProvider: Provider = {
  provide: ZoneContext,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): ZoneContext => new ZoneContext(configuredZones(config)),
};

/**
 * The pools. Initialised before the app serves (a database that cannot be reached at start-up
 * fails the start); schema comes from migrations only. The pool size is per zone.
 */
export const zoneDatabasesProvider: Provider = {
  provide: ZONE_DATABASES,
  inject: [API_CONFIG, ZoneContext],
  useFactory: async (config: ApiConfig, zones: ZoneContext): Promise<Map<string, Database>> => {
    const pools = new Map<string, Database>();
    try {
      for (const zone of zones.zones) {
        const db = await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, applicationName: 'zhaoshang-api', schema: zone.schema });
        pools.set(zone.code, db);
        await checkLeastPrivilege(db, config.NODE_ENV, (m) => new Logger('Database').warn(zones.several ? `zone ${zone.code}: ${m}` : m));
      }
    } catch (err) {
      for (const db of pools.values()) await closeDatabase(db);
      throw err;
    }
    return pools;
  },
};

export const databaseProvider: Provider = {
  provide: DATABASE,
  inject: [ZoneContext, ZONE_DATABASES],
  useFactory: (zones: ZoneContext, pools: Map<string, Database>): Database => zoneRouted(zones, pools),
};

/** The keys InfrastructureModule exports for the pools. */
export const DATABASE_KEYS = [DATABASE, ZONE_DATABASES, ZoneContext];

/** Closes the pools when the app closes, so tests and rolling restarts leave no connections. */
@Injectable()
export class DatabaseShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger(DatabaseShutdown.name);

  constructor(@Inject(ZONE_DATABASES) private readonly pools: Map<string, Database>) {}

  async onApplicationShutdown(): Promise<void> {
    for (const db of this.pools.values()) {
      await closeDatabase(db).catch((err: unknown) => this.logger.warn(`closing a database pool failed: ${String(err)}`));
    }
  }
}

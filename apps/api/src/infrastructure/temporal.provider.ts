import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Client, Connection } from '@temporalio/client';
import type { ApiConfig } from '@zs/config';
import { signedDataConverter, temporalTlsFromEnv } from '@zs/temporal-codec';
import { API_CONFIG } from './api-config.provider';
import { ZoneContext } from './zones/zone-context';
import { zoneRouted } from './zones/zone-routing';

/**
 * A lazy connection: the API starts (and /health reports "degraded") while Temporal is
 * still coming up; every call made through it carries a deadline, so none waits forever.
 */
export const temporalConnectionProvider: Provider = {
  provide: Connection,
  inject: [API_CONFIG],
  useFactory: (config: ApiConfig): Connection => Connection.lazy({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsFromEnv() }),
};

/**
 * Issue 12: one client per zone (its namespace) on the one connection; what services inject
 * stands for the client of the request's zone (zone-routing.ts).
 */
export const temporalClientProvider: Provider = {
  provide: Client,
  inject: [Connection, API_CONFIG, ZoneContext],
  useFactory: (connection: Connection, config: ApiConfig, zones: ZoneContext): Client => {
    // Issue 9: every payload the API writes is signed (HMAC-SM3); the worker refuses any that is not.
    const dataConverter = signedDataConverter({ key: config.TEMPORAL_PAYLOAD_KEY, mode: config.TEMPORAL_PAYLOAD_SIGNING });
    const clients = new Map(zones.zones.map((zone) => [zone.code, new Client({ connection, namespace: zone.namespace, dataConverter })]));
    return zoneRouted(zones, clients);
  },
};

@Injectable()
export class TemporalShutdown implements OnApplicationShutdown {
  private readonly logger = new Logger(TemporalShutdown.name);

  constructor(@Inject(Connection) private readonly connection: Connection) {}

  async onApplicationShutdown(): Promise<void> {
    await this.connection.close().catch((err: unknown) => this.logger.warn(`closing the Temporal connection failed: ${String(err)}`));
  }
}

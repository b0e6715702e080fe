import { Inject, Injectable, Logger, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { Client, Connection, defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { ApiConfig } from '@zs/config';
import { signedDataConverter, temporalTlsFromEnv } from '@zs/temporal-codec';
import { API_CONFIG } from './api-config.provider';
import { ZoneContext } from './zones/zone-context';
import { zoneRouted } from './zones/zone-routing';

/**
 * The SDK's gRPC retries (its defaults), which stop being scheduled once the API shuts down. A
 * retry is a timer: one that fired after the connection closed threw "Channel has been shut down"
 * from the timer, out of every handler (seen when a step that had answered 503 was still retrying
 * its Temporal call as the API stopped). So shutdown stops new retries and waits out the ones
 * already scheduled (at most a few seconds, usually none) before closing the connection.
 */
@Injectable()
export class TemporalRetries {
  private closing = false;
  /** When the latest scheduled retry fires (epoch ms). */
  private lastRetryAt = 0;

  interceptor() {
    const defaults = defaultGrpcRetryOptions();
    return makeGrpcRetryInterceptor({
      retryableDecider: (attempt, status) => !this.closing && defaults.retryableDecider(attempt, status),
      delayFunction: (attempt, status) => {
        const delayMs = defaults.delayFunction(attempt, status);
        this.lastRetryAt = Math.max(this.lastRetryAt, Date.now() + delayMs);
        return delayMs;
      },
    });
  }

  /** Stops scheduling retries and resolves once those already scheduled have fired (at most `limitMs`). */
  async settle(limitMs = 10_000): Promise<void> {
    this.closing = true;
    const waitMs = Math.min(limitMs, this.lastRetryAt - Date.now());
    // A little past the timer, so the retry it starts is on its way before the channel closes.
    if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs + 50));
  }
}

/**
 * A lazy connection: the API starts (and /health reports "degraded") while Temporal is
 * still coming up; every call made through it carries a deadline, so none waits forever.
 */
export const temporalConnectionProvider: Provider = {
  provide: Connection,
  inject: [API_CONFIG, TemporalRetries],
  useFactory: (config: ApiConfig, retries: TemporalRetries): Connection =>
    Connection.lazy({ address: config.TEMPORAL_ADDRESS, tls: temporalTlsFromEnv(), interceptors: [retries.interceptor()] }),
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

  constructor(
    @Inject(Connection) private readonly connection: Connection,
    private readonly retries: TemporalRetries,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await this.retries.settle();
    await this.connection.close().catch((err: unknown) => this.logger.warn(`closing the Temporal connection failed: ${String(err)}`));
  }
}

import { AsyncLocalStorage } from 'node:async_hooks';
import type { Zone } from '@zs/domain';

interface ZoneStore {
  zone: Zone | null;
}

/**
 * Which zone the request in progress acts in (issue 12). Every request runs in a store of its
 * own (the middleware); the token guard, or the login for its account's zone, sets the zone
 * before anything reads the database or calls Temporal; the zone-routing pool and Temporal client
 * ask here on every call. Outside any request (start-up, health), and before the guard has
 * decided, the home zone applies.
 */
export class ZoneContext {
  private readonly storage = new AsyncLocalStorage<ZoneStore>();

  constructor(readonly zones: readonly Zone[]) {
    if (zones.length === 0) throw new Error('at least one zone is configured');
  }

  get home(): Zone {
    return this.zones[0];
  }

  get several(): boolean {
    return this.zones.length > 1;
  }

  current(): Zone {
    return this.storage.getStore()?.zone ?? this.home;
  }

  /** Express middleware: the rest of the request runs in a store of its own. */
  readonly middleware = (_req: unknown, _res: unknown, next: () => void): void => {
    this.storage.run({ zone: null }, next);
  };

  /** Sets the zone of the request in progress (the guard, the login). */
  enter(zone: Zone): void {
    const store = this.storage.getStore();
    if (!store) throw new Error('no request in progress to set the zone of');
    store.zone = zone;
  }

  /** Runs `work` in a zone, e.g. a city-wide read visiting every zone in turn. */
  runIn<T>(zone: Zone, work: () => Promise<T>): Promise<T> {
    return this.storage.run({ zone }, work);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { findAccountSession, isDatabaseUnavailable, type AccountSession, type Database } from '@zs/persistence';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { DATABASE } from '../../infrastructure/database.provider';
import { ZoneContext } from '../../infrastructure/zones/zone-context';

const MAX_ENTRIES = 10_000;
/** How old a cached account state may be and still be used while PostgreSQL cannot be reached. */
const STALE_WHILE_UNAVAILABLE_MS = 60_000;

/**
 * The account state the token guard checks on every request (active, role, token version, forced
 * password change), read from PostgreSQL and kept for AUTH_CACHE_TTL_MS at most. Logout,
 * revocation, password changes and resets in this process drop the entry at once; a change made
 * elsewhere (another API instance, SQL) is seen within the TTL.
 */
@Injectable()
export class AccountSessions {
  private readonly cache = new Map<string, { readAt: number; session: AccountSession | null }>();

  constructor(
    @Inject(DATABASE) private readonly db: Database,
    @Inject(API_CONFIG) private readonly config: ApiConfig,
    private readonly zones: ZoneContext,
  ) {}

  /** Accounts are a zone's (issue 12): the same id read in another zone is another account. */
  private key(userId: string): string {
    return `${this.zones.current().code}:${userId}`;
  }

  async get(userId: string): Promise<AccountSession | null> {
    const ttl = this.config.AUTH_CACHE_TTL_MS;
    const now = Date.now();
    const key = this.key(userId);
    const hit = this.cache.get(key);
    if (ttl > 0 && hit && now - hit.readAt < ttl) return hit.session;
    let session: AccountSession | null;
    try {
      session = await findAccountSession(this.db, userId);
    } catch (err) {
      // The database down for a moment: an entry read shortly before still stands, so the request
      // meets the outage where it uses the database (a step answers 503 with its outcome key).
      if (hit && isDatabaseUnavailable(err) && now - hit.readAt < STALE_WHILE_UNAVAILABLE_MS) return hit.session;
      throw err;
    }
    if (ttl > 0) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      this.cache.set(key, { readAt: now, session });
    }
    return session;
  }

  invalidate(userId: string): void {
    this.cache.delete(this.key(userId));
  }
}

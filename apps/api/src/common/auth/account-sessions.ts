import { Inject, Injectable } from '@nestjs/common';
import type { ApiConfig } from '@zs/config';
import { findAccountSession, type AccountSession, type Database } from '@zs/persistence';
import { API_CONFIG } from '../../infrastructure/api-config.provider';
import { DATABASE } from '../../infrastructure/database.provider';

const MAX_ENTRIES = 10_000;

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
  ) {}

  async get(userId: string): Promise<AccountSession | null> {
    const ttl = this.config.AUTH_CACHE_TTL_MS;
    const now = Date.now();
    const hit = this.cache.get(userId);
    if (ttl > 0 && hit && now - hit.readAt < ttl) return hit.session;
    const session = await findAccountSession(this.db, userId);
    if (ttl > 0) {
      if (this.cache.size >= MAX_ENTRIES) this.cache.clear();
      this.cache.set(userId, { readAt: now, session });
    }
    return session;
  }

  invalidate(userId: string): void {
    this.cache.delete(userId);
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { claimIdempotencyKey, type Database } from '@zs/persistence';
import { DATABASE } from '../../infrastructure/database.provider';

/** Remembers which request an Idempotency-Key was first used for (table idempotency_keys). */
@Injectable()
export class IdempotencyKeysRepository {
  constructor(@Inject(DATABASE) private readonly db: Database) {}

  /**
   * Claims `key` for `requestHash` in `scope`; true when it is new or was used for the same
   * request, false when it was used for a different one.
   */
  claim(scope: string, userId: string, key: string, requestHash: string): Promise<boolean> {
    return claimIdempotencyKey(this.db, scope, userId, key, requestHash);
  }
}

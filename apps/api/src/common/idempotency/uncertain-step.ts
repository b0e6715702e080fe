import { randomUUID } from 'node:crypto';
import { ERROR_CODES } from '@zs/domain';
import { isDatabaseUnavailable } from '@zs/persistence';
import { ApiException } from '../errors/api.exception';
import { IDEMPOTENCY_HEADER } from './idempotency-key';

/**
 * The key a step is sent under: the client's Idempotency-Key, or one the API makes up, so that
 * every step, keyed or not, can be asked about after a 503 (GET …/steps/:idempotencyKey).
 */
export function stepKeyOf(clientKey: string | undefined): string {
  return clientKey ?? `auto-${randomUUID()}`;
}

/**
 * A step the engine did not answer in time may still be applied later (the update waits in
 * Temporal for a worker). The 503 says so and names the key and the route that tells the outcome.
 * A database that failed first (before the update was sent) gets the same answer; the route then
 * says not_applied.
 */
export async function withOutcomeHint<T>(work: Promise<T>, key: string, outcomePath: string): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const databaseDown = isDatabaseUnavailable(err);
    if (!databaseDown && (!(err instanceof ApiException) || err.code !== ERROR_CODES.ENGINE_UNAVAILABLE)) throw err;
    const cause = databaseDown ? 'the database is unavailable（数据库暂不可用）' : (err as ApiException).message;
    throw new ApiException(
      ERROR_CODES.ENGINE_UNAVAILABLE,
      `${cause}; the step may still be applied: GET ${outcomePath}/${key} tells whether it was（步骤结果未确定，请查询）`,
      [{ field: IDEMPOTENCY_HEADER, message: key }],
      err,
    );
  }
}

import { randomUUID } from 'node:crypto';
import { ERROR_CODES, localized } from '@zs/domain';
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
    const cause = databaseDown ? localized('数据库暂不可用', 'the database is unavailable') : (err as ApiException).text;
    throw new ApiException(
      ERROR_CODES.ENGINE_UNAVAILABLE,
      localized(
        `${cause.zh}；步骤可能仍会生效，结果未确定：请查询 GET ${outcomePath}/${key}`,
        `${cause.en}; the step may still be applied: GET ${outcomePath}/${key} tells whether it was`,
      ),
      [{ field: IDEMPOTENCY_HEADER, message: localized(key, key) }],
      err,
    );
  }
}

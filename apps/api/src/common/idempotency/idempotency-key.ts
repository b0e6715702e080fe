import { createHash } from 'crypto';
import { ERROR_CODES, localized } from '@zs/domain';
import { fieldRefusal } from '../errors/api.exception';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Also the header's pattern in the OpenAPI document. */
export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{1,200}$/;

/** Absent → undefined; present → must be 1..200 characters of [A-Za-z0-9_.:-]. */
export function parseIdempotencyKey(raw: unknown): string | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !IDEMPOTENCY_KEY_PATTERN.test(raw)) {
    throw fieldRefusal(
      ERROR_CODES.VALIDATION_FAILED,
      IDEMPOTENCY_HEADER,
      localized(
        "请求头 {field} 须为 1 至 200 个字符，只能包含 A-Z、a-z、0-9、'_'、'.'、':' 或 '-'",
        "{field} header must be 1 to 200 characters of A-Z, a-z, 0-9, '_', '.', ':' or '-'",
      ),
    );
  }
  return raw;
}

/**
 * The project id for a keyed registration: the same user and key always name the same
 * project (and so the same workflow id), while two users' keys never collide. The first
 * 16 bytes of sha256(userId:key), shaped as a version-5, RFC 4122 variant UUID.
 */
export function projectIdFromIdempotencyKey(userId: string, key: string): string {
  const bytes = createHash('sha256').update(`${userId}:${key}`, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6] & 0x0f) | 0x50;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/**
 * The Temporal update id for a keyed step. Scoped to the user so two callers who happen to
 * pick the same key on one project never receive each other's result.
 */
export function updateIdFromIdempotencyKey(userId: string, key: string): string {
  return `${userId}:${key}`;
}

/** 422: the key was sent before with another body (another step, another lead). */
export const IDEMPOTENCY_REUSED = localized('该幂等键（Idempotency-Key）已用于另一请求', 'Idempotency-Key was used with a different request');

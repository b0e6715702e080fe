/**
 * What one attempt came to. `retry` is transient (network, 5xx, 408, 429, SMTP 4xx): tried again
 * after a back-off; `dead_letter` is permanent (other 4xx, SMTP 5xx): an admin has to look at it;
 * `skipped`: there is nothing to send it with.
 */
export type DeliveryOutcome =
  | { kind: 'delivered'; statusCode?: number }
  | { kind: 'retry'; error: string; statusCode?: number; retryAfterMs?: number }
  | { kind: 'dead_letter'; error: string; statusCode?: number }
  | { kind: 'skipped'; error: string };

/** HTTP statuses a receiver may answer again differently: timeouts and rate limits; 5xx are transient too. */
const TRANSIENT_4XX = new Set([408, 429]);

export function outcomeForHttpStatus(status: number, detail: string, retryAfterMs?: number): DeliveryOutcome {
  if (status >= 200 && status < 300) return { kind: 'delivered', statusCode: status };
  const error = `HTTP ${status}${detail ? `: ${detail}` : ''}`;
  if (status >= 500 || TRANSIENT_4XX.has(status)) return { kind: 'retry', error, statusCode: status, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  // 3xx (redirects are not followed: a moved endpoint is a configuration to fix) and other 4xx.
  return { kind: 'dead_letter', error, statusCode: status };
}

/** Retry-After as seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfterMs(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

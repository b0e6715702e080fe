export class TimeLimitExceededError extends Error {
  constructor(readonly limitMs: number) {
    super(`no answer within ${limitMs} ms`);
    this.name = 'TimeLimitExceededError';
  }
}

/**
 * Settles within `limitMs` whatever the work does. A gRPC deadline alone can overrun by
 * the client's retry back-off; this bounds what the HTTP caller waits. The work itself is
 * left to its own deadline, its late failure swallowed.
 */
export function withTimeLimit<T>(work: Promise<T>, limitMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeLimitExceededError(limitMs)), limitMs);
  });
  work.catch(() => undefined);
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

import { z } from 'zod';

/** An empty variable (`API_DOCS_ENABLED=` in a compose file) means unset. */
const unsetIfBlank = (v: unknown) => (v === '' ? undefined : v);
const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const count = (min: number, max: number, fallback: number) => z.preprocess(unsetIfBlank, z.coerce.number().int().min(min).max(max).default(fallback));

/**
 * Issue 9 (HTTP hardening) settings of the API. The defaults are the production ones; the test
 * harness and the benchmark raise the rate limits explicitly.
 */
export const httpHardeningEnv = {
  /** Swagger UI at /docs and the OpenAPI JSON at /docs-json; set false in production. */
  API_DOCS_ENABLED: z.preprocess(unsetIfBlank, flag.default(true)),
  /**
   * A Server-Timing header (W3C) on every answer: the API's own time and, for a step, its Temporal
   * Update and its projection write. Off by default (how long internals take is nobody's business
   * in production); `npm run bench` turns it on to split a step's latency.
   */
  API_SERVER_TIMING: z.preprocess(unsetIfBlank, flag.default(false)),
  /**
   * How many reverse proxies in front of the API to trust for X-Forwarded-For (Express `trust proxy`
   * hop count). 0: the client is the socket's peer. Set it only behind a proxy that overwrites the header.
   */
  API_TRUST_PROXY: count(0, 10, 0),
  /** The largest request body accepted (JSON or form), in KiB; more is 413. */
  API_BODY_LIMIT_KB: count(1, 10_240, 100),
  /** The deepest nesting of objects and arrays accepted in a request body; deeper is 400. */
  API_JSON_MAX_DEPTH: count(2, 256, 32),
  /** The window every rate limit counts in, in seconds. */
  RATE_LIMIT_WINDOW_SECONDS: count(1, 3600, 60),
  /** POST /auth/login per client address and username, per window. */
  RATE_LIMIT_LOGIN_PER_ACCOUNT: count(1, 1_000_000, 10),
  /** POST /auth/login per client address, whatever the username, per window. */
  RATE_LIMIT_LOGIN_PER_IP: count(1, 1_000_000, 60),
  /** Writes (POST, PUT, PATCH, DELETE) per authenticated account (per client address without one), per window. */
  RATE_LIMIT_WRITES: count(1, 10_000_000, 600),
};

export type HttpHardeningConfig = { [K in keyof typeof httpHardeningEnv]: z.infer<(typeof httpHardeningEnv)[K]> };

import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApiRequest, ApiResponse } from './api-request';

/** The parts of a request the header names (`npm run bench` reads them by these names). */
export const SERVER_TIMING_PARTS = {
  /** The Workflow Update (or update-with-start) of a step or a registration, until its answer. */
  update: 'update',
  /** The step's events written to the audit log and read models from that answer (answer-on-commit). */
  projection: 'projection',
  /** The request inside the API, from the first middleware until the headers leave. */
  app: 'app',
} as const;
export type ServerTimingPart = (typeof SERVER_TIMING_PARTS)[keyof typeof SERVER_TIMING_PARTS];

interface Timing {
  name: ServerTimingPart;
  durMs: number;
}

/** The current request's timings; none outside a request or with API_SERVER_TIMING off. */
const current = new AsyncLocalStorage<Timing[]>();

/** Runs `work`, and notes how long it took under `name` when the request is timed. */
export async function timedPart<T>(name: ServerTimingPart, work: () => Promise<T>): Promise<T> {
  const timings = current.getStore();
  if (!timings) return work();
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings.push({ name, durMs: performance.now() - started });
  }
}

export function formatServerTiming(timings: readonly Timing[]): string {
  return timings.map((t) => `${t.name};dur=${t.durMs.toFixed(1)}`).join(', ');
}

/**
 * Times the request (API_SERVER_TIMING): every part noted while it runs, and the API's own time,
 * go into one Server-Timing header, set just before the headers are written (as the on-headers
 * package does), whatever answers.
 */
export function serverTimingMiddleware(_req: ApiRequest, res: ApiResponse, next: () => void): void {
  const started = performance.now();
  const timings: Timing[] = [];
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithTiming(this: ApiResponse, ...args: Parameters<ApiResponse['writeHead']>) {
    if (!this.headersSent) this.setHeader('Server-Timing', formatServerTiming([...timings, { name: SERVER_TIMING_PARTS.app, durMs: performance.now() - started }]));
    return writeHead.apply(this, args);
  } as ApiResponse['writeHead'];
  current.run(timings, next);
}

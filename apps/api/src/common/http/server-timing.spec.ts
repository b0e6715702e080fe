import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ApiRequest } from './api-request';
import { SERVER_TIMING_PARTS, serverTimingMiddleware, timedPart } from './server-timing';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A real HTTP server whose handler runs behind the middleware, as Express runs a route behind it. */
async function serve(handler: (res: import('node:http').ServerResponse) => Promise<void>, timed = true): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const run = () => void handler(res);
    if (timed) serverTimingMiddleware(req as ApiRequest, res, run);
    else run();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

function durations(header: string | null): Record<string, number> {
  return Object.fromEntries((header ?? '').split(', ').map((e) => [e.split(';')[0], Number(e.split('dur=')[1])]));
}

describe('Server-Timing (API_SERVER_TIMING)', () => {
  let server: Server | undefined;
  afterEach(() => server?.close());

  it('names each timed part of the request with its duration, and the API\'s own time, on the answer', async () => {
    const s = await serve(async (res) => {
      await timedPart(SERVER_TIMING_PARTS.update, () => sleep(30));
      await timedPart(SERVER_TIMING_PARTS.projection, () => sleep(10));
      res.end('{}');
    });
    server = s.server;
    const res = await fetch(s.url);
    const d = durations(res.headers.get('server-timing'));
    expect(Object.keys(d)).toEqual(['update', 'projection', 'app']);
    expect(d.update).toBeGreaterThanOrEqual(29);
    expect(d.projection).toBeGreaterThanOrEqual(9);
    expect(d.app).toBeGreaterThanOrEqual(d.update + d.projection);
  });

  it('times a part that fails too, and answers with the header whatever the status', async () => {
    const s = await serve(async (res) => {
      await timedPart(SERVER_TIMING_PARTS.update, () => Promise.reject(new Error('refused'))).catch(() => undefined);
      res.statusCode = 409;
      res.end('{}');
    });
    server = s.server;
    const res = await fetch(s.url);
    expect(res.status).toBe(409);
    expect(Object.keys(durations(res.headers.get('server-timing')))).toEqual(['update', 'app']);
  });

  it('off (no middleware): no header, and timed parts just run', async () => {
    const s = await serve(async (res) => {
      res.end(String(await timedPart(SERVER_TIMING_PARTS.update, async () => 42)));
    }, false);
    server = s.server;
    const res = await fetch(s.url);
    expect(res.headers.get('server-timing')).toBeNull();
    expect(await res.text()).toBe('42');
  });
});

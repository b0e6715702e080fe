import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  /** What the receiver answered. */
  status: number;
}

export interface Reply {
  status: number;
  body?: string;
  headers?: Record<string, string>;
}

export interface WebhookReceiver {
  readonly port: number;
  /** Every request that reached the server, answered with any status. */
  received: ReceivedRequest[];
  /** Decides each answer; 200 `{"errcode":0,"errmsg":"ok"}` unless replaced. */
  respond: (req: Omit<ReceivedRequest, 'status'>) => Reply;
  url(pathAndQuery: string): string;
  /** The port closed: connections are refused until `start()`. */
  stop(): Promise<void>;
  start(): Promise<void>;
  accepted(): ReceivedRequest[];
}

export const ROBOT_OK: Reply = { status: 200, body: '{"errcode":0,"errmsg":"ok"}', headers: { 'content-type': 'application/json' } };

/** A real HTTP server on a local port that records every request and answers as told. */
export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  let server: Server | null = null;
  let port = 0;
  const receiver: WebhookReceiver = {
    get port() {
      return port;
    },
    received: [],
    respond: () => ROBOT_OK,
    url: (pathAndQuery) => `http://127.0.0.1:${port}${pathAndQuery}`,
    async stop() {
      if (!server) return;
      const closing = server;
      server = null;
      closing.closeAllConnections();
      await new Promise<void>((resolve) => closing.close(() => resolve()));
    },
    async start() {
      if (server) return;
      server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const url = new URL(req.url ?? '/', 'http://receiver');
          const request = { method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: Buffer.concat(chunks).toString('utf8') };
          const reply = receiver.respond(request);
          receiver.received.push({ ...request, status: reply.status });
          res.writeHead(reply.status, reply.headers ?? {});
          res.end(reply.body ?? '');
        });
      });
      const listening = server;
      await new Promise<void>((resolve, reject) => {
        listening.once('error', reject);
        listening.listen(port, '127.0.0.1', () => resolve());
      });
      port = (listening.address() as AddressInfo).port;
    },
    accepted() {
      return receiver.received.filter((r) => r.status >= 200 && r.status < 300);
    },
  };
  await receiver.start();
  return receiver;
}

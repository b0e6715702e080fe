import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { repoRoot, type ApiConfig } from '@zs/config';
import { existsSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join, resolve } from 'node:path';

/** The console's address: the API's own routes sit at the root, so the console lives beside them. */
export const CONSOLE_PATH = 'ui';

export function isConsolePath(url: string | undefined): boolean {
  const path = (url ?? '').split('?')[0];
  return path === `/${CONSOLE_PATH}` || path.startsWith(`/${CONSOLE_PATH}/`);
}

/** Where the built console lies, or null when it was not built (the API then says so at /ui/). */
export function consoleDir(config: Pick<ApiConfig, 'WEB_CONSOLE_DIR'>): string | null {
  const dir = config.WEB_CONSOLE_DIR ? resolve(config.WEB_CONSOLE_DIR) : join(repoRoot(), 'dist', 'web');
  return existsSync(join(dir, 'index.html')) ? dir : null;
}

type Next = (err?: unknown) => void;

/**
 * Serves the single-page console under /ui/: hashed assets cached for a year, every other
 * path under /ui/ answered with index.html (the console's router takes it from there).
 * `/` and `/login` lead people who type the bare address to the console.
 */
export function serveWebConsole(app: INestApplication, config: Pick<ApiConfig, 'WEB_CONSOLE_ENABLED' | 'WEB_CONSOLE_DIR'>): void {
  if (!config.WEB_CONSOLE_ENABLED) return;
  const express = app as NestExpressApplication;
  const redirectToConsole = (req: IncomingMessage, res: ServerResponse, next: Next) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (path !== '/' && path !== '/login' && path !== `/${CONSOLE_PATH}`) return next();
    res.statusCode = 302;
    res.setHeader('Location', path === '/login' ? `/${CONSOLE_PATH}/login` : `/${CONSOLE_PATH}/`);
    res.end();
  };
  express.use(redirectToConsole);

  const dir = consoleDir(config);
  if (!dir) {
    express.use(`/${CONSOLE_PATH}`, (_req: IncomingMessage, res: ServerResponse) => {
      res.statusCode = 503;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.end('控制台尚未构建：请运行 npm run build:web（The console has not been built: run npm run build:web）\n');
    });
    return;
  }
  express.useStaticAssets(join(dir, 'assets'), {
    prefix: `/${CONSOLE_PATH}/assets/`,
    immutable: true,
    maxAge: '365d',
    fallthrough: false,
    setHeaders: (res) => res.setHeader('Cache-Control', 'public, max-age=31536000, immutable'),
  });
  // Files of the build's root (favicon): never the index, which the fallback below answers.
  express.useStaticAssets(dir, { prefix: `/${CONSOLE_PATH}/`, index: false, maxAge: '1d' });
  const index = join(dir, 'index.html');
  express.use(`/${CONSOLE_PATH}`, (req: IncomingMessage, res: ServerResponse & { sendFile(path: string, opts: object): void }, next: Next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    // The page itself is small and names the hashed assets of the current build: always asked again.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });
}

import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { ApiConfig } from '@zs/config';
import { ERROR_CODES, localized } from '@zs/domain';
import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { fieldRefusal, type ApiException } from '../errors/api.exception';
import { isConsolePath } from '../../web-console/web-console';
import { jsonDepthExceeds } from './json-depth';

type Middleware = (req: IncomingMessage, res: ServerResponse, next: (err?: unknown) => void) => void;

/** Where the Swagger UI and its assets are served (swagger.setup.ts): the only HTML this API sends. */
export function isDocsPath(url: string | undefined, docsPath: string): boolean {
  const path = (url ?? '').split('?')[0];
  return path === `/${docsPath}` || path.startsWith(`/${docsPath}/`) || path.startsWith(`/${docsPath}-`);
}

const COMMON_HELMET = {
  // A year, subdomains included; browsers honour it only over HTTPS (the TLS proxy in production).
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  frameguard: { action: 'deny' as const },
  referrerPolicy: { policy: 'no-referrer' as const },
  crossOriginResourcePolicy: { policy: 'same-origin' as const },
};

/**
 * JSON answers: nothing may load, frame or submit anything. The Swagger UI (its own scripts,
 * inline styles, data: images, fetching /docs-json) gets just what it needs, and cannot be framed either.
 */
export const API_CSP = {
  defaultSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
};
export const DOCS_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
  // Not on plain-HTTP installations on a LAN address, where upgrading would break the page.
  upgradeInsecureRequests: null,
};

/**
 * The console (apps/web): its own scripts and styles only; Ant Design writes its styles at run
 * time (CSS-in-JS), hence inline styles; it talks to this API only and cannot be framed.
 */
export const CONSOLE_CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  fontSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  scriptSrcAttr: ["'none'"],
  upgradeInsecureRequests: null,
};

/** Security headers on every answer, errors and unknown routes included (helmet; X-Powered-By removed). */
export function securityHeaders(docsPath: string): Middleware {
  const forApi = helmet({ ...COMMON_HELMET, contentSecurityPolicy: { useDefaults: false, directives: API_CSP } });
  const forDocs = helmet({ ...COMMON_HELMET, contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
  const forConsole = helmet({ ...COMMON_HELMET, contentSecurityPolicy: { useDefaults: false, directives: CONSOLE_CSP } });
  return (req, res, next) => {
    if (isDocsPath(req.url, docsPath)) return forDocs(req, res, next);
    if (isConsolePath(req.url)) return forConsole(req, res, next);
    // Answers carry personal and project data: no browser or proxy keeps a copy.
    res.setHeader('Cache-Control', 'no-store');
    return forApi(req, res, next);
  };
}

export function bodyTooDeep(maxDepth: number): ApiException {
  return fieldRefusal(ERROR_CODES.VALIDATION_FAILED, 'body', localized(`{field}嵌套层级不能超过 ${maxDepth} 层`, `{field} must not be nested deeper than ${maxDepth} levels`));
}

/**
 * The body parsers, registered before Nest's defaults (which then stand aside): a size limit
 * (413) and a nesting limit checked on the raw text before JSON.parse runs (400 naming body),
 * so no handler, pipe or guard ever sees a body too deep to walk.
 */
export function configureBodyParsers(app: INestApplication, config: Pick<ApiConfig, 'API_BODY_LIMIT_KB' | 'API_JSON_MAX_DEPTH'>): void {
  const limit = config.API_BODY_LIMIT_KB * 1024;
  const maxDepth = config.API_JSON_MAX_DEPTH;
  const express = app as NestExpressApplication;
  const verify = (_req: IncomingMessage, _res: ServerResponse, buf: Buffer, encoding: string) => {
    const text = !encoding || encoding === 'utf-8' ? buf.toString('utf8') : new TextDecoder(encoding).decode(buf);
    // Thrown here, body-parser hands it on with its status (400): the filter sends the envelope.
    if (jsonDepthExceeds(text, maxDepth)) throw bodyTooDeep(maxDepth);
  };
  // Nest types `verify` out of the options (it uses it for rawBody, which this API does not ask for).
  express.useBodyParser('json', { limit, verify } as { limit: number });
  // qs refuses (400) a form nested deeper than `depth` (strictDepth in body-parser 2).
  express.useBodyParser('urlencoded', { limit, extended: true, depth: maxDepth } as { limit: number });
}

/** Behind a reverse proxy, req.ip (rate limits, security events) is read from X-Forwarded-For, trusting that many hops. */
export function configureTrustProxy(app: INestApplication, hops: number): void {
  if (hops > 0) (app as NestExpressApplication).set('trust proxy', hops);
}

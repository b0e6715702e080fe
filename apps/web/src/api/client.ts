import createClient, { type Middleware } from 'openapi-fetch';
import { ZONE_HEADER, zoneHeaderFor } from '../logic/zones';
import { ApiError } from './api-error';
import type { paths } from './schema';

/**
 * The typed client, generated from the API's committed OpenAPI document (`npm run web:client`):
 * a route or field the API does not have fails the console's type check.
 */
export const api = createClient<paths>({ baseUrl: '' });

interface ApiSession {
  token(): string | null;
  locale(): string;
  /** A 401 on an authenticated call: the session is over. */
  expired(): void;
  /** The signed-in user's role, home zone and the zone a city role (市领导) chose to view (issue 12). */
  role?(): string | null;
  homeZone?(): string | null;
  viewedZone?(): string | null;
}

let session: ApiSession = { token: () => null, locale: () => 'zh-CN', expired: () => undefined };

export function bindApiSession(next: ApiSession): void {
  session = next;
}

/** X-ZS-Zone for this request, or null: a city role's reads of the zone it views (logic/zones.ts says which). */
function zoneHeader(method: string, url: string): string | null {
  const path = new URL(url, 'http://console.invalid').pathname;
  return zoneHeaderFor({ method, path, role: session.role?.() ?? null, viewedZone: session.viewedZone?.() ?? null, homeZone: session.homeZone?.() ?? null });
}

const authAndLanguage: Middleware = {
  onRequest({ request }) {
    const token = session.token();
    if (token) request.headers.set('Authorization', `Bearer ${token}`);
    request.headers.set('Accept-Language', session.locale());
    const zone = zoneHeader(request.method, request.url);
    if (zone) request.headers.set(ZONE_HEADER, zone);
    else request.headers.delete(ZONE_HEADER);
    return request;
  },
  onResponse({ request, response }) {
    if (response.status === 401 && request.headers.has('Authorization')) session.expired();
    return response;
  },
};
api.use(authAndLanguage);

/** The data of a call, or an ApiError (the envelope, or status 0 when the server could not be reached). */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  let result: { data?: T; error?: unknown; response: Response };
  try {
    result = await call;
  } catch (err) {
    throw new ApiError(0, 'NETWORK', err instanceof Error ? err.message : String(err));
  }
  if (!result.response.ok) throw ApiError.fromEnvelope(result.response.status, result.error);
  return result.data as T;
}

/** A file the API answers (CSV, XLSX, history export), saved under the name it gives or `fallbackName`. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const headers: Record<string, string> = { 'Accept-Language': session.locale() };
  const token = session.token();
  if (token) headers.Authorization = `Bearer ${token}`;
  const zone = zoneHeader('GET', path);
  if (zone) headers[ZONE_HEADER] = zone;
  const response = await fetch(path, { headers });
  if (!response.ok) throw ApiError.fromEnvelope(response.status, await response.json().catch(() => null));
  const disposition = response.headers.get('Content-Disposition') ?? '';
  const named = /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1];
  const blob = await response.blob();
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = named ? decodeURIComponent(named) : fallbackName;
  document.body.appendChild(link);
  link.click();
  link.remove();
  URL.revokeObjectURL(link.href);
}

/** A minimal JSON client for the bench; any non-2xx aborts the run with the answer. */
export class HttpClient {
  constructor(private readonly baseUrl: string) {}

  async json<T>(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<T> {
    return (await this.request<T>(method, path, body, token, headers)).body;
  }

  /** The answer with its headers (the bench reads Server-Timing). */
  async request<T>(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<{ body: T; headers: Headers }> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return { body: JSON.parse(text) as T, headers: res.headers };
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.json<{ accessToken: string }>('POST', '/auth/login', { username, password })).accessToken;
  }
}

/** `update;dur=43.2, projection;dur=13.1, app;dur=61.0` → { update: 43.2, projection: 13.1, app: 61.0 }. */
export function parseServerTiming(header: string | null): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const entry of (header ?? '').split(',')) {
    const [name, ...params] = entry.trim().split(';');
    const dur = params.map((p) => p.trim()).find((p) => p.startsWith('dur='));
    if (name && dur) parts[name] = (parts[name] ?? 0) + Number(dur.slice(4));
  }
  return parts;
}

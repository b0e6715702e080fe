/** The running engine's HTTP API as the demo seed uses it: JSON in and out, a clear error on anything unexpected. */
export interface ApiAnswer {
  status: number;
  body: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- the API's JSON, read loosely by the seed
}

export class DemoSeedError extends Error {}

export class DemoZoneClient {
  private readonly tokens = new Map<string, string>();

  constructor(
    readonly baseUrl: string,
    private readonly password: string,
  ) {}

  /** Logs the demo user in once; later calls reuse the token. */
  async as(username: string): Promise<string> {
    const known = this.tokens.get(username);
    if (known) return known;
    const res = await this.request('POST', '/auth/login', { body: { username, password: this.password } });
    if (res.status !== 200 && res.status !== 201) {
      throw new DemoSeedError(`login as ${username} failed (${res.status} ${res.body?.code ?? ''}): the demo users of the embedded database are needed (DEMO_PASSWORD if you changed it)`);
    }
    this.tokens.set(username, res.body.accessToken);
    return res.body.accessToken;
  }

  /** One call; `ok` lists the statuses the caller handles itself (anything else throws, naming the route and the answer). */
  async call(username: string, method: string, path: string, opts: { body?: unknown; key?: string; ok?: number[] } = {}): Promise<ApiAnswer> {
    const token = await this.as(username);
    const res = await this.request(method, path, { body: opts.body, token, key: opts.key });
    const accepted = opts.ok ?? [200, 201, 204];
    if (!accepted.includes(res.status)) {
      const detail = res.body && typeof res.body === 'object' ? `${res.body.code ?? ''} ${res.body.message ?? ''} ${JSON.stringify(res.body.details ?? [])}` : String(res.body);
      throw new DemoSeedError(`${method} ${path} as ${username}: ${res.status} ${detail}`);
    }
    return res;
  }

  /** Raw request; a 429 (rate limit) waits as told and tries again. */
  async request(method: string, path: string, opts: { body?: unknown; token?: string; key?: string } = {}): Promise<ApiAnswer> {
    for (let attempt = 0; ; attempt++) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.key) headers['idempotency-key'] = opts.key;
      if (opts.body !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(this.baseUrl + path, { method, headers, body: opts.body === undefined ? undefined : JSON.stringify(opts.body) });
      const text = await res.text();
      let body: unknown = text;
      try {
        body = text ? JSON.parse(text) : null;
      } catch {
        // not JSON: kept as text for the error message
      }
      if (res.status === 429 && attempt < 20) {
        const wait = Math.min(60, Number(res.headers.get('retry-after')) || 5);
        await new Promise((r) => setTimeout(r, wait * 1000));
        continue;
      }
      return { status: res.status, body };
    }
  }
}

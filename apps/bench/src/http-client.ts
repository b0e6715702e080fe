/** A minimal JSON client for the bench; any non-2xx aborts the run with the answer. */
export class HttpClient {
  constructor(private readonly baseUrl: string) {}

  async json<T>(method: string, path: string, body?: unknown, token?: string, headers: Record<string, string> = {}): Promise<T> {
    const res = await fetch(this.baseUrl + path, {
      method,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text) as T;
  }

  async login(username: string, password: string): Promise<string> {
    return (await this.json<{ accessToken: string }>('POST', '/auth/login', { username, password })).accessToken;
  }
}

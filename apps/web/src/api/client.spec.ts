import { api, bindApiSession } from './client';

/** The headers each request left with, through the console's real middleware (a fake fetch answers). */
async function sent(call: (options: { baseUrl: string; fetch: (request: Request) => Promise<Response> }) => Promise<unknown>): Promise<Headers> {
  let headers: Headers | undefined;
  const fetch = async (request: Request) => {
    headers = request.headers;
    return new Response('{}', { status: 200, headers: { 'Content-Type': 'application/json' } });
  };
  await call({ baseUrl: 'http://console.test', fetch });
  return headers!;
}

function signedIn(role: string, viewedZone: string | null, homeZone = 'default') {
  bindApiSession({ token: () => 't0k', locale: () => 'zh-CN', expired: () => undefined, role: () => role, homeZone: () => homeZone, viewedZone: () => viewedZone });
}

describe('the API client middleware (issue 12: X-ZS-Zone)', () => {
  it('a city role viewing another zone sends it on reads of that zone, with the token and language', async () => {
    signedIn('city_leadership', 'gaoxin');
    const headers = await sent((o) => api.GET('/projects', { ...o, params: { query: {} } }));
    expect([headers.get('X-ZS-Zone'), headers.get('Authorization'), headers.get('Accept-Language')]).toEqual(['gaoxin', 'Bearer t0k', 'zh-CN']);
  });

  it('not on writes, nor on reads of its own inbox or of the city table', async () => {
    signedIn('city_leadership', 'gaoxin');
    expect((await sent((o) => api.POST('/auth/logout', o))).get('X-ZS-Zone')).toBeNull();
    expect((await sent((o) => api.GET('/notifications/unread-count', o))).get('X-ZS-Zone')).toBeNull();
    expect((await sent((o) => api.GET('/kpis/city', { ...o, params: { query: {} } }))).get('X-ZS-Zone')).toBeNull();
  });

  it('never for another role, nor for a city role back in its own zone', async () => {
    signedIn('zone_leadership', 'gaoxin');
    expect((await sent((o) => api.GET('/projects', { ...o, params: { query: {} } }))).get('X-ZS-Zone')).toBeNull();
    signedIn('city_leadership', null);
    expect((await sent((o) => api.GET('/projects', { ...o, params: { query: {} } }))).get('X-ZS-Zone')).toBeNull();
    signedIn('city_leadership', 'default');
    expect((await sent((o) => api.GET('/projects', { ...o, params: { query: {} } }))).get('X-ZS-Zone')).toBeNull();
  });
});

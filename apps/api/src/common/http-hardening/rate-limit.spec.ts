import { RATE_LIMITS, rateLimitBucket, rateLimitedMessage, throttlers } from './rate-limit';

const login = { method: 'POST', isLogin: true, ip: '10.0.0.7' };

describe('rateLimitBucket', () => {
  it('counts logins per address and username (case and blanks ignored), and per address', () => {
    expect(rateLimitBucket(RATE_LIMITS.loginAccount, { ...login, username: ' Officer ' })).toBe('login|10.0.0.7|officer');
    expect(rateLimitBucket(RATE_LIMITS.loginAccount, { ...login, username: 'officer' })).toBe(rateLimitBucket(RATE_LIMITS.loginAccount, { ...login, username: 'OFFICER' }));
    expect(rateLimitBucket(RATE_LIMITS.loginAccount, { ...login, username: 'officer' })).not.toBe(rateLimitBucket(RATE_LIMITS.loginAccount, { ...login, ip: '10.0.0.8', username: 'officer' }));
    expect(rateLimitBucket(RATE_LIMITS.loginAccount, { ...login, username: { deep: true } })).toBe('login|10.0.0.7|');
    expect(rateLimitBucket(RATE_LIMITS.loginIp, { ...login, username: 'a' })).toBe(rateLimitBucket(RATE_LIMITS.loginIp, { ...login, username: 'b' }));
  });

  it('leaves the login route out of the write limit, and other routes out of the login limits', () => {
    expect(rateLimitBucket(RATE_LIMITS.writes, login)).toBeNull();
    expect(rateLimitBucket(RATE_LIMITS.loginAccount, { method: 'POST', isLogin: false, ip: '10.0.0.7' })).toBeNull();
    expect(rateLimitBucket(RATE_LIMITS.loginIp, { method: 'POST', isLogin: false, ip: '10.0.0.7' })).toBeNull();
  });

  it('counts writes per account, per address without one, and never reads', () => {
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE', 'delete']) {
      expect(rateLimitBucket(RATE_LIMITS.writes, { method, isLogin: false, ip: '10.0.0.7', userId: 'u1' })).toBe('writes|user:u1');
    }
    expect(rateLimitBucket(RATE_LIMITS.writes, { method: 'POST', isLogin: false, ip: '10.0.0.9', userId: 'u1' })).toBe('writes|user:u1');
    expect(rateLimitBucket(RATE_LIMITS.writes, { method: 'POST', isLogin: false, ip: '10.0.0.7' })).toBe('writes|ip:10.0.0.7');
    for (const method of ['GET', 'HEAD', 'OPTIONS']) {
      expect(rateLimitBucket(RATE_LIMITS.writes, { method, isLogin: false, ip: '10.0.0.7', userId: 'u1' })).toBeNull();
    }
  });

  it('knows no other limit', () => {
    expect(rateLimitBucket('default', login)).toBeNull();
  });
});

describe('the limits', () => {
  it('take their numbers and window from the configuration', () => {
    const config = { RATE_LIMIT_WINDOW_SECONDS: 30, RATE_LIMIT_LOGIN_PER_ACCOUNT: 3, RATE_LIMIT_LOGIN_PER_IP: 7, RATE_LIMIT_WRITES: 11 };
    expect(throttlers(config).map(({ name, ttl, limit }) => ({ name, ttl, limit }))).toEqual([
      { name: 'login-account', ttl: 30_000, limit: 3 },
      { name: 'login-ip', ttl: 30_000, limit: 7 },
      { name: 'writes', ttl: 30_000, limit: 11 },
    ]);
  });

  it('answer in English and Chinese with the wait', () => {
    expect(rateLimitedMessage(42)).toEqual({ zh: '请求过于频繁，请 42 秒后重试', en: 'too many requests; retry after 42 s' });
  });
});

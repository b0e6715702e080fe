import { ConfigError, loadApiConfig } from './env';

const base = { DATABASE_URL: 'postgres://zs:zs@localhost:5432/zs', JWT_SECRET: 's'.repeat(32), TEMPORAL_PAYLOAD_KEY: 'k'.repeat(32) };

/** The problems naming one of the identity variables (other variables are other suites' business). */
function identityProblems(env: Record<string, string>): string[] {
  try {
    loadApiConfig({ ...base, ...env });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.filter((p) => /^(LOGIN_|AUTH_CACHE)/.test(p));
    throw err;
  }
  return [];
}

describe('api config: identity (lockout, failure delay, token guard cache)', () => {
  it('accepts the defaults and small test values (fractions of a minute)', () => {
    expect(identityProblems({})).toEqual([]);
    expect(identityProblems({ LOGIN_MAX_FAILURES: '3', LOGIN_LOCKOUT_MINUTES: '0.05', LOGIN_FAILURE_DELAY_MS: '0', AUTH_CACHE_TTL_MS: '0' })).toEqual([]);
  });

  it.each([
    ['LOGIN_MAX_FAILURES', '0'],
    ['LOGIN_MAX_FAILURES', '2.5'],
    ['LOGIN_MAX_FAILURES', 'five'],
    ['LOGIN_LOCKOUT_MINUTES', '0'],
    ['LOGIN_LOCKOUT_MINUTES', '-15'],
    ['LOGIN_LOCKOUT_MINUTES', '100000'],
    ['LOGIN_FAILURE_DELAY_MS', '60000'],
    ['AUTH_CACHE_TTL_MS', '-1'],
    ['AUTH_CACHE_TTL_MS', '600000'],
  ])('stops the start-up on %s=%s, naming the variable', (name, value) => {
    expect(identityProblems({ [name]: value })).toEqual([expect.stringMatching(new RegExp(`^${name}: `))]);
  });
});

import { z } from 'zod';
import { httpHardeningEnv } from './http-hardening-env';

const schema = z.object(httpHardeningEnv);

describe('the HTTP hardening settings', () => {
  it('default to the production values', () => {
    expect(schema.parse({})).toEqual({
      API_DOCS_ENABLED: true,
      API_SERVER_TIMING: false,
      API_TRUST_PROXY: 0,
      API_BODY_LIMIT_KB: 100,
      API_JSON_MAX_DEPTH: 32,
      RATE_LIMIT_WINDOW_SECONDS: 60,
      RATE_LIMIT_LOGIN_PER_ACCOUNT: 10,
      RATE_LIMIT_LOGIN_PER_IP: 60,
      RATE_LIMIT_WRITES: 600,
    });
  });

  it('reads explicit values, a blank one meaning unset', () => {
    expect(schema.parse({ API_DOCS_ENABLED: 'false', API_SERVER_TIMING: 'true', RATE_LIMIT_WRITES: '5', API_JSON_MAX_DEPTH: '', API_TRUST_PROXY: '1' })).toMatchObject({
      API_DOCS_ENABLED: false,
      API_SERVER_TIMING: true,
      RATE_LIMIT_WRITES: 5,
      API_JSON_MAX_DEPTH: 32,
      API_TRUST_PROXY: 1,
    });
  });

  it.each([
    ['API_DOCS_ENABLED', 'yes'],
    ['API_SERVER_TIMING', '1'],
    ['RATE_LIMIT_WRITES', '0'],
    ['RATE_LIMIT_LOGIN_PER_IP', '1.5'],
    ['RATE_LIMIT_WINDOW_SECONDS', 'abc'],
    ['API_BODY_LIMIT_KB', '0'],
    ['API_JSON_MAX_DEPTH', '1000'],
    ['API_TRUST_PROXY', '-1'],
  ])('refuses %s=%s naming it', (name, value) => {
    const result = schema.safeParse({ [name]: value });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual([name]);
  });
});

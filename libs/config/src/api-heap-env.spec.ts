import { ConfigError, loadApiConfig } from './env';

const base = { DATABASE_URL: 'postgres://zs:zs@localhost:5432/zs', JWT_SECRET: 's'.repeat(32), TEMPORAL_PAYLOAD_KEY: 'k'.repeat(32) };

function heapProblems(value: string): string[] {
  try {
    loadApiConfig({ ...base, API_HEAP_GROWING_PERCENT: value });
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.filter((p) => p.startsWith('API_HEAP_GROWING_PERCENT'));
    throw err;
  }
  return [];
}

describe('api config: API_HEAP_GROWING_PERCENT (issue 12, the API heap)', () => {
  it('is 50 unless set (an empty value is unset); 0 leaves the growth to V8', () => {
    expect(loadApiConfig(base).API_HEAP_GROWING_PERCENT).toBe(50);
    expect(loadApiConfig({ ...base, API_HEAP_GROWING_PERCENT: '' }).API_HEAP_GROWING_PERCENT).toBe(50);
    expect(loadApiConfig({ ...base, API_HEAP_GROWING_PERCENT: '0' }).API_HEAP_GROWING_PERCENT).toBe(0);
  });

  it.each(['-1', '401', '12.5', 'half'])('refuses %s at start-up, naming the variable', (value) => {
    expect(heapProblems(value)).toHaveLength(1);
  });
});

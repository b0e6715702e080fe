import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadApiConfig, loadWorkerConfig } from './env';
import { loadReconcilerConfig } from './reconciler-env';

const base = { DATABASE_URL: 'postgres://zs:zs@localhost:5432/zs', JWT_SECRET: 'j'.repeat(32) };

function problemsOf(load: () => unknown): string[] {
  try {
    load();
  } catch (err) {
    if (err instanceof ConfigError) return err.problems;
    throw err;
  }
  return [];
}

describe('config: the Temporal payload key (issue 9)', () => {
  it('is required by the API and the worker', () => {
    expect(problemsOf(() => loadApiConfig(base))).toEqual([expect.stringMatching(/^TEMPORAL_PAYLOAD_KEY: is required/)]);
    expect(problemsOf(() => loadWorkerConfig(base))).toEqual([expect.stringMatching(/^TEMPORAL_PAYLOAD_KEY: is required/)]);
  });

  it('must be at least 32 bytes (UTF-8 bytes, not characters)', () => {
    expect(problemsOf(() => loadApiConfig({ ...base, TEMPORAL_PAYLOAD_KEY: 'k'.repeat(31) }))).toEqual(['TEMPORAL_PAYLOAD_KEY: must be at least 32 bytes']);
    // 11 characters of 3 bytes each: 33 bytes.
    expect(loadApiConfig({ ...base, TEMPORAL_PAYLOAD_KEY: '招'.repeat(11) }).TEMPORAL_PAYLOAD_KEY).toBe('招'.repeat(11));
  });

  it('enforces signatures unless told to accept unsigned payloads', () => {
    const key = 'k'.repeat(32);
    expect(loadWorkerConfig({ ...base, TEMPORAL_PAYLOAD_KEY: key }).TEMPORAL_PAYLOAD_SIGNING).toBe('enforce');
    expect(loadWorkerConfig({ ...base, TEMPORAL_PAYLOAD_KEY: key, TEMPORAL_PAYLOAD_SIGNING: 'accept-unsigned' }).TEMPORAL_PAYLOAD_SIGNING).toBe('accept-unsigned');
    expect(problemsOf(() => loadApiConfig({ ...base, TEMPORAL_PAYLOAD_KEY: key, TEMPORAL_PAYLOAD_SIGNING: 'off' }))).toEqual([
      'TEMPORAL_PAYLOAD_SIGNING: must be enforce or accept-unsigned',
    ]);
  });

  it('the reconciler falls back to the key and mode npm start keeps in its data folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zs-key-'));
    writeFileSync(join(dir, 'temporal-payload.key'), `${'e'.repeat(64)}\n`);
    writeFileSync(join(dir, 'temporal-payload-signing'), 'accept-unsigned\n');
    expect(loadReconcilerConfig({ DATA_DIR: dir })).toMatchObject({ TEMPORAL_PAYLOAD_KEY: 'e'.repeat(64), TEMPORAL_PAYLOAD_SIGNING: 'accept-unsigned' });
    expect(loadReconcilerConfig({ DATA_DIR: dir, TEMPORAL_PAYLOAD_KEY: 'x'.repeat(40) })).toMatchObject({ TEMPORAL_PAYLOAD_KEY: 'x'.repeat(40), TEMPORAL_PAYLOAD_SIGNING: 'enforce' });
  });
});

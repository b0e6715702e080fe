import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readSupervisorHealth } from './supervisor-status';

describe('readSupervisorHealth (GET /health under npm start)', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'zs-health-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('shows each child with its restarts, last exit and uptime start, and nothing else', async () => {
    const file = join(dir, 'supervisor.json');
    writeFileSync(
      file,
      JSON.stringify({
        pid: 10,
        state: 'running',
        startedAt: '2026-11-30T10:00:00.000Z',
        updatedAt: '2026-11-30T10:05:00.000Z',
        secret: 'not shown',
        children: {
          worker: {
            state: 'running',
            pid: 42,
            restarts: 2,
            since: '2026-11-30T10:04:00.000Z',
            lastExit: { code: null, signal: 'SIGKILL', at: '2026-11-30T10:03:59.000Z' },
            nextRestartAt: null,
            lastError: 'x',
          },
          api: { state: 'running', pid: 43, restarts: 0, since: '2026-11-30T10:00:01.000Z', lastExit: null, nextRestartAt: null },
        },
      }),
    );
    expect(await readSupervisorHealth(file)).toEqual({
      state: 'running',
      updatedAt: '2026-11-30T10:05:00.000Z',
      children: {
        worker: {
          state: 'running',
          pid: 42,
          restarts: 2,
          since: '2026-11-30T10:04:00.000Z',
          lastExit: { code: null, signal: 'SIGKILL', at: '2026-11-30T10:03:59.000Z' },
          nextRestartAt: null,
        },
        api: { state: 'running', pid: 43, restarts: 0, since: '2026-11-30T10:00:01.000Z', lastExit: null, nextRestartAt: null },
      },
    });
  });

  it('says unknown when the file is missing or not JSON', async () => {
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{');
    for (const file of [join(dir, 'missing.json'), broken]) {
      expect(await readSupervisorHealth(file)).toEqual({ state: 'unknown', updatedAt: null, children: {} });
    }
  });
});

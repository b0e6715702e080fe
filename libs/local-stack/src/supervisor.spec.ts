import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProcess, type ManagedProcess } from './managed-process';
import { restartDelayMs, Supervisor, type SupervisorStatus } from './supervisor';

const FAST = { initialMs: 100, maxMs: 400, resetAfterMs: 60_000 };

async function until<T>(what: string, probe: () => T | undefined, timeoutMs = 10_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

describe('restartDelayMs', () => {
  it('doubles from 1 s to at most 30 s', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map((n) => restartDelayMs(n))).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });
});

describe('Supervisor', () => {
  let dir: string;
  let supervisor: Supervisor | undefined;
  const lines: string[] = [];
  const statusFile = () => join(dir, 'supervisor.json');
  const fileStatus = (): SupervisorStatus => JSON.parse(readFileSync(statusFile(), 'utf8')) as SupervisorStatus;
  /** A long-running child that exits on SIGTERM after `stopDelayMs`. */
  const sleeper = (name: string, stopDelayMs = 0) => (): Promise<ManagedProcess> =>
    Promise.resolve(
      startProcess(name, process.execPath, ['-e', `process.on('SIGTERM', () => setTimeout(() => process.exit(0), ${stopDelayMs})); setInterval(() => {}, 1000);`], {
        logFile: join(dir, `${name}.log`),
      }),
    );

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zs-supervisor-'));
    lines.length = 0;
  });
  afterEach(async () => {
    await supervisor?.stop([], 3000);
    supervisor = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts a killed child with growing back-off, counts it in the status file and leaves the others alone', async () => {
    supervisor = new Supervisor({ statusFile: statusFile(), log: (m) => lines.push(m), backoff: FAST });
    const first = await supervisor.add({ name: 'worker', start: sleeper('worker'), stopGraceMs: 2000 });
    const other = await supervisor.add({ name: 'api', start: sleeper('api'), stopGraceMs: 2000 });
    supervisor.running();
    expect(fileStatus()).toMatchObject({ state: 'running', children: { worker: { state: 'running', pid: first.pid, restarts: 0, lastExit: null } } });

    process.kill(first.pid, 'SIGKILL');
    const second = await until('the first restart', () => (fileStatus().children.worker.restarts === 1 ? supervisor!.current('worker')! : undefined));
    expect(second.pid).not.toBe(first.pid);
    expect(fileStatus().children.worker).toMatchObject({ state: 'running', pid: second.pid, lastExit: { code: null, signal: 'SIGKILL' } });

    process.kill(second.pid, 'SIGKILL');
    await until('the second restart', () => (fileStatus().children.worker.restarts === 2 ? true : undefined));
    expect(lines).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^worker exited unexpectedly \(signal SIGKILL\)/),
        'restarting worker in 0.1 s (attempt 1 in a row)',
        'restarting worker in 0.2 s (attempt 2 in a row)',
      ]),
    );
    expect(fileStatus().children.api).toMatchObject({ state: 'running', pid: other.pid, restarts: 0, lastExit: null });
    expect(other.running).toBe(true);
  });

  it('keeps trying a child that fails to start again, with the error in the status file', async () => {
    supervisor = new Supervisor({ statusFile: statusFile(), log: (m) => lines.push(m), backoff: FAST });
    let attempts = 0;
    const good = sleeper('temporal');
    const first = await supervisor.add({
      name: 'temporal',
      stopGraceMs: 2000,
      start: () => (attempts++ === 0 || attempts > 3 ? good() : Promise.reject(new Error('port in use'))),
    });
    process.kill(first.pid, 'SIGKILL');
    await until('the restart after two failed attempts', () => (fileStatus().children.temporal.restarts === 1 ? true : undefined));
    expect(lines).toEqual(
      expect.arrayContaining(['temporal failed to restart: port in use', 'restarting temporal in 0.2 s (attempt 2 in a row)', 'restarting temporal in 0.4 s (attempt 3 in a row)']),
    );
    expect(fileStatus().children.temporal).toMatchObject({ state: 'running', lastError: null });
  });

  it('stops children in the given order, each waited for, and restarts nothing while stopping', async () => {
    supervisor = new Supervisor({ statusFile: statusFile(), backoff: FAST });
    const exits: string[] = [];
    for (const name of ['postgres', 'temporal', 'worker', 'api']) {
      const proc = await supervisor.add({ name, start: sleeper(name, 150), stopGraceMs: 2000 });
      void proc.exited.then(() => exits.push(name));
    }
    await supervisor.stop(['api', 'worker', 'temporal', 'postgres'], 8000);
    expect(exits).toEqual(['api', 'worker', 'temporal', 'postgres']);
    await new Promise((r) => setTimeout(r, 300));
    const status = fileStatus();
    expect(status.state).toBe('stopped');
    expect(Object.values(status.children).map((c) => [c.state, c.pid, c.restarts])).toEqual(Array(4).fill(['stopped', null, 0]));
  });

  it('SIGKILLs a child that ignores the stop signal once its grace is over', async () => {
    supervisor = new Supervisor({ statusFile: statusFile(), backoff: FAST });
    const stubborn = await supervisor.add({
      name: 'worker',
      stopGraceMs: 300,
      start: () => Promise.resolve(startProcess('worker', process.execPath, ['-e', "process.on('SIGTERM', () => {}); setInterval(() => {}, 1000);"], { logFile: join(dir, 'w.log') })),
    });
    await new Promise((r) => setTimeout(r, 200));
    const started = Date.now();
    await supervisor.stop([], 5000);
    expect(await stubborn.exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(__dirname, '../../..');

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function until(what: string, probe: () => boolean, timeoutMs: number): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** What a killed `jest` or launcher leaves behind: nothing. */
describe('orphan reaper', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'zs-reaper-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('stops the process groups of a parent that was SIGKILLed, and removes its registered folder', async () => {
    const scratch = join(dir, 'scratch');
    mkdirSync(scratch);
    const entry = join(dir, 'parent.ts');
    writeFileSync(
      entry,
      `import { startProcess } from ${JSON.stringify(join(ROOT, 'libs/local-stack/src/managed-process'))};
       import { removeOnOrphan } from ${JSON.stringify(join(ROOT, 'libs/local-stack/src/orphan-reaper'))};
       const p = startProcess('server', process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { logFile: ${JSON.stringify(join(dir, 'server.log'))} });
       removeOnOrphan(${JSON.stringify(scratch)});
       setTimeout(() => process.stdout.write(String(p.pid) + '\\n'), 300);
       setInterval(() => {}, 1000);`,
    );
    const parent = spawn(process.execPath, [join(ROOT, 'test/support/run-ts.cjs'), entry], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
    const serverPid = await new Promise<number>((done, fail) => {
      parent.stdout!.once('data', (chunk: Buffer) => done(Number(chunk.toString().trim())));
      parent.once('exit', (code) => fail(new Error(`parent exited early (${code})`)));
    });
    expect(alive(serverPid)).toBe(true);

    parent.kill('SIGKILL');
    await until('the orphaned server to be stopped', () => !alive(serverPid), 10_000);
    await until('the scratch folder to be removed', () => !existsSync(scratch), 5_000);
  });
});

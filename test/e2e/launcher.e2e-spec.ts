import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DEFAULT_DEMO_PASSWORD } from '@zs/api';
import { freePort, guardProcessGroup, portAcceptsConnections, releaseProcessGroup, type SupervisorStatus } from '@zs/local-stack';
import { eventually } from '../support/eventually';
import { sampleLead } from '../support/sample-lead';

const ROOT = resolve(__dirname, '../..');
const LAUNCHER = join(ROOT, 'dist/apps/launcher/src/main.js');
/** Sources the built launcher is made of: a dist older than any of them is rebuilt first. */
const LAUNCHER_SOURCES = ['apps/launcher/src', 'libs/local-stack/src', 'apps/api/src/modules/health', 'libs/config/src'];

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** `npm run build` unless dist/ holds a launcher newer than its sources (and the workflow bundle). */
function ensureBuilt(): void {
  const built = existsSync(LAUNCHER) && existsSync(join(ROOT, 'dist/workflow-bundle.js')) ? statSync(LAUNCHER).mtimeMs : 0;
  if (built > Math.max(...LAUNCHER_SOURCES.map((d) => newestMtime(join(ROOT, d))))) return;
  execFileSync('npm', ['run', 'build', '--silent'], { cwd: ROOT, stdio: 'ignore', timeout: 300_000 });
}

interface Launched {
  child: ChildProcess;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

const isGone = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return false;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH';
  }
};

/**
 * `npm start` as a user runs it, after `npm run build`: `node dist/apps/launcher/src/main.js` with
 * its data in a temporary folder and free ports, interrupted with SIGINT (a second one forcing),
 * with its worker SIGKILLed in between. Each launch is ~10–20 s on the 2-core machine.
 */
describe('npm start (the built launcher)', () => {
  let dataDir: string;
  let ports: { temporal: number; ui: number; postgres: number; api: number };
  let env: NodeJS.ProcessEnv;
  let current: Launched | null = null;
  let projectId: string;
  let companyName: string;

  const apiUrl = () => `http://127.0.0.1:${ports.api}`;
  const status = (): SupervisorStatus => JSON.parse(readFileSync(join(dataDir, 'supervisor.json'), 'utf8')) as SupervisorStatus;
  const childPids = () => Object.values(status().children).map((c) => c.pid).filter((p): p is number => p !== null);

  async function launch(): Promise<Launched> {
    const child = spawn(process.execPath, [LAUNCHER], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // Should this test process die, the launcher is stopped (SIGTERM, its orderly stop) like any server.
    guardProcessGroup(child.pid!, { signal: 'SIGTERM', graceMs: 16_000, leaderOnly: true });
    let out = '';
    child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    child.stderr!.on('data', (c: Buffer) => (out += c.toString('utf8')));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
      child.once('exit', (code, signal) => {
        releaseProcessGroup(child.pid!);
        done({ code, signal });
      }),
    );
    const launched: Launched = { child, output: () => out, exited };
    current = launched;
    await eventually(
      'the launcher to report the engine running',
      async () => {
        if (child.exitCode !== null) throw new Error(`launcher exited (${child.exitCode}):\n${out}`);
        return out.includes('press Ctrl-C to stop') ? true : undefined;
      },
      120_000,
    ).catch((err: Error) => {
      throw new Error(`${err.message}\n--- launcher output ---\n${out.slice(-5000)}`);
    });
    return launched;
  }

  async function http(method: string, path: string, token?: string, body?: unknown): Promise<{ status: number; body: any }> {
    const res = await fetch(apiUrl() + path, {
      method,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  const login = async (username: string): Promise<string> => {
    const res = await http('POST', '/auth/login', undefined, { username, password: DEFAULT_DEMO_PASSWORD });
    expect(res.status).toBe(200);
    return res.body.accessToken as string;
  };

  async function expectAllGone(pids: number[]): Promise<void> {
    await eventually('every child process to be gone', async () => (pids.every(isGone) ? true : undefined), 5_000).catch(() => undefined);
    expect(pids.filter((p) => !isGone(p))).toEqual([]);
    for (const [name, port] of Object.entries(ports)) expect({ name, inUse: await portAcceptsConnections(port) }).toEqual({ name, inUse: false });
  }

  beforeAll(async () => {
    ensureBuilt();
    dataDir = mkdtempSync(join(tmpdir(), 'zhaoshang-launcher-'));
    const [temporal, ui, postgres, api] = await Promise.all([freePort(), freePort(), freePort(), freePort()]);
    ports = { temporal, ui, postgres, api };
    env = {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATA_DIR: dataDir,
      TEMPORAL_PORT: String(temporal),
      TEMPORAL_UI_PORT: String(ui),
      POSTGRES_PORT: String(postgres),
      API_PORT: String(api),
    };
  }, 360_000);

  afterAll(async () => {
    // Whatever failed: no launcher (and so no child) outlives the file.
    if (current && current.child.exitCode === null && current.child.signalCode === null) {
      const pids = childPids();
      process.kill(current.child.pid!, 'SIGINT');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([current.exited, new Promise((r) => (timer = setTimeout(r, 16_000)))]);
      clearTimeout(timer);
      for (const pid of [current.child.pid!, ...pids]) {
        try {
          process.kill(-pid, 'SIGKILL');
        } catch {
          // Gone.
        }
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  }, 30_000);

  it('restarts a SIGKILLed worker with back-off, counts it in GET /health, and the API keeps answering', async () => {
    await launch();
    const officer = await login('officer');
    companyName = `株洲启动器测试有限公司${Date.now() % 100_000}`;
    const created = await http('POST', '/leads', officer, sampleLead({ companyName }));
    expect(created.status).toBe(201);
    projectId = created.body.id as string;

    const health = await http('GET', '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'ok', checks: { database: 'up', temporal: 'up' }, supervisor: { state: 'running' } });
    expect(Object.keys(health.body.supervisor.children).sort()).toEqual(['api', 'postgres', 'temporal', 'worker']);
    const worker = health.body.supervisor.children.worker;
    expect(worker).toMatchObject({ state: 'running', restarts: 0, lastExit: null });

    process.kill(worker.pid as number, 'SIGKILL');
    // While the worker is down and coming back, the API answers reads.
    const auditor = await login('auditor');
    const after = await eventually(
      'the worker to be restarted and counted',
      async () => {
        const read = await http('GET', `/projects/${projectId}`, auditor);
        expect(read.status).toBe(200);
        const res = await http('GET', '/health');
        const w = res.body.supervisor?.children?.worker;
        return w?.state === 'running' && w.restarts === 1 ? res.body : undefined;
      },
      20_000,
    );
    expect(after.supervisor.children.worker).toMatchObject({ restarts: 1, lastExit: { code: null, signal: 'SIGKILL' } });
    expect(after.supervisor.children.worker.pid).not.toBe(worker.pid);
    expect(Date.parse(after.supervisor.children.worker.since)).toBeGreaterThan(Date.parse(worker.since));
    // The others were left alone.
    for (const name of ['api', 'postgres', 'temporal']) {
      expect(after.supervisor.children[name]).toMatchObject({ restarts: 0, pid: health.body.supervisor.children[name].pid });
    }
    expect(current!.output()).toMatch(/worker exited unexpectedly \(signal SIGKILL\)/);
    expect(current!.output()).toMatch(/restarting worker in 1\.0 s/);

    // The new worker does the work: a step that needs the workflow goes through.
    const taskForce = await login('taskforce');
    const decided = await eventually(
      'the restarted worker to take the decision',
      async () => {
        const res = await http('POST', `/projects/${projectId}/intake-decision`, taskForce, { action: 'accept' });
        return res.status === 200 ? res : undefined;
      },
      30_000,
    );
    expect(decided.body.stage).toBe('negotiation');
  });

  it('restarts a lost PostgreSQL and Temporal dev server on the same data and port', async () => {
    const before = (await http('GET', '/health')).body.supervisor.children;
    process.kill(before.postgres.pid as number, 'SIGKILL');
    process.kill(before.temporal.pid as number, 'SIGKILL');
    const after = await eventually(
      'PostgreSQL and Temporal to be restarted and the engine healthy again',
      async () => {
        const res = await http('GET', '/health');
        const c = res.body.supervisor?.children;
        return res.status === 200 && c?.postgres?.restarts === 1 && c?.temporal?.restarts === 1 && c.postgres.state === 'running' && c.temporal.state === 'running'
          ? res.body
          : undefined;
      },
      40_000,
    );
    expect(after).toMatchObject({ status: 'ok', checks: { database: 'up', temporal: 'up' } });
    expect(after.supervisor.children.postgres.lastExit).toMatchObject({ signal: 'SIGKILL' });
    expect(after.supervisor.children.temporal.lastExit).toMatchObject({ signal: 'SIGKILL' });
    expect(current!.output()).toMatch(/postgres restarted \(pid \d+, restart 1\)/);
    expect(current!.output()).toMatch(/temporal restarted \(pid \d+, restart 1\)/);

    // Same data: the project is there, in the stage the decision put it in; and the engine takes new work.
    const auditor = await login('auditor');
    const project = await eventually('the project to be readable', async () => {
      const res = await http('GET', `/projects/${projectId}`, auditor);
      return res.status === 200 ? res.body : undefined;
    });
    expect(project).toMatchObject({ id: projectId, stage: 'negotiation' });
    const officer = await login('officer');
    const registered = await eventually(
      'a new lead to be registered through the restarted Temporal',
      async () => {
        const res = await http('POST', '/leads', officer, sampleLead());
        return res.status === 201 ? res : undefined;
      },
      30_000,
    );
    expect(registered.body.stage).toBe('intake');
  });

  it('stops everything on SIGINT within 15 s: no child left, no port in use', async () => {
    const launched = current!;
    const pids = childPids();
    expect(pids).toHaveLength(4);
    const started = Date.now();
    process.kill(launched.child.pid!, 'SIGINT');
    const exit = await launched.exited;
    const tookMs = Date.now() - started;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(tookMs).toBeLessThan(15_000);
    expect(launched.output()).toMatch(/\[launcher\] stopped in/);
    await expectAllGone(pids);
    expect(status()).toMatchObject({ state: 'stopped' });
  });

  it('starts again on the same data: the project registered before is there; a second Ctrl-C forces the stop', async () => {
    const launched = await launch();
    const auditor = await login('auditor');
    const project = await http('GET', `/projects/${projectId}`, auditor);
    expect(project.status).toBe(200);
    expect(project.body).toMatchObject({ id: projectId, stage: 'negotiation' });
    expect(project.body.lead.companyName).toBe(companyName);
    const health = await http('GET', '/health');
    expect(health.body.supervisor.children.worker).toMatchObject({ state: 'running', restarts: 0 });

    const pids = childPids();
    const started = Date.now();
    process.kill(launched.child.pid!, 'SIGINT');
    await new Promise((r) => setTimeout(r, 200));
    process.kill(launched.child.pid!, 'SIGINT');
    const exit = await launched.exited;
    expect(exit).toEqual({ code: 130, signal: null });
    expect(Date.now() - started).toBeLessThan(3_000);
    expect(launched.output()).toMatch(/killing every child process now/);
    await expectAllGone(pids);
  });
});

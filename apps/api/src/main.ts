import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import * as path from 'node:path';
import { migrate, resolveDatabase } from '@farmlink/database';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './configure-app';
import { DemoSeedService } from './demo/demo-seed.service';
import { validateEnv } from './config/env.validation';
import { loadOrCreateJwtSecret } from './config/jwt-secret-file';

async function main(): Promise<void> {
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

  let app: NestFastifyApplication | undefined;
  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    console.log(`[farmlink] ${signal}: finishing in-flight requests, then stopping`);
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
    const env = validateEnv(process.env);
    if (env.MIGRATE_ON_START) {
      // One process at a time across the cluster (an advisory lock); the others wait, then find nothing to do.
      const applied = await migrate(env.DATABASE_URL);
      if (applied.length > 0) console.log(`[farmlink] applied migrations: ${applied.join(', ')}`);
    }
    app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(), createFastifyAdapter(env), {
      rawBody: true,
      bufferLogs: true,
    });
    await configureApp(app, env);
    await app.listen(env.PORT, env.HOST);
    console.log(`[farmlink] listening on http://localhost:${env.PORT} (API docs: http://localhost:${env.PORT}/api/docs)`);
    if (database.embedded && env.SEED_DEMO) {
      // After listening, so /api/health answers at once; the demo market appears a few seconds later.
      app
        .get(DemoSeedService)
        .seedIfFirstStart()
        .catch((err: Error) => console.error(`[farmlink] demo seed failed: ${err.message}`));
    }
  } catch (err) {
    console.error(`[farmlink] could not start: ${(err as Error).message}`);
    await app?.close().catch(() => undefined);
    await database.stop();
    process.exit(1);
  }
}

void main().catch((err) => {
  console.error(`[farmlink] could not start: ${(err as Error).message}`);
  process.exit(1);
});

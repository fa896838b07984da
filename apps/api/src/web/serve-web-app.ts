import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** Where `npm run build:web` puts the web app (apps/web/dist), from the repository root. */
export function defaultWebDistDir(): string {
  // From the sources (ts-jest) and from the Nest build (dist/apps/api/apps/api/src/web) alike.
  const candidates = [path.resolve(__dirname, '../../../web/dist'), path.resolve(__dirname, '../../../../../../../apps/web/dist'), path.resolve(process.cwd(), 'apps/web/dist')];
  return candidates.find((dir) => existsSync(path.join(dir, 'index.html'))) ?? candidates[candidates.length - 1];
}

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';

/**
 * Serves the built web app (apps/web/dist) from the API's own address:
 * hashed files under /assets/ are cached for a year, everything else is
 * revalidated, and any other GET that is not /api/* answers index.html so the
 * client-side routes (/listings/…, /farm/…) work on reload. Unknown /api/*
 * routes still reach Nest's not-found handler and keep their JSON 404.
 * Without a build the API runs alone and says how to get the web app.
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  options: { distDir?: string; log?: (message: string) => void } = {},
): Promise<boolean> {
  const distDir = options.distDir ?? defaultWebDistDir();
  const indexFile = path.join(distDir, 'index.html');
  const log = options.log ?? ((message: string) => console.log(message));
  if (!existsSync(indexFile)) {
    log(`[farmlink] web app not built (${indexFile} is missing): serving the API only. Run "npm run build:web" to serve the web app too.`);
    return false;
  }

  await app.register(fastifyStatic, {
    root: distDir,
    prefix: '/',
    // One route per built file (no catch-all), so the SPA fallback below can own "/*".
    wildcard: false,
    // Another plugin (e.g. photo uploads) may register @fastify/static too.
    decorateReply: false,
    // The build writes .br and .gz beside each asset: weak networks get the small one.
    preCompressed: true,
    cacheControl: false,
    setHeaders: (res: FastifyReply | { setHeader(name: string, value: string): void }, filePath: string) => {
      const value = filePath.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE;
      if ('header' in res) res.header('Cache-Control', value);
      else res.setHeader('Cache-Control', value);
    },
  });

  const indexHtml = readFileSync(indexFile);
  const fastify = app.getHttpAdapter().getInstance();
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.raw.url ?? '/';
    // The API's unknown routes keep the contract's JSON 404; so do missing files.
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || url.startsWith('/assets/')) {
      return reply.callNotFound();
    }
    return reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').send(indexHtml);
  });
  return true;
}

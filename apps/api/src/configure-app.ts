import fastifyCompress from '@fastify/compress';
import helmet from 'helmet';
import { ValidationPipe } from '@nestjs/common';
import { constants as zlib } from 'node:zlib';
import { CatalogService, type ListingQueryDto } from '@farmlink/catalog';
import { CooperativesService } from '@farmlink/cooperatives';
import { randomUUID } from 'node:crypto';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { HttpExceptionFilter } from './common/http-exception.filter';
import { useInputGuards } from './common/input-guards';
import type { Env } from './config/env.validation';
import { serveWebApp } from './web/serve-web-app';
import { linkPageSource } from './web/link-page-source';
import { corsOrigins } from './web/idn';

/**
 * helmet's security headers (CSP, HSTS, nosniff, frame options, …), computed
 * once: they are the same for every answer, and setting a ready-made set is
 * far cheaper than running helmet's middleware on each request.
 */
export const SECURITY_HEADERS: Record<string, string> = (() => {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: unknown) => void (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => void delete headers[name.toLowerCase()],
  };
  helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'", 'https://js.stripe.com'],
        frameSrc: ["'self'", 'https://js.stripe.com', 'https://hooks.stripe.com'],
        connectSrc: ["'self'", 'https://api.stripe.com'],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
      },
    },
    crossOriginResourcePolicy: { policy: 'same-site' },
  })({} as never, res as never, () => undefined);
  return headers;
})();

/** The Fastify adapter with FarmLink's server limits; used by main.ts and the tests. */
export function createFastifyAdapter(env: Pick<Env, 'BODY_LIMIT_BYTES' | 'TRUST_PROXY'>): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    // Slow or stalled clients are cut off instead of holding sockets for ever.
    connectionTimeout: 60_000,
    requestTimeout: 30_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    // Every request gets an id: the caller's X-Request-Id when it is sane, else a UUID.
    requestIdHeader: false,
    genReqId: (req: { headers: Record<string, string | string[] | undefined> }) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && /^[\w-]{1,64}$/.test(incoming) ? incoming : randomUUID();
    },
  });
}

/**
 * Everything that makes the HTTP surface what the contract says it is.
 * main.ts and createTestApp() both call this, so tests exercise the real setup.
 */
export async function configureApp(app: NestFastifyApplication, env: Env): Promise<void> {
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');

  app.useGlobalPipes(
    new ValidationPipe({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      transformOptions: { enableImplicitConversion: false },
      stopAtFirstError: false,
    }),
  );
  app.useGlobalFilters(new HttpExceptionFilter());

  // An internationalised domain may be written in Unicode (https://农场.中国): browsers send the
  // Origin header in punycode (https://xn--...), so each origin is matched in its ASCII form.
  const origins = corsOrigins(env.CORS_ORIGINS);
  if (origins.length > 0) {
    app.enableCors({
      origin: origins,
      credentials: false,
      allowedHeaders: ['Authorization', 'Content-Type', 'Idempotency-Key', 'X-Request-Id'],
      exposedHeaders: ['X-Request-Id', 'Retry-After'],
      maxAge: 600,
    });
  } // else no CORS headers at all: browsers allow same-origin calls only.

  // Answers above 1 KB (JSON, CSV, index.html) go out brotli- or gzip-compressed when the client
  // accepts it: a search page of 24 listings is ~27 KB of JSON, 2-3 KB compressed. Brotli at quality 4 costs about
  // what gzip does. Registered before every route (Nest adds its routes at listen). Request bodies
  // are not decompressed (globalDecompression off): nothing sends compressed bodies.
  // The built web app's assets are already compressed (.br/.gz beside them) and pass through as they are.
  await app.register(fastifyCompress as never, {
    global: true,
    globalDecompression: false,
    encodings: ['br', 'gzip'],
    threshold: 1024,
    brotliOptions: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });

  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', (req, reply, done) => {
    void reply.headers(SECURITY_HEADERS);
    void reply.header('X-Request-Id', req.id);
    done();
  });
  // JSON nested deeper than 32 levels and strings holding U+0000 are 400 on every route.
  useInputGuards(app, env);
  // CSV and plain-text bodies arrive as strings (e.g. a list of county codes).
  fastify.addContentTypeParser(['text/csv', 'text/plain'], { parseAs: 'string' }, (_req, body, done) => done(null, body));

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('FarmLink API')
      .setDescription(
        'Rural e-commerce marketplace: farmers and cooperatives list produce, buyers check out and pay, ' +
          'programme officers pull per-county sales reports. Money is in integer minor units (fen).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json', useGlobalPrefix: false });

  // The built web app (apps/web/dist) on the same address, with index.html for client routes.
  // `/` carries the shop's first page of listings as HTML (readable before the JavaScript arrives)
  // and as JSON for the app to start from; WEB_PRERENDER=false turns it off.
  const catalog = app.get(CatalogService);
  await serveWebApp(app, {
    log: (m) => app.get(Logger).log(m),
    prerender: env.WEB_PRERENDER === false ? undefined : (query) => catalog.searchJson(query as ListingQueryDto),
    // /listings/<slug>, /farms/<slug>, /cooperatives/<slug>: Open Graph heads for link cards, 301 from ids and old slugs.
    linkPages: linkPageSource(catalog, app.get(CooperativesService)),
    publicUrl: env.PUBLIC_WEB_URL,
  });
}

import fastifyStatic from '@fastify/static';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { FIRST_PAGE_QUERY, firstScreenLang, firstScreenMarket, inlineStylesheets, withFirstScreen, type FirstPageQuery, type FirstScreenLang } from './first-screen';
import type { LinkPageSource } from './link-page-source';
import { LINK_PREFIX, LINK_TEXT, linkPath, siteOrigin, withPageHead, type LinkKind } from './link-pages';

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
 *
 * With `prerender`, `GET /` (the shop's front page, nothing filtered) answers
 * index.html with the first page of listings already in it as HTML, the same
 * page as JSON for the app to start from, and the stylesheet inlined, so a slow
 * connection shows listings after one round trip instead of after the
 * JavaScript (first-screen.ts). `/?prerender=0` answers the plain index.html
 * (the slow-network benchmark's baseline).
 */
export async function serveWebApp(
  app: NestFastifyApplication,
  options: {
    distDir?: string;
    log?: (message: string) => void;
    /** The shop's first page as the JSON text GET /api/listings answers (the catalog's cached page). */
    prerender?: (query: FirstPageQuery) => Promise<string>;
    /** Readable links (/listings/<slug>, /farms/<slug>, /cooperatives/<slug>): Open Graph heads and 301s (link-pages.ts). */
    linkPages?: LinkPageSource;
    /** PUBLIC_WEB_URL when set: the origin of absolute links (og:url, canonical); else the request's host. */
    publicUrl?: string;
  } = {},
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
    // "/" is the SPA route below (prerendered), not a static file.
    index: false,
    cacheControl: false,
    setHeaders: (res: FastifyReply | { setHeader(name: string, value: string): void }, filePath: string) => {
      const value = filePath.includes(`${path.sep}assets${path.sep}`) ? IMMUTABLE : REVALIDATE;
      if ('header' in res) res.header('Cache-Control', value);
      else res.setHeader('Cache-Control', value);
    },
  });

  const indexHtml = readFileSync(indexFile);
  const firstScreen = options.prerender ? firstScreenRenderer(indexHtml.toString('utf8'), distDir, options.prerender, log) : undefined;
  const fastify = app.getHttpAdapter().getInstance();
  if (options.linkPages) {
    const source = options.linkPages;
    const html = indexHtml.toString('utf8');
    for (const kind of Object.keys(LINK_PREFIX) as LinkKind[]) {
      fastify.get(`${LINK_PREFIX[kind]}:key`, async (request: FastifyRequest, reply: FastifyReply) => {
        // Fastify has decoded the percent-encoding: the key is the slug (or id) as stored.
        const key = (request.params as { key: string }).key;
        const url = request.raw.url ?? '';
        const search = url.includes('?') ? url.slice(url.indexOf('?')) : '';
        const lang = firstScreenLang(request.headers);
        let page;
        try {
          page = await source(kind, key, lang);
        } catch (err) {
          log(`[farmlink] ${LINK_PREFIX[kind]} page sent without its head tags: ${(err as Error).message}`);
          page = { kind: 'plain' as const };
        }
        if (page.kind === 'redirect') {
          // The canonical link, percent-encoded; the query string goes along.
          return reply.code(301).header('Cache-Control', 'public, max-age=3600').header('Location', linkPath(kind, page.slug) + search).send();
        }
        reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8');
        // Unknown or not public: the app's page as for every client route (200; the app says what is wrong).
        if (page.kind === 'notFound' || page.kind === 'plain') return reply.send(indexHtml);
        const origin = siteOrigin(options.publicUrl, { protocol: request.protocol, host: request.host });
        return reply.header('Vary', 'Accept-Language, Cookie').send(withPageHead(html, lang, origin, page.meta, LINK_TEXT[lang].siteName));
      });
    }
  }
  fastify.get('/*', (request: FastifyRequest, reply: FastifyReply) => {
    const url = request.raw.url ?? '/';
    // The API's unknown routes keep the contract's JSON 404; so do missing files.
    if (url === '/api' || url.startsWith('/api/') || url.startsWith('/api?') || url.startsWith('/assets/')) {
      return reply.callNotFound();
    }
    if (firstScreen && url === '/') {
      const lang = firstScreenLang(request.headers);
      return firstScreen(lang, firstScreenMarket(request.headers)).then((html) =>
        reply
          .header('Cache-Control', REVALIDATE)
          .header('Vary', 'Accept-Language, Cookie')
          .type('text/html; charset=utf-8')
          .send(html ?? indexHtml),
      );
    }
    return reply.header('Cache-Control', REVALIDATE).type('text/html; charset=utf-8').send(indexHtml);
  });
  return true;
}

/**
 * index.html with the first page of listings for `lang`, or undefined when the
 * page cannot be had (the plain index.html is sent then: the app loads it
 * itself). The HTML is kept while the catalog answers the same JSON text (it
 * caches the page for a second), so a busy front page costs one render a second.
 */
function firstScreenRenderer(
  indexHtml: string,
  distDir: string,
  loadPage: (query: FirstPageQuery) => Promise<string>,
  log: (message: string) => void,
): (lang: FirstScreenLang, market?: string) => Promise<string | undefined> {
  const template = inlineStylesheets(indexHtml, (href) => {
    const file = path.join(distDir, href);
    return file.startsWith(distDir + path.sep) && existsSync(file) ? readFileSync(file, 'utf8') : undefined;
  });
  const last = new Map<string, { json: string; html: string | undefined }>();
  const render = async (lang: FirstScreenLang, market?: string): Promise<string | undefined> => {
    const query: FirstPageQuery = market ? { ...FIRST_PAGE_QUERY, market } : FIRST_PAGE_QUERY;
    let json: string;
    try {
      json = await loadPage(query);
    } catch (err) {
      // A market this deployment does not serve (an old cookie): every market's page, as without one.
      if (market) return render(lang);
      log(`[farmlink] shop front page sent without listings: ${(err as Error).message}`);
      return undefined;
    }
    const key = `${lang}|${market ?? ''}`;
    const cached = last.get(key);
    if (cached && cached.json === json) return cached.html;
    const html = withFirstScreen(template, lang, json, query);
    last.set(key, { json, html });
    return html;
  };
  return render;
}

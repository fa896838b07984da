import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { useTestApp } from '@farmlink/testing';
import { ensureWebBuilt } from './browser';

describe('The API serves the web app', () => {
  beforeAll(() => ensureWebBuilt());
  const t = useTestApp();

  it('answers index.html at / and at client routes, revalidated on every visit', async () => {
    for (const url of ['/', '/listings/3f8a6e2c-0000-4000-8000-000000000000', '/farm/listings/new', '/officer?from=2026-01-01']) {
      const res = await t.http().get(url).expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      // `/` comes with the shop's first page already inside the root element (first-screen.e2e-spec.ts).
      expect(res.text).toMatch(url === '/' ? /<div id="root"><div class="app">/ : /<div id="root"><\/div>/);
      expect(res.headers['cache-control']).toBe('no-cache');
    }
  });

  it('serves hashed assets for a year, compressed for clients that accept it', async () => {
    const html = (await t.http().get('/').expect(200)).text;
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const plain = await t.http().get(script!).set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(plain.headers['content-type']).toMatch(/javascript/);
    const br = await t.http().get(script!).set('Accept-Encoding', 'br, gzip').buffer(true).parse((res, cb) => {
      res.on('data', () => undefined);
      res.on('end', () => cb(null, null));
    });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
  });

  it('keeps the contract JSON 404 for unknown API routes and missing assets', async () => {
    const api = await t.http().get('/api/no-such-thing').expect(404);
    expect(api.body).toMatchObject({ statusCode: 404, error: 'Not Found' });
    const post = await t.http().post('/api/no-such-thing').send({}).expect(404);
    expect(post.body).toMatchObject({ statusCode: 404 });
    await t.http().get('/assets/missing-file.js').expect(404);
    await t.http().get('/api').expect(404);
  });

  it('still answers the API and its docs', async () => {
    await t.http().get('/api/health').expect(200);
    const docs = await t.http().get('/api/docs-json').expect(200);
    expect(docs.body.paths['/api/auth/register']).toBeDefined();
  });

  it('sends a CSP that the app keeps to: scripts from itself and Stripe only', async () => {
    const res = await t.http().get('/').expect(200);
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self' https://js.stripe.com");
    // No inline scripts (the shop's first page comes as a JSON data block, which is never run).
    expect(res.text).not.toMatch(/<script(?![^>]*\b(?:src=|type="application\/json"))[^>]*>/);
  });

  it('keeps the first load of the shop within 150 KB of gzipped JS and CSS', () => {
    const out = execFileSync(process.execPath, [path.resolve(__dirname, '../../bench/web-size.mjs'), '--json'], { encoding: 'utf8' });
    const { firstLoadGzipBytes, lazy } = JSON.parse(out);
    expect(firstLoadGzipBytes).toBeLessThanOrEqual(150 * 1024);
    // The chart library is not in the first load: it comes with the officer's dashboard.
    expect(lazy.some((c: { file: string }) => /DashboardPage/.test(c.file))).toBe(true);
  });
});

import { readFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import * as path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { COUNTIES, createUser, TestUser } from '@farmlink/testing';
import { FIRST_PAGE_ELEMENT_ID, FIRST_SCREEN_TEXT, escapeHtml, jsonForScript, langFromAcceptLanguage, renderShopFirstScreen } from '../../apps/api/src/web/first-screen';
import { DESKTOP, PHONE, screenshot, useBrowserApp, settledValue } from './browser';

/*
 * #16 item 14: on a slow rural connection the shop must be readable before its
 * JavaScript arrives. GET / carries the first page of listings as HTML (and as
 * JSON for the app), and API answers are compressed. bench/slow-network.mjs
 * measures the effect on a throttled connection.
 */

/** A GET without any decoding: status, headers and the bytes as sent. */
function rawGet(url: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

const XSS_TITLE = '</script><img src=x onerror=alert(1)>';
/** The embedded first page, read from the HTML as the app reads it. */
function embeddedPage(html: string): { query: unknown; page: { items: { title: string; id: string }[]; total: number } } {
  const m = new RegExp(`<script type="application/json" id="${FIRST_PAGE_ELEMENT_ID}">([^<]*)</script>`).exec(html);
  expect(m).not.toBeNull();
  return JSON.parse(m![1]);
}

describe('Slow connections: compressed answers and a shop readable before its JavaScript (#16 item 14)', () => {
  const spec = useBrowserApp(['GET /api/listings']);
  const { t, open } = spec;
  let farmer: TestUser;
  const titles = { kiwi: '桐梓红心猕猴桃 5斤装', xss: XSS_TITLE, last: '雷山银球茶 250克' };

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '王芳', countyCode: COUNTIES.tongzi });
    const create = (title: string, priceCents: number, stock = 40) =>
      t.http().post('/api/listings').set(farmer.auth).send({ title, category: 'fruit', unit: '箱', netWeightGrams: 2500, priceCents, stock, description: '高山果园现摘，'.repeat(20) }).expect(201);
    // Enough listings for the search page to be several kilobytes; newest first, so the tea comes first.
    for (let i = 0; i < 8; i++) await create(`${titles.kiwi} #${i + 1}`, 4800 + i, 50);
    await create(titles.xss, 999);
    await create(titles.last, 6800, 30);
  });

  describe('compression', () => {
    it('sends a large JSON answer brotli- or gzip-compressed by Accept-Encoding, decoding to the same JSON', async () => {
      const url = `${t.url}/api/listings?pageSize=24`;
      const plain = await rawGet(url);
      expect(plain.status).toBe(200);
      expect(plain.headers['content-encoding']).toBeUndefined();
      expect(plain.body.length).toBeGreaterThan(4000);
      const json = JSON.parse(plain.body.toString('utf8'));
      expect(json.items.length).toBe(10);

      const gz = await rawGet(url, { 'Accept-Encoding': 'gzip' });
      expect(gz.headers['content-encoding']).toBe('gzip');
      expect(gz.headers['vary']).toMatch(/accept-encoding/i);
      expect(gz.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(gunzipSync(gz.body).toString('utf8'))).toEqual(json);

      const br = await rawGet(url, { 'Accept-Encoding': 'gzip, deflate, br' });
      expect(br.headers['content-encoding']).toBe('br');
      expect(br.body.length).toBeLessThan(plain.body.length / 3);
      expect(JSON.parse(brotliDecompressSync(br.body).toString('utf8'))).toEqual(json);
    });

    it('leaves small answers, and clients that accept no encoding, uncompressed', async () => {
      const small = await rawGet(`${t.url}/api/health`, { 'Accept-Encoding': 'gzip, br' });
      expect(small.status).toBe(200);
      expect(small.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(small.body.toString('utf8'))).toMatchObject({ status: expect.any(String) });
      const identity = await rawGet(`${t.url}/api/listings`, { 'Accept-Encoding': 'identity' });
      expect(identity.headers['content-encoding']).toBeUndefined();
      expect(JSON.parse(identity.body.toString('utf8')).total).toBe(10);
      // Errors stay readable JSON as well.
      const bad = await rawGet(`${t.url}/api/listings?pageSize=abc`, { 'Accept-Encoding': 'gzip' });
      expect(bad.status).toBe(400);
    });

    it('compresses the front page HTML', async () => {
      const res = await rawGet(`${t.url}/`, { 'Accept-Encoding': 'br', 'Accept-Language': 'zh-CN' });
      expect(res.headers['content-encoding']).toBe('br');
      expect(brotliDecompressSync(res.body).toString('utf8')).toContain(escapeHtml(titles.last));
    });
  });

  describe('the front page HTML (no JavaScript run)', () => {
    it('holds the first listing’s title and price, its photo slot, and the same page as JSON', async () => {
      const res = await t.http().get('/').set('Accept-Language', 'zh-CN,zh;q=0.9').expect(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      const html = res.text;
      const root = /<div id="root">([\s\S]*?)<\/div>\s*<noscript>/.exec(html)?.[1] ?? '';
      // Newest first: the tea, ¥68.00 a box, then the listing with the bad title, then the kiwis.
      expect(root).toMatch(/<h3 class="listing-card__title">雷山银球茶 250克<\/h3><p class="listing-card__price"><strong>¥68\.00<\/strong><span class="muted"> \/ 箱<\/span>/);
      expect(root).toContain('产地直发，新鲜到家');
      expect(root).toContain('共 10 件商品');
      expect(root).toContain('折合 ¥27.20/公斤');
      expect(html).toContain('<html lang="zh-CN"');
      // The stylesheet comes inside the page (no second round trip before the first paint).
      expect(html).toMatch(/<style data-href="\/assets\/[^"]+\.css">/);
      expect(html).not.toMatch(/<link rel="stylesheet"/);
      // The app starts from the same page GET /api/listings answers (no second request).
      const api = await t.http().get('/api/listings?page=1&pageSize=24&sort=newest').expect(200);
      const embedded = embeddedPage(html);
      expect(embedded.query).toEqual({ page: 1, pageSize: 24, sort: 'newest' });
      expect(embedded.page).toEqual(api.body);
    });

    it('speaks English to browsers that do not ask for Chinese', async () => {
      const html = (await t.http().get('/').set('Accept-Language', 'en-US,en;q=0.9').expect(200)).text;
      expect(html).toContain('<html lang="en"');
      expect(html).toContain('Fresh from the farm, straight to you');
      expect(html).toContain('10 items');
      expect(html).toContain('¥27.20/kg');
      expect(html).toContain('In stock');
    });

    it('speaks the language the user chose in the app (its farmlink.lang cookie) over the browser’s', async () => {
      const en = (await t.http().get('/').set('Accept-Language', 'zh-CN').set('Cookie', 'other=1; farmlink.lang=en').expect(200)).text;
      expect(en).toContain('<html lang="en"');
      expect(en).toContain('10 items');
      const zh = (await t.http().get('/').set('Accept-Language', 'en-US').set('Cookie', 'farmlink.lang=zh').expect(200)).text;
      expect(zh).toContain('共 10 件商品');
      const junk = (await t.http().get('/').set('Accept-Language', 'en-US').set('Cookie', 'farmlink.lang=<b>').expect(200)).text;
      expect(junk).toContain('10 items');
    });

    it('escapes a listing titled </script><img src=x onerror=alert(1)> in the HTML and in the JSON', async () => {
      const html = (await t.http().get('/').set('Accept-Language', 'zh-CN').expect(200)).text;
      expect(html).not.toContain(XSS_TITLE);
      expect(html).not.toContain('<img src=x');
      expect(html).toContain('<h3 class="listing-card__title">&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;</h3>');
      expect(html).toContain('aria-label="&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;"');
      // Exactly one </script> per script element: the JSON cannot close its own.
      expect((html.match(/<\/script/gi) ?? []).length).toBe((html.match(/<script\b/gi) ?? []).length);
      expect(embeddedPage(html).page.items.map((i) => i.title)).toContain(XSS_TITLE);
    });

    it('says so when the shop has nothing yet', () => {
      const html = renderShopFirstScreen('en', { items: [], total: 0, page: 1, pageSize: 24 });
      expect(html).toContain('<div class="empty">Nothing found. Try fewer filters or another word.</div>');
      expect(html).toContain('0 items');
    });

    it('jsonForScript leaves nothing that ends a script, and JSON.parse reads it back', () => {
      const value = { a: '</script><!-- & > \u2028\u2029 </SCRIPT' };
      const out = jsonForScript(JSON.stringify(value));
      expect(out).not.toMatch(/[<>&\u2028\u2029]/);
      expect(JSON.parse(out)).toEqual(value);
      expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
      expect(langFromAcceptLanguage('en-GB,zh-CN;q=0.5')).toBe('zh');
      expect(langFromAcceptLanguage('en-GB,zh;q=0')).toBe('en');
      expect(langFromAcceptLanguage(undefined)).toBe('en');
    });

    it('serves the plain page for other routes, filtered shop pages and ?prerender=0', async () => {
      for (const url of ['/?prerender=0', '/?q=tea', '/listings/3f8a6e2c-0000-4000-8000-000000000000', '/cart']) {
        const html = (await t.http().get(url).expect(200)).text;
        expect(html).toContain('<div id="root"></div>');
        expect(html).not.toContain(FIRST_PAGE_ELEMENT_ID);
      }
    });

    it('uses the web app’s own words (apps/web/src/i18n), so the page does not change language or wording when the app starts', () => {
      for (const lang of ['zh', 'en'] as const) {
        const source = readFileSync(path.resolve(__dirname, `../../apps/web/src/i18n/${lang}.ts`), 'utf8');
        for (const [key, value] of Object.entries(FIRST_SCREEN_TEXT[lang])) {
          const m = new RegExp(`^\\s*'${key.replace('.', '\\.')}':\\s*'((?:[^'\\\\]|\\\\.)*)'`, 'm').exec(source);
          expect([lang, key, m?.[1]]).toEqual([lang, key, value]);
        }
      }
    });
  });

  describe('in Chromium', () => {
    it('shows the listings (title, price, photo slot) while the JavaScript has not arrived, then the app takes over without asking again', async () => {
      for (const [viewport, lang, vp] of [
        [PHONE, 'zh', '360'],
        [DESKTOP, 'en', '1280'],
      ] as const) {
        const { page } = await open({ viewport, locale: lang === 'zh' ? 'zh-CN' : 'en-US' });
        let dialogs = 0;
        page.on('dialog', (d) => {
          dialogs++;
          void d.dismiss();
        });
        // The JavaScript never comes.
        await page.route('**/assets/*.js', (route) => route.abort());
        await page.goto('/', { waitUntil: 'domcontentloaded' });
        const first = page.locator('.listing-card').first();
        await waitForText(first.locator('.listing-card__title'), titles.last);
        expect(await first.locator('.listing-card__title').isVisible()).toBe(true);
        // The unit in the page's language, as the app shows it (箱 ↔ box).
        expect(await first.locator('.listing-card__price').innerText()).toMatch(lang === 'zh' ? /¥68\.00\s*\/\s*箱/ : /¥68\.00\s*\/\s*box/);
        expect(await page.locator('.listing-card').count()).toBe(10);
        // The bad title is text, not markup.
        await waitForText(page.locator('.listing-card__title', { hasText: '</script>' }), XSS_TITLE);
        expect(await page.locator('img[src="x"]').count()).toBe(0);
        // Laid out by the inlined stylesheet: cards side by side in a grid.
        const box = await first.boundingBox();
        expect(box!.width).toBeLessThan(viewport.width * 0.6);
        const before = await first.locator('.listing-card__title').boundingBox();
        await screenshot(page, `first-screen-no-js-${vp}-${lang}`);
        await page.unrouteAll({ behavior: 'ignoreErrors' });

        // With the JavaScript: the app renders from the embedded page, then works as before.
        const apiCalls: string[] = [];
        page.on('request', (r) => {
          if (r.url().includes('/api/listings')) apiCalls.push(r.url());
        });
        await page.goto('/');
        await page.locator('footer.footer').waitFor(); // only the app renders the footer
        await waitForText(page.locator('.listing-card').first().locator('.listing-card__title'), titles.last);
        expect(await page.locator('.listing-card').count()).toBe(10);
        await page.waitForTimeout(300);
        expect(apiCalls).toEqual([]);
        const after = await page.locator('.listing-card').first().locator('.listing-card__title').boundingBox();
        // Nothing jumps far when the app replaces the HTML.
        expect(Math.abs(after!.y - before!.y)).toBeLessThan(4);
        await screenshot(page, `first-screen-app-${vp}-${lang}`);
        // A search still asks the API and shows its answer.
        await page.locator('#shop-q').fill('雷山');
        await page.locator('#shop-q').press('Enter');
        await page.locator('.listing-card').nth(1).waitFor({ state: 'detached' });
        expect(await page.locator('.listing-card').count()).toBe(1);
        expect(apiCalls.length).toBeGreaterThan(0);
        expect(dialogs).toBe(0);
      }
    });

    it('keeps what the visitor typed into the search box before the app arrived', async () => {
      const { page } = await open({ viewport: PHONE, locale: 'zh-CN' });
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      await page.route('**/assets/*.js', async (route) => {
        await gate;
        await route.continue();
      });
      // Not even DOMContentLoaded: it waits for the (held) module scripts.
      await page.goto('/', { waitUntil: 'commit' });
      await page.locator('#shop-q').click();
      await page.keyboard.type('雷山');
      release();
      await page.locator('footer.footer').waitFor();
      expect(await settledValue(page.locator('#shop-q'), '雷山')).toBe('雷山');
      expect(await page.locator('#shop-q').evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
      await page.keyboard.press('Enter');
      await page.locator('.listing-card').nth(1).waitFor({ state: 'detached' });
      expect(await page.locator('.listing-card .listing-card__title').allInnerTexts()).toEqual([titles.last]);
    });

    it('comes in the language the user switched to, on the next visit before the app runs', async () => {
      const { page } = await open({ viewport: PHONE, locale: 'zh-CN' });
      await page.goto('/');
      await page.locator('footer.footer').waitFor();
      await page.getByRole('button', { name: '切换语言' }).click();
      await page.getByRole('heading', { name: 'Fresh from the farm, straight to you' }).waitFor();
      await page.route('**/assets/*.js', (route) => route.abort());
      await page.reload({ waitUntil: 'domcontentloaded' });
      expect(await page.locator('h1').innerText()).toBe('Fresh from the farm, straight to you');
      expect(await page.locator('.results__count').innerText()).toBe('10 items');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
    });
  });
});

/** Waits until the element's text is `text` (jest's expect does not wait). */
async function waitForText(locator: import('playwright-core').Locator, text: string): Promise<void> {
  await locator.filter({ hasText: text }).first().waitFor();
  const actual = await locator.innerText();
  if (actual.trim() !== text) throw new Error(`expected "${text}", got "${actual}"`);
}

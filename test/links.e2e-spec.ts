import sharp from 'sharp';
import { domainToASCII } from 'node:url';
import { COUNTIES, createUser, TestUser, useTestApp } from '@farmlink/testing';
import { asciiOrigin, corsOrigins } from '../apps/api/src/web/idn';
import { priceAmount, siteOrigin } from '../apps/api/src/web/link-pages';
import { ensureWebBuilt } from './web/browser';

/** 农场.中国 as it arrives in Host and Origin headers. */
const IDN_HOST = domainToASCII('农场.中国');

/** The content of `<meta property="…">` in a page's HTML (entities undone), or undefined. */
function meta(html: string, property: string): string | undefined {
  const m = new RegExp(`<meta property="${property.replace(/[:.]/g, '\\$&')}" content="([^"]*)">`).exec(html);
  return m?.[1].replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

/** Only the head: the body is the web app's, the same for every page. */
const head = (html: string) => html.slice(0, html.indexOf('</head>'));

describe('Readable links: slugs, redirects, Open Graph cards, IDN (issue #17 item 4)', () => {
  beforeAll(() => ensureWebBuilt());
  const t = useTestApp({ CORS_ORIGINS: 'https://农场.中国, https://shop.example.cn' });
  let farmer: TestUser;

  beforeAll(async () => {
    farmer = await createUser(t, 'farmer', { displayName: '杨秀英', countyCode: COUNTIES.leishan });
  });

  const listingBody = (over: Record<string, unknown> = {}) => ({
    title: '雷山银球茶',
    description: '雷公山海拔1400米茶园，手工揉制成球。',
    category: 'tea',
    unit: 'tin',
    netWeightGrams: 250,
    priceCents: 3800,
    stock: 40,
    ...over,
  });
  const create = async (over: Record<string, unknown> = {}) =>
    (await t.http().post('/api/listings').set(farmer.auth).send(listingBody(over)).expect(201)).body;
  const rename = async (id: string, title: string) => (await t.http().patch(`/api/listings/${id}`).set(farmer.auth).send({ title }).expect(200)).body;
  const hexOf = (id: string, n = 6) => id.replace(/-/g, '').slice(0, n);

  it('gives a listing a slug in its own script with a short suffix from its id, in every answer', async () => {
    const l = await create();
    expect(l.slug).toBe(`雷山银球茶-${hexOf(l.id)}`);
    const mixed = await create({ title: '【新茶】雷山 银球茶 Silver Ball 250g／罐！' });
    expect(mixed.slug).toBe(`新茶-雷山-银球茶-silver-ball-250g-罐-${hexOf(mixed.id)}`);
    const symbols = await create({ title: '★★★' });
    expect(symbols.slug).toBe(hexOf(symbols.id));
    const long = await create({ title: '高山云雾绿茶'.repeat(20) });
    expect([...long.slug.replace(/-[0-9a-f]{6}$/, '')].length).toBeLessThanOrEqual(60);

    const page = (await t.http().get('/api/listings').query({ farmerId: farmer.id, pageSize: 50 }).expect(200)).body;
    expect(page.items.find((i: { id: string }) => i.id === l.id)).toMatchObject({ slug: l.slug, farmerSlug: '杨秀英', cooperativeSlug: null });
    const mine = (await t.http().get('/api/listings/mine').set(farmer.auth).expect(200)).body;
    expect(mine.find((i: { id: string }) => i.id === l.id).slug).toBe(l.slug);
  });

  it('finds a listing by its percent-encoded slug; the id keeps its cached answer with ETag and 304', async () => {
    const l = await create({ title: '雷山鱼酱 辣椒酱' });
    const encoded = encodeURIComponent(l.slug);
    expect(encoded).toMatch(/^%E9%9B%B7/); // UTF-8, percent-encoded on the wire
    const bySlug = await t.http().get(`/api/listings/${encoded}`).expect(200);
    expect(bySlug.body).toMatchObject({ id: l.id, title: '雷山鱼酱 辣椒酱', slug: l.slug });

    const byId = await t.http().get(`/api/listings/${l.id}`).expect(200);
    expect(byId.body.slug).toBe(l.slug);
    expect(byId.headers.etag).toBeDefined();
    expect(byId.headers['cache-control']).toBe('public, max-age=1, must-revalidate');
    await t.http().get(`/api/listings/${l.id}`).set('If-None-Match', byId.headers.etag).expect(304);

    const unknown = await t.http().get(`/api/listings/${encodeURIComponent('没有这个商品-123456')}`).expect(404);
    expect(unknown.body).toMatchObject({ statusCode: 404, code: 'LISTING_NOT_FOUND' });
    await t.http().get(`/api/listings/${'a'.repeat(300)}`).expect(404);
    // Broken percent-encoding or U+0000: a 4xx, never a 5xx.
    for (const bad of ['%E9%9B', '%00', 'a%ZZ']) {
      const api = await t.http().get(`/api/listings/${bad}`);
      expect([bad, api.status >= 400 && api.status < 500]).toEqual([bad, true]);
      const html = await t.http().get(`/listings/${bad}`).redirects(0);
      expect([bad, html.status < 500]).toEqual([bad, true]);
    }
    await t.http().get('/api/listings/00000000-0000-4000-8000-000000000000').expect(404);
  });

  it('survives a rename: the old slug still finds the listing, its page and the id page answer 301 to the new slug', async () => {
    const l = await create({ title: '雷山银球茶 特级' });
    const oldSlug = l.slug as string;
    const renamed = await rename(l.id, '雷公山银球茶 特级 2026');
    const newSlug = renamed.slug as string;
    expect(newSlug).toBe(`雷公山银球茶-特级-2026-${hexOf(l.id)}`);

    // The API: old and new slugs both find it.
    expect((await t.http().get(`/api/listings/${encodeURIComponent(oldSlug)}`).expect(200)).body).toMatchObject({ id: l.id, slug: newSlug });
    expect((await t.http().get(`/api/listings/${encodeURIComponent(newSlug)}`).expect(200)).body.id).toBe(l.id);

    // The pages: the canonical one is 200; the old slug and the id redirect there (Location percent-encoded), keeping the query.
    const canonical = `/listings/${encodeURIComponent(newSlug)}`;
    await t.http().get(canonical).expect(200);
    const fromOld = await t.http().get(`/listings/${encodeURIComponent(oldSlug)}?from=wechat`).redirects(0).expect(301);
    expect(fromOld.headers.location).toBe(`${canonical}?from=wechat`);
    expect(fromOld.headers.location).toMatch(/^[\x21-\x7e]+$/); // ASCII only on the wire
    const fromId = await t.http().get(`/listings/${l.id}`).redirects(0).expect(301);
    expect(fromId.headers.location).toBe(canonical);
    expect(decodeURIComponent(fromId.headers.location)).toBe(`/listings/${newSlug}`);

    // Typed differently (upper case, full-width, decomposed Unicode): found, and the page redirects to the canonical form.
    const shouting = await create({ title: 'Leishan Silver Ball 银球茶' });
    const variant = shouting.slug.toUpperCase().replace('银球茶', '银球茶'.normalize('NFD'));
    expect(variant).not.toBe(shouting.slug);
    expect((await t.http().get(`/api/listings/${encodeURIComponent(variant)}`).expect(200)).body.id).toBe(shouting.id);
    expect((await t.http().get(`/listings/${encodeURIComponent(variant)}`).redirects(0).expect(301)).headers.location).toBe(`/listings/${encodeURIComponent(shouting.slug)}`);
    expect((await t.http().get(`/api/cooperatives/${encodeURIComponent('ＮＯＮＥ')}`).expect(404)).body.code).toBe('COOPERATIVE_NOT_FOUND');

    // Back to the first title: the first slug is current again, nothing new is made.
    expect((await rename(l.id, '雷山银球茶 特级')).slug).toBe(oldSlug);
    const slugs = await t.db.query(`SELECT slug, is_current FROM slugs WHERE entity_type = 'listing' AND entity_id = $1 ORDER BY created_at`, [l.id]);
    expect(slugs).toEqual([
      { slug: oldSlug, is_current: true },
      { slug: newSlug, is_current: false },
    ]);
    expect((await t.http().get(`/listings/${encodeURIComponent(newSlug)}`).redirects(0).expect(301)).headers.location).toBe(`/listings/${encodeURIComponent(oldSlug)}`);
    // A change that is not a rename (stock) makes no slug.
    await t.http().patch(`/api/listings/${l.id}`).set(farmer.auth).send({ stock: 7 }).expect(200);
    expect((await t.db.query(`SELECT count(*)::int AS n FROM slugs WHERE entity_id = $1`, [l.id]))[0].n).toBe(2);
  });

  it('serves the listing page with Open Graph tags: title, description, price, photo and canonical URL', async () => {
    const l = await create({ title: '雷山银球茶 "礼盒" <限量>', priceCents: 12850 });
    const jpeg = await sharp({ create: { width: 1600, height: 1200, channels: 3, background: { r: 40, g: 160, b: 60 } } }).jpeg().toBuffer();
    await t.http().post(`/api/listings/${l.id}/photos`).set(farmer.auth).attach('file', jpeg, { filename: 'tea.jpg', contentType: 'image/jpeg' }).expect(201);
    const slug = (await t.http().get(`/api/listings/${l.id}`).expect(200)).body.slug as string;

    const res = await t.http().get(`/listings/${encodeURIComponent(slug)}`).set('Accept-Language', 'zh-CN').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    const html = head(res.text);
    expect(meta(html, 'og:title')).toBe('雷山银球茶 "礼盒" <限量>');
    expect(html).not.toContain('<限量>'); // escaped
    expect(meta(html, 'og:type')).toBe('product');
    expect(meta(html, 'product:price:amount')).toBe('128.50');
    expect(meta(html, 'product:price:currency')).toBe('CNY');
    expect(meta(html, 'og:description')).toContain('¥128.50');
    expect(meta(html, 'og:description')).toContain('雷公山海拔1400米');
    const origin = new URL(t.url).origin;
    expect(meta(html, 'og:url')).toBe(`${origin}/listings/${encodeURIComponent(slug)}`);
    expect(html).toContain(`<link rel="canonical" href="${meta(html, 'og:url')}">`);
    expect(res.text).toMatch(/<title>雷山银球茶 &quot;礼盒&quot; &lt;限量&gt; · 农链 FarmLink<\/title>/);
    expect(res.text).toContain('<html lang="zh-CN"');
    expect(res.text.match(/<meta name="description"/g)).toHaveLength(1);

    // The card's picture is a real, absolute URL that answers a JPEG (chat apps such as WeChat and
    // older WhatsApp show no WebP), of the size the tags say.
    const image = meta(html, 'og:image')!;
    expect(image).toMatch(new RegExp(`^${origin}/api/photos/[0-9a-f-]{36}/[0-9a-f-]{36}-640\\.jpg$`));
    expect(meta(html, 'og:image:type')).toBe('image/jpeg');
    expect(meta(html, 'og:image:width')).toBe('640');
    expect(meta(html, 'og:image:height')).toBe('480');
    const photo = await t.http().get(new URL(image).pathname).expect(200);
    expect(photo.headers['content-type']).toBe('image/jpeg');
    expect(photo.headers['cache-control']).toContain('immutable');
    const card = await sharp(photo.body as Buffer).metadata();
    expect(card).toMatchObject({ format: 'jpeg', width: 640, height: 480 });
    // Made once, then served from the photo storage: the same bytes again.
    const again = await t.http().get(new URL(image).pathname).expect(200);
    expect(Buffer.compare(again.body as Buffer, photo.body as Buffer)).toBe(0);
    // The WebP sizes stay WebP.
    const apiPhoto = (await t.http().get(`/api/listings/${l.id}`).expect(200)).body.photos[0];
    expect((await t.http().get(apiPhoto.sizes[1].url).expect(200)).headers['content-type']).toBe('image/webp');
    expect(apiPhoto.cardUrl).toBe(new URL(image).pathname);
    // Only the 640 card is a JPEG; an unknown photo's card is 404.
    await t.http().get(new URL(image).pathname.replace('-640.jpg', '-320.jpg')).expect(404);
    await t.http().get(`/api/photos/${l.id}/00000000-0000-4000-8000-000000000000-640.jpg`).expect(404);

    // A photo narrower than 640 px is never enlarged: the tags give its own size; deleting the photo removes its card.
    const small = await create({ title: '小图茶', priceCents: 1000 });
    const smallJpeg = await sharp({ create: { width: 500, height: 300, channels: 3, background: { r: 200, g: 60, b: 60 } } }).jpeg().toBuffer();
    const added = await t.http().post(`/api/listings/${small.id}/photos`).set(farmer.auth).attach('file', smallJpeg, { filename: 'small.jpg', contentType: 'image/jpeg' }).expect(201);
    const smallSlug = (await t.http().get(`/api/listings/${small.id}`).expect(200)).body.slug as string;
    const smallHtml = head((await t.http().get(`/listings/${encodeURIComponent(smallSlug)}`).expect(200)).text);
    expect([meta(smallHtml, 'og:image:width'), meta(smallHtml, 'og:image:height')]).toEqual(['500', '300']);
    const smallCard = await t.http().get(new URL(meta(smallHtml, 'og:image')!).pathname).expect(200);
    expect(await sharp(smallCard.body as Buffer).metadata()).toMatchObject({ format: 'jpeg', width: 500, height: 300 });
    await t.http().delete(`/api/listings/${small.id}/photos/${added.body.id}`).set(farmer.auth).expect(204);
    await t.http().get(new URL(meta(smallHtml, 'og:image')!).pathname).expect(404);
    expect(meta(html, 'twitter:card') ?? /name="twitter:card" content="([^"]+)"/.exec(html)?.[1]).toBe('summary_large_image');
  });

  it('keeps a listing that is not public out of the head, and does not redirect its id', async () => {
    const l = await create({ title: '下架的茶' });
    await t.http().delete(`/api/listings/${l.id}`).set(farmer.auth).expect(204);
    const byId = await t.http().get(`/listings/${l.id}`).redirects(0).expect(200);
    expect(meta(byId.text, 'og:title')).toBeUndefined();
    const bySlug = await t.http().get(`/listings/${encodeURIComponent(l.slug)}`).redirects(0).expect(200);
    expect(bySlug.text).not.toContain('下架的茶');
    // Its farmer still opens it by slug through the API; others get 404.
    await t.http().get(`/api/listings/${encodeURIComponent(l.slug)}`).set(farmer.auth).expect(200);
    await t.http().get(`/api/listings/${encodeURIComponent(l.slug)}`).expect(404);
  });

  it('gives farms and cooperatives slugs by name (a suffix when taken), with their own pages and redirects', async () => {
    const twin = await createUser(t, 'farmer', { displayName: '杨秀英', countyCode: COUNTIES.tongzi });
    const farmA = (await t.http().get(`/api/farms/${farmer.id}`).expect(200)).body;
    const farmB = (await t.http().get(`/api/farms/${twin.id}`).expect(200)).body;
    expect(farmA).toMatchObject({ id: farmer.id, displayName: '杨秀英', slug: '杨秀英', countyCode: COUNTIES.leishan });
    expect(farmB.slug).toBe('杨秀英-2');
    expect((await t.http().get(`/api/farms/${encodeURIComponent('杨秀英-2')}`).expect(200)).body.id).toBe(twin.id);
    const noFarm = await t.http().get(`/api/farms/${encodeURIComponent('无名氏')}`).expect(404);
    expect(noFarm.body.code).toBe('FARM_NOT_FOUND');

    const farmPage = await t.http().get(`/farms/${encodeURIComponent('杨秀英')}`).set('Accept-Language', 'zh-CN').expect(200);
    expect(meta(head(farmPage.text), 'og:title')).toBe('杨秀英');
    expect(meta(head(farmPage.text), 'og:description')).toMatch(/在售 \d+ 件农产品/);
    expect((await t.http().get(`/farms/${farmer.id}`).redirects(0).expect(301)).headers.location).toBe(`/farms/${encodeURIComponent('杨秀英')}`);

    const coop = (await t.http().post('/api/cooperatives').set(farmer.auth).send({ name: '雷山县 银球茶 专业合作社', countyCode: COUNTIES.leishan }).expect(201)).body;
    expect(coop.slug).toBe('雷山县-银球茶-专业合作社');
    const other = await createUser(t, 'farmer', { countyCode: COUNTIES.leishan });
    const coop2 = (await t.http().post('/api/cooperatives').set(other.auth).send({ name: '雷山县（银球茶）专业合作社', countyCode: COUNTIES.leishan }).expect(201)).body;
    expect(coop2.slug).toBe('雷山县-银球茶-专业合作社-2');
    expect((await t.http().get(`/api/cooperatives/${encodeURIComponent(coop2.slug)}`).expect(200)).body).toMatchObject({ id: coop2.id, memberCount: 1 });
    expect((await t.http().get(`/api/cooperatives/${coop.id}`).expect(200)).body.slug).toBe(coop.slug);
    await t.http().get(`/api/cooperatives/${encodeURIComponent('没有这个合作社')}`).expect(404);

    // A listing sold through the cooperative links to it.
    const l = await create({ title: '合作社银球茶', cooperativeId: coop.id });
    expect(l).toMatchObject({ cooperativeSlug: coop.slug, farmerSlug: '杨秀英' });
    const coopPage = await t.http().get(`/cooperatives/${encodeURIComponent(coop.slug)}`).set('Accept-Language', 'en').expect(200);
    expect(meta(head(coopPage.text), 'og:title')).toBe('雷山县 银球茶 专业合作社');
    expect(meta(head(coopPage.text), 'og:description')).toMatch(/cooperative in .* · 1 members · 1 products for sale/);
    expect((await t.http().get(`/cooperatives/${coop.id}`).redirects(0).expect(301)).headers.location).toBe(`/cooperatives/${encodeURIComponent(coop.slug)}`);

    // A farmer's rename (display name) keeps the old farm link working.
    await t.http().patch('/api/me').set(twin.auth).send({ displayName: '杨秀英 茶园' }).expect(200);
    expect((await t.http().get(`/api/farms/${twin.id}`).expect(200)).body.slug).toBe('杨秀英-茶园');
    expect((await t.http().get(`/farms/${encodeURIComponent('杨秀英-2')}`).redirects(0).expect(301)).headers.location).toBe(`/farms/${encodeURIComponent('杨秀英-茶园')}`);
  });

  it('gives rows written by plain SQL a slug too (triggers), and never hands a slug to two listings', async () => {
    const [{ id }] = await t.db.query(
      `INSERT INTO listings (farmer_id, county_code, title, description, category, unit, net_weight_grams, price_cents, stock)
       VALUES ($1, $2, 'Ｆｕｌｌ－ｗｉｄｔｈ　茶 ５００ｇ', '', 'tea', 'bag', 500, 100, 1) RETURNING id`,
      [farmer.id, COUNTIES.leishan],
    );
    const [{ slug }] = await t.db.query(`SELECT slug FROM slugs WHERE entity_type = 'listing' AND entity_id = $1 AND is_current`, [id]);
    expect(slug).toBe(`full-width-茶-500g-${hexOf(id)}`);
    // Two ids with the same first 6 hex digits and the same title: the second gets a longer suffix.
    const a = '8f3a2c00-0000-4000-8000-000000000001';
    const b = '8f3a2c00-0000-4000-8000-000000000002';
    for (const listingId of [a, b]) {
      await t.db.query(
        `INSERT INTO listings (id, farmer_id, county_code, title, description, category, unit, net_weight_grams, price_cents, stock)
         VALUES ($1, $2, $3, '雷山银球茶', '', 'tea', 'tin', 250, 100, 1)`,
        [listingId, farmer.id, COUNTIES.leishan],
      );
    }
    const rows = await t.db.query(`SELECT entity_id AS id, slug FROM slugs WHERE entity_id IN ($1, $2) ORDER BY slug`, [a, b]);
    expect(rows).toEqual([
      { id: a, slug: '雷山银球茶-8f3a2c' },
      { id: b, slug: '雷山银球茶-8f3a2c0000' },
    ]);
  });

  it('gives concurrent cooperatives of one name different slugs, none failing (a slug taken meanwhile: the next suffix)', async () => {
    const founders = await Promise.all(Array.from({ length: 6 }, () => createUser(t, 'farmer', { countyCode: COUNTIES.zhengan })));
    const made = await Promise.all(
      founders.map((f) => t.http().post('/api/cooperatives').set(f.auth).send({ name: '正安 白茶 联社', countyCode: COUNTIES.zhengan })),
    );
    expect(made.map((r) => r.status)).toEqual([201, 201, 201, 201, 201, 201]);
    const slugs = made.map((r) => r.body.slug as string);
    expect(new Set(slugs).size).toBe(6);
    expect(slugs).toContain('正安-白茶-联社');
    // Each is the name, the name with -2 … -5, or (once those are taken, or taken meanwhile by a
    // concurrent one) the name with the first hex digits of its own id.
    for (const r of made) {
      const hex = (r.body.id as string).replace(/-/g, '');
      expect(r.body.slug).toMatch(new RegExp(`^正安-白茶-联社(-[2-5]|-${hex.slice(0, 6)}|-${hex.slice(0, 10)}|-${hex})?$`));
    }
    for (const r of made) expect((await t.http().get(`/api/cooperatives/${encodeURIComponent(r.body.slug)}`).expect(200)).body.id).toBe(r.body.id);
  });

  it('gives a thousand and more farms of one common name a slug each, at a few look-ups apiece', async () => {
    const rows = await t.db.query(
      `INSERT INTO users (email, password_hash, display_name, role, county_code)
       SELECT 'zhangwei-' || g || '-' || $1 || '@farmlink.test', 'x', '张伟', 'farmer', $2 FROM generate_series(1, 1100) g RETURNING id`,
      [Date.now(), COUNTIES.zhengan],
    );
    expect(rows).toHaveLength(1100);
    const [{ n, distinct }] = await t.db.query(
      `SELECT count(*)::int AS n, count(DISTINCT slug)::int AS distinct FROM slugs WHERE entity_type = 'farm' AND is_current AND entity_id = ANY($1::uuid[])`,
      [rows.map((r: { id: string }) => r.id)],
    );
    expect({ n, distinct }).toEqual({ n: 1100, distinct: 1100 });
  });

  it('serves the shop to a request whose Host is an internationalised domain in punycode, with absolute links on that host', async () => {
    expect(IDN_HOST).toMatch(/^xn--[a-z0-9-]+\.xn--[a-z0-9-]+$/);
    const shop = await t.http().get('/').set('Host', IDN_HOST).expect(200);
    expect(shop.headers['content-type']).toMatch(/text\/html/);
    expect(shop.text).toContain('<div id="root"><div class="app">'); // the prerendered first screen
    const l = await create({ title: '农场直发 土鸡蛋' });
    const page = await t.http().get(`/listings/${encodeURIComponent(l.slug)}`).set('Host', IDN_HOST).expect(200);
    expect(meta(head(page.text), 'og:url')).toBe(`http://${IDN_HOST}/listings/${encodeURIComponent(l.slug)}`);
    const api = await t.http().get(`/api/listings/${encodeURIComponent(l.slug)}`).set('Host', `${IDN_HOST}:443`).expect(200);
    expect(api.body.id).toBe(l.id);
  });

  it('accepts an IDN origin written in Unicode in CORS_ORIGINS, as browsers send it (punycode)', async () => {
    const preflight = await t
      .http()
      .options('/api/listings')
      .set('Origin', `https://${IDN_HOST}`)
      .set('Access-Control-Request-Method', 'GET')
      .expect(204);
    expect(preflight.headers['access-control-allow-origin']).toBe(`https://${IDN_HOST}`);
    const get = await t.http().get('/api/listings').set('Origin', `https://${IDN_HOST}`).expect(200);
    expect(get.headers['access-control-allow-origin']).toBe(`https://${IDN_HOST}`);
    const ascii = await t.http().get('/api/listings').set('Origin', 'https://shop.example.cn').expect(200);
    expect(ascii.headers['access-control-allow-origin']).toBe('https://shop.example.cn');
    const stranger = await t.http().get('/api/listings').set('Origin', 'https://evil.example').expect(200);
    expect(stranger.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('converts origins and hosts to their ASCII form, and prices to Open Graph amounts', () => {
    expect(asciiOrigin('https://农场.中国')).toBe(`https://${IDN_HOST}`);
    expect(asciiOrigin('https://农场.中国:8443/')).toBe(`https://${IDN_HOST}:8443`);
    expect(asciiOrigin('https://Shop.Example.CN')).toBe('https://shop.example.cn');
    expect(asciiOrigin('https://shop.example.cn/path')).toBeNull();
    expect(asciiOrigin('ftp://shop.example.cn')).toBeNull();
    expect(corsOrigins(' https://农场.中国 ,https://a.cn,,')).toEqual([`https://${IDN_HOST}`, 'https://a.cn']);
    expect(siteOrigin(undefined, { protocol: 'https', host: IDN_HOST })).toBe(`https://${IDN_HOST}`);
    expect(siteOrigin(undefined, { protocol: 'http', host: '农场.中国:3000' })).toBe(`http://${IDN_HOST}:3000`);
    expect(siteOrigin(undefined, { protocol: 'http', host: 'evil.example"><script>' })).toBe('http://localhost:3000');
    expect(siteOrigin('https://农场.中国', { protocol: 'http', host: 'elsewhere.cn' })).toBe(`https://${IDN_HOST}`);
    expect(priceAmount(3800, 'CNY')).toBe('38.00');
    expect(priceAmount(5, 'CNY')).toBe('0.05');
    expect(priceAmount(1200, 'JPY')).toBe('1200');
  });
});

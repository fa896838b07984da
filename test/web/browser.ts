/**
 * Browser-test helpers: Debian's Chromium driven by playwright-core against
 * the real API (createTestApp) serving the built web app.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Download, type Locator, type Page } from 'playwright-core';
import { createUser, useTestApp, type TestApp, type TestUser } from '@farmlink/testing';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.resolve(__dirname, '../screenshots');
export const PHONE = { width: 360, height: 740 };
export const DESKTOP = { width: 1280, height: 860 };

/** Builds apps/web unless apps/web/dist is newer than its sources (the API serves dist). */
export function ensureWebBuilt(): void {
  execFileSync(process.execPath, [path.resolve(__dirname, '../../apps/web/scripts/build-if-stale.mjs')], { stdio: 'inherit' });
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM);
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

export interface PageOptions {
  viewport?: { width: number; height: number };
  locale?: 'zh-CN' | 'en-US';
  lang?: 'zh' | 'en';
  user?: TestUser & { displayName?: string };
}

/**
 * A fresh browser context (own storage) on the app. With `user`, the session is
 * put in localStorage as the app's own sign-in would, so tests not about
 * signing in don't have to type passwords.
 */
export async function openApp(browser: Browser, t: TestApp, options: PageOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL: t.url,
    viewport: options.viewport ?? PHONE,
    locale: options.locale ?? (options.lang === 'en' ? 'en-US' : 'zh-CN'),
    acceptDownloads: true,
  });
  context.setDefaultTimeout(15_000);
  const init: Record<string, string> = {};
  if (options.lang) init['farmlink.lang'] = options.lang;
  if (options.user) {
    const me = await t.http().get('/api/me').set(options.user.auth);
    init['farmlink.session'] = JSON.stringify({ user: me.body, accessToken: options.user.token });
  }
  if (Object.keys(init).length) {
    await context.addInitScript((entries: Record<string, string>) => {
      const store = (globalThis as unknown as { localStorage: { getItem(k: string): string | null; setItem(k: string, v: string): void } }).localStorage;
      // Only on the first page of the context: later navigations keep what the app stored.
      if (store.getItem('farmlink.test-init')) return;
      store.setItem('farmlink.test-init', '1');
      for (const [k, v] of Object.entries(entries)) store.setItem(k, v);
    }, init);
  }
  const page = await context.newPage();
  page.on('pageerror', (err) => console.error(`[browser] ${err.message}`));
  return { context, page };
}

export interface BrowserSpec {
  /** The API under test, serving the built web app (see useTestApp). */
  t: TestApp;
  /** A fresh browser context on the app (openApp with the spec's Chromium), closed after the test. */
  open(options?: PageOptions): Promise<{ context: BrowserContext; page: Page }>;
}

/**
 * A browser spec's set-up in one call, made inside its `describe`: builds the
 * web app if stale, then starts the API (failing when it does not document one
 * of `endpoints`, each written 'METHOD /path') and Chromium before the tests.
 * Closes the browser contexts a test opened after that test, and Chromium and
 * the API after the last. Hooks the spec registers after this call run once
 * all of that is up.
 */
export function useBrowserApp(endpoints: string[] = []): BrowserSpec {
  beforeAll(() => ensureWebBuilt());
  const t = useTestApp();
  let browser: Browser | undefined;
  const opened: BrowserContext[] = [];
  beforeAll(async () => {
    await expectEndpoints(t, endpoints.map((e) => e.split(' ') as [string, string]));
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const context of opened.splice(0)) await context.close();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    t,
    async open(options) {
      if (!browser) throw new Error('Chromium starts in beforeAll: open pages inside a test');
      const session = await openApp(browser, t, options);
      opened.push(session.context);
      return session;
    },
  };
}

/**
 * An officer of 贵州省 (刘专员) signed in on a desktop, on the report dashboard
 * drilled down to the counties of 遵义市 (桐梓县's prefecture).
 */
export async function openZunyiReport(spec: BrowserSpec): Promise<{ context: BrowserContext; page: Page }> {
  const officer = await createUser(spec.t, 'officer', { displayName: '刘专员', jurisdictionCode: '520000' });
  const { context, page } = await spec.open({ viewport: DESKTOP, lang: 'zh', user: officer });
  await page.goto('/officer');
  await page.getByRole('navigation', { name: '地区' }).getByText('贵州省').waitFor();
  await page.getByRole('link', { name: '查看 遵义市 明细' }).click();
  return { context, page };
}

/** The listing form's fields as a farmer types them (Chinese labels; weight in kg, price in yuan). */
/** Signs a farmer up through the register form (zh), in 桐梓县 (贵州省 › 遵义市), optionally claiming a poor household. */
export async function signUpFarmer(page: Page, f: { name: string; email: string; password: string; village?: string; poor?: boolean }): Promise<void> {
  await page.goto('/register');
  await page.getByText('销售我的农产品').click();
  await page.getByLabel('姓名').fill(f.name);
  await page.getByLabel('邮箱').fill(f.email);
  await page.getByLabel('密码', { exact: true }).fill(f.password);
  await page.getByLabel('省份').selectOption({ label: '贵州省' });
  await page.getByLabel('市 / 州').selectOption({ label: '遵义市' });
  await page.getByLabel('县 / 区').selectOption({ label: '桐梓县' });
  if (f.village) await page.getByLabel(/^村/).fill(f.village);
  if (f.poor) await page.getByLabel('我家是建档立卡贫困户').check();
}

export interface ListingFormInput {
  title: string;
  category: string;
  unit: string;
  kilograms: string;
  yuan: string;
  stock: string;
}

/** Fills the listing form (/farm/listings/new) field by field, as a farmer would. */
export async function fillListingForm(page: Page, input: ListingFormInput): Promise<void> {
  await page.getByLabel('商品名称').fill(input.title);
  await page.getByLabel('分类').selectOption({ label: input.category });
  await page.getByLabel('单位').fill(input.unit);
  await page.getByLabel('每份净重（公斤）').fill(input.kilograms);
  await page.getByLabel('每份价格（元）').fill(input.yuan);
  await page.getByLabel('库存').fill(input.stock);
}

/** Clicks the button named `buttonName` and returns the download it starts. */
export async function downloadBy(page: Page, buttonName: string): Promise<Download> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  return download;
}

/**
 * Waits until `locator` matches exactly `n` elements and returns that count (or the last count seen
 * after `timeoutMs`, for the caller's expect to report). Use it where a list is re-rendered after a
 * search or filter: counting at once can catch the list from before the answer.
 */
export async function settledCount(locator: Locator, n: number, timeoutMs = 10_000): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let count = await locator.count();
  while (count !== n && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    count = await locator.count();
  }
  return count;
}

/**
 * Waits until the field `locator` holds `expected` and returns its value (or the last value seen
 * after `timeoutMs`, for the caller's expect to report). Use it where a form is filled from an
 * answer that arrives after the page: reading at once can catch the field before it is filled.
 */
export async function settledValue(locator: Locator, expected: string, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let value = await locator.inputValue();
  while (value !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    value = await locator.inputValue();
  }
  return value;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const file = path.join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Whether the running API documents `method path` (so a spec can wait for a colleague's endpoint). */
export async function hasEndpoint(t: TestApp, method: string, apiPath: string): Promise<boolean> {
  const res = await t.http().get('/api/docs-json');
  const op = res.body?.paths?.[apiPath]?.[method.toLowerCase()];
  return Boolean(op);
}

/** A small real JPEG (sharp, already a dependency of the API) for photo uploads. */
export async function sampleJpeg(file: string, colour = { r: 90, g: 150, b: 60 }): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sharp = require('sharp') as typeof import('sharp');
  await sharp({ create: { width: 800, height: 600, channels: 3, background: colour } })
    .composite([{ input: Buffer.from(`<svg width="800" height="600"><circle cx="400" cy="300" r="200" fill="rgb(240,200,60)"/></svg>`), top: 0, left: 0 }])
    .jpeg({ quality: 80 })
    .toFile(file);
  return file;
}

/**
 * Which feature modules the API composes (apps/api/src/app.module.ts), read when Jest
 * collects the specs, so a spec can be skipped while a colleague's endpoints have not
 * landed. beforeAll then checks /api/docs-json for the exact paths (expectEndpoints).
 */
export function apiModuleWired(moduleName: string): boolean {
  const { readFileSync } = require('node:fs') as typeof import('node:fs');
  const source = readFileSync(path.resolve(__dirname, '../../apps/api/src/app.module.ts'), 'utf8');
  return new RegExp(`\\b${moduleName}\\b`).test(source.replace(/^\s*import .*$/gm, ''));
}

/** `describe` when the API composes every one of `modules` (see apiModuleWired), else `describe.skip`. */
export function describeWhenWired(modules: string[]): jest.Describe {
  return modules.every(apiModuleWired) ? describe : describe.skip;
}

/** Fails (not skips) when the API lacks a path the spec relies on. */
export async function expectEndpoints(t: TestApp, endpoints: [method: string, path: string][]): Promise<void> {
  const missing: string[] = [];
  for (const [method, p] of endpoints) if (!(await hasEndpoint(t, method, p))) missing.push(`${method} ${p}`);
  if (missing.length) throw new Error(`the API does not document: ${missing.join(', ')}`);
}

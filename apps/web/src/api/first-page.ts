import type { Listing, Page } from './types';

/** The id of the JSON the API puts in index.html with the shop's first page (apps/api/src/web/first-screen.ts). */
const ELEMENT_ID = 'farmlink-first-page';

let taken = false;

/**
 * The shop's first page of listings that came inside index.html (the API
 * prerenders `/`, of the market in the `farmlink.market` cookie when there is one),
 * for the query ShopPage asks for when nothing is filtered (and the same market);
 * given once, on the app's first render, so later visits to the shop ask the
 * API for fresh listings. Undefined when there is none or it is for another query.
 */
export function takeFirstPage(query: { page: number; pageSize: number; sort: string; market?: string }): Page<Listing> | undefined {
  if (taken || typeof document === 'undefined') return undefined;
  taken = true;
  const element = document.getElementById(ELEMENT_ID);
  if (!element) return undefined;
  element.remove();
  try {
    const data = JSON.parse(element.textContent ?? '') as { query?: { page: number; pageSize: number; sort: string; market?: string }; page?: Page<Listing> };
    const q = data.query;
    if (!q || !data.page || q.page !== query.page || q.pageSize !== query.pageSize || q.sort !== query.sort || q.market !== query.market) return undefined;
    return data.page;
  } catch {
    return undefined;
  }
}

/**
 * What the visitor typed into the prerendered search box before the app
 * arrived (and whether the box had the focus), so the app's box starts with
 * it instead of wiping it. Read on the app's first render, before React
 * replaces the prerendered HTML.
 */
export function prerenderedSearch(): { text: string; focused: boolean } {
  if (typeof document === 'undefined') return { text: '', focused: false };
  const input = document.querySelector<HTMLInputElement>('#root input#shop-q[data-prerendered]');
  return { text: input?.value ?? '', focused: Boolean(input && document.activeElement === input) };
}

/**
 * Readable links (issue #17 item 4): listings, farms and cooperatives are linked by their slug, the
 * name in its own script (/listings/雷山银球茶-8f3a2c). It is percent-encoded in the href (what goes
 * on the wire); browsers show it decoded in the address bar. Without a slug the id still works (the
 * server answers it with a 301 to the slug).
 */
type Linkable = { id: string; slug?: string | null };

export function listingPath(listing: Linkable): string {
  return `/listings/${encodeURIComponent(listing.slug || listing.id)}`;
}

export function farmPath(farm: Linkable): string {
  return `/farms/${encodeURIComponent(farm.slug || farm.id)}`;
}

export function cooperativePath(cooperative: Linkable): string {
  return `/cooperatives/${encodeURIComponent(cooperative.slug || cooperative.id)}`;
}

/** A route parameter as the API wants it: decoded once (routers differ in whether they decode). */
export function routeKey(param: string | undefined): string {
  const value = param ?? '';
  if (!value.includes('%')) return value;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

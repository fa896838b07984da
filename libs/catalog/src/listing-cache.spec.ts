import { ConfigService } from '@nestjs/config';
import { ListingCache } from './listing-cache';

describe('ListingCache', () => {
  const answer = { json: '{"stock":5}', body: Buffer.from('{"stock":5}'), etag: '"a"' };

  it('stores an answer read after the last change', () => {
    const cache = new ListingCache(new ConfigService({ CATALOG_LISTING_CACHE_MS: 60_000 }));
    cache.set('l1', answer, cache.ticket());
    expect(cache.get('l1')).toEqual(answer);
  });

  it('never stores an answer read before a change that was forgotten meanwhile (it may show the old stock or fields)', () => {
    const cache = new ListingCache(new ConfigService({ CATALOG_LISTING_CACHE_MS: 60_000 }));
    const beforeStockTaken = cache.ticket();
    cache.forget(['l1']); // a checkout took stock while the row was being read
    cache.set('l1', answer, beforeStockTaken);
    expect(cache.get('l1')).toBeUndefined();

    const beforeEdit = cache.ticket();
    cache.clear(); // an edit through the catalog
    cache.set('l1', answer, beforeEdit);
    expect(cache.get('l1')).toBeUndefined();
  });
});

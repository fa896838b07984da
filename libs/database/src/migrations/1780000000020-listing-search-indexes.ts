import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The shop's most common page is "this category in this region, newest
 * first". With only (category, created_at) the database walked the newest
 * listings of the category and threw away those outside the region, and the
 * page's total had to visit every matching heap row. This index answers both
 * from the index alone: the region is a range of county codes inside one
 * category, so the ids of a page and the count are index-only scans.
 */
export class ListingSearchIndexes1780000000020 implements MigrationInterface {
  name = 'ListingSearchIndexes1780000000020';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX listings_active_category_county_idx ON listings (category, county_code, created_at DESC, id DESC) WHERE status = 'active'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX listings_active_category_county_idx`);
  }
}

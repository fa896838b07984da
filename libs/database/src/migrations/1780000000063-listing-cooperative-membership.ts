import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A listing sold through a cooperative belongs to a current member of it. The
 * database keeps that true: listings (cooperative_id, farmer_id) refer to the
 * membership, and deleting the membership takes the listing out of the
 * cooperative for good (cooperative_id becomes NULL; the service also pauses
 * it, so the farmer decides whether to sell it on their own). Listings whose
 * farmer had already left are taken out (and paused) first.
 */
export class ListingCooperativeMembership1780000000063 implements MigrationInterface {
  name = 'ListingCooperativeMembership1780000000063';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      UPDATE listings l
         SET cooperative_id = NULL,
             status = CASE WHEN l.status = 'active' THEN 'paused' ELSE l.status END,
             updated_at = now()
       WHERE l.cooperative_id IS NOT NULL
         AND NOT EXISTS (SELECT 1 FROM cooperative_members m WHERE m.cooperative_id = l.cooperative_id AND m.farmer_id = l.farmer_id)`);
    await q.query(`
      ALTER TABLE listings ADD CONSTRAINT listings_cooperative_member_fk
        FOREIGN KEY (cooperative_id, farmer_id) REFERENCES cooperative_members (cooperative_id, farmer_id)
        ON DELETE SET NULL (cooperative_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE listings DROP CONSTRAINT listings_cooperative_member_fk`);
  }
}

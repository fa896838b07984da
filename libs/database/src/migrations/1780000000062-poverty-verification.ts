import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Poverty status is verified, not declared (contract v1.1, Trust).
 *
 * Until now `users.poverty_registered` was whatever a farmer ticked at sign-up,
 * and checkout copied it onto every order line. From here a farmer *claims*
 * (one `poverty_claims` row per farmer: its current state) and an officer whose
 * jurisdiction holds the farmer's county, or an admin, decides `verified` or
 * `rejected`. Checkout snapshots `status = 'verified'`.
 *
 * Existing self-declared farmers become `claimed`, never `verified`: nobody has
 * checked them. Order lines already written keep their snapshot (history).
 * The old column goes, so nothing can keep reading a self-declared flag.
 */
export class PovertyVerification1780000000062 implements MigrationInterface {
  name = 'PovertyVerification1780000000062';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE poverty_claims (
        farmer_id       uuid PRIMARY KEY REFERENCES users(id),
        registration_no text,
        status          text NOT NULL CHECK (status IN ('claimed', 'verified', 'rejected')),
        claimed_at      timestamptz NOT NULL DEFAULT now(),
        decided_at      timestamptz,
        decided_by      uuid REFERENCES users(id),
        note            text,
        -- A claim waiting for a decision has none; a decided one says when.
        CHECK ((status = 'claimed') = (decided_at IS NULL))
      )`);
    await q.query(`CREATE INDEX poverty_claims_status_idx ON poverty_claims (status, claimed_at)`);
    await q.query(`
      INSERT INTO poverty_claims (farmer_id, status, claimed_at)
      SELECT id, 'claimed', created_at FROM users WHERE role = 'farmer' AND poverty_registered`);
    await q.query(`ALTER TABLE users DROP COLUMN poverty_registered`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE users ADD COLUMN poverty_registered boolean NOT NULL DEFAULT false`);
    // Before this migration a claim was simply believed.
    await q.query(`
      UPDATE users u SET poverty_registered = true
        FROM poverty_claims pc WHERE pc.farmer_id = u.id AND pc.status IN ('claimed', 'verified')`);
    await q.query(`DROP TABLE poverty_claims`);
  }
}

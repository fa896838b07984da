import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The checkout's stored answer (for idempotent replays) without rewriting the
 * checkout row (issue #18 item 5). The checkout transaction inserted its
 * `checkouts` row (the idempotency claim), then rewrote it with the total and
 * the answer: a second, larger version of the row in every checkout, and a
 * dead one for vacuum. The answer now goes to `checkout_answers`, appended in
 * the same statement that inserts the orders; the claim row is written once.
 * Checkouts from before keep their answer in `checkouts.response` (replays
 * read either).
 */
export class CheckoutAnswers1780000000065 implements MigrationInterface {
  name = 'CheckoutAnswers1780000000065';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE checkout_answers (
        checkout_id uuid PRIMARY KEY REFERENCES checkouts(id) ON DELETE CASCADE,
        total_cents bigint NOT NULL CHECK (total_cents >= 0),
        response    json
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`UPDATE checkouts c SET total_cents = a.total_cents, response = a.response FROM checkout_answers a WHERE a.checkout_id = c.id`);
    await q.query(`DROP TABLE checkout_answers`);
  }
}

import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts people can recover, and a buyer's address book:
 * - users carry the language their mail is written in (`locale`) and when their email was verified;
 * - `user_tokens`: single-use tokens mailed to a user (password reset, email verification), kept
 *   only as a SHA-256 hash, with an expiry and the moment they were used;
 * - `addresses`: a buyer's saved delivery addresses, at most one default per user (a partial unique index).
 */
export class Accounts1780000000074 implements MigrationInterface {
  name = 'Accounts1780000000074';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN locale            text NOT NULL DEFAULT 'zh-CN' CHECK (locale IN ('zh-CN', 'en')),
        ADD COLUMN email_verified_at timestamptz`);

    await q.query(`
      CREATE TABLE user_tokens (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        purpose     text NOT NULL CHECK (purpose IN ('password_reset', 'email_verification')),
        token_hash  bytea NOT NULL UNIQUE,
        expires_at  timestamptz NOT NULL,
        used_at     timestamptz,
        created_at  timestamptz NOT NULL DEFAULT now()
      )`);
    // The per-address limit on reset mails counts a user's recent tokens.
    await q.query(`CREATE INDEX user_tokens_user_idx ON user_tokens (user_id, purpose, created_at DESC)`);

    await q.query(`
      CREATE TABLE addresses (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        user_id     uuid NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        name        text NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
        phone       text NOT NULL CHECK (phone ~ '^1[3-9][0-9]{9}$'),
        county_code char(6) NOT NULL REFERENCES regions(code),
        line1       text NOT NULL CHECK (length(line1) BETWEEN 1 AND 300),
        is_default  boolean NOT NULL DEFAULT false,
        created_at  timestamptz NOT NULL DEFAULT now(),
        updated_at  timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query(`CREATE INDEX addresses_user_idx ON addresses (user_id, created_at)`);
    await q.query(`CREATE UNIQUE INDEX addresses_one_default_uq ON addresses (user_id) WHERE is_default`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE addresses`);
    await q.query(`DROP TABLE user_tokens`);
    await q.query(`ALTER TABLE users DROP COLUMN email_verified_at, DROP COLUMN locale`);
  }
}

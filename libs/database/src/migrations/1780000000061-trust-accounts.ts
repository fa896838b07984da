import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Trust, accounts side: users carry a token version (a password change, role
 * change or suspension bumps it and ends every older token) and a suspension;
 * listings may be `removed` by an admin (with the reason their farmer sees) or
 * `suspended` while their farmer is (the status they had is kept in
 * `held_status` and given back on reinstatement); and the append-only
 * `audit_log` of what staff did.
 */
export class TrustAccounts1780000000061 implements MigrationInterface {
  name = 'TrustAccounts1780000000061';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      ALTER TABLE users
        ADD COLUMN token_version     integer NOT NULL DEFAULT 0,
        ADD COLUMN suspended_at      timestamptz,
        ADD COLUMN suspension_reason text,
        ADD CONSTRAINT users_suspension_reason_chk CHECK ((suspended_at IS NULL) = (suspension_reason IS NULL))`);
    // The admin's user list: newest first.
    await q.query(`CREATE INDEX users_created_idx ON users (created_at DESC, id DESC)`);

    await q.query(`ALTER TABLE listings DROP CONSTRAINT listings_status_check`);
    await q.query(`
      ALTER TABLE listings
        ADD CONSTRAINT listings_status_check CHECK (status IN ('active', 'paused', 'archived', 'removed', 'suspended')),
        ADD COLUMN removal_reason text,
        ADD COLUMN removed_at     timestamptz,
        ADD COLUMN removed_by     uuid REFERENCES users(id),
        ADD COLUMN held_status    text CHECK (held_status IN ('active', 'paused')),
        ADD CONSTRAINT listings_removed_chk CHECK ((status = 'removed') = (removal_reason IS NOT NULL)),
        ADD CONSTRAINT listings_suspended_chk CHECK ((status = 'suspended') = (held_status IS NOT NULL))`);

    await q.query(`
      CREATE TABLE audit_log (
        id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        seq         bigserial NOT NULL UNIQUE,
        at          timestamptz NOT NULL DEFAULT clock_timestamp(),
        actor_id    uuid,
        actor_role  text,
        action      text NOT NULL CHECK (action ~ '^[a-z_]+(\\.[a-z_]+)+$'),
        target_type text NOT NULL,
        target_id   text,
        details     jsonb NOT NULL DEFAULT '{}'::jsonb
      )`);
    await q.query(`CREATE INDEX audit_log_newest_idx ON audit_log (seq DESC)`);
    await q.query(`CREATE INDEX audit_log_action_idx ON audit_log (action, seq DESC)`);
    await q.query(`CREATE INDEX audit_log_actor_idx ON audit_log (actor_id, seq DESC) WHERE actor_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_target_idx ON audit_log (target_id, seq DESC) WHERE target_id IS NOT NULL`);
    await q.query(`CREATE INDEX audit_log_at_idx ON audit_log (at)`);
    // Append-only: no row is ever changed or deleted, and the table is never truncated.
    await q.query(`
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'audit_log is append-only' USING ERRCODE = 'restrict_violation';
      END $$`);
    await q.query(`
      CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`);
    await q.query(`
      CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE audit_log`);
    await q.query(`DROP FUNCTION audit_log_append_only()`);
    await q.query(`UPDATE listings SET status = held_status WHERE status = 'suspended'`);
    await q.query(`UPDATE listings SET status = 'archived' WHERE status = 'removed'`);
    await q.query(`
      ALTER TABLE listings
        DROP CONSTRAINT listings_suspended_chk, DROP CONSTRAINT listings_removed_chk,
        DROP COLUMN held_status, DROP COLUMN removed_by, DROP COLUMN removed_at, DROP COLUMN removal_reason,
        DROP CONSTRAINT listings_status_check,
        ADD CONSTRAINT listings_status_check CHECK (status IN ('active', 'paused', 'archived'))`);
    await q.query(`DROP INDEX users_created_idx`);
    await q.query(`
      ALTER TABLE users DROP CONSTRAINT users_suspension_reason_chk,
        DROP COLUMN suspension_reason, DROP COLUMN suspended_at, DROP COLUMN token_version`);
  }
}

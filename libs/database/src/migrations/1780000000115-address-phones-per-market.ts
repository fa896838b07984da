import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A saved address's phone follows its county's market (#17): a mainland mobile number in cn, a
 * number of the market's country elsewhere (AddressBookService checks both). The table's own check
 * allowed only mainland mobile numbers, so a Kenyan buyer's address failed on it; it now holds the
 * shape every phone shares (libs/shared PHONE_PATTERN), and the market's rule stays in the service.
 */
export class AddressPhonesPerMarket1780000000115 implements MigrationInterface {
  name = 'AddressPhonesPerMarket1780000000115';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE addresses DROP CONSTRAINT addresses_phone_check`);
    await q.query(`ALTER TABLE addresses ADD CONSTRAINT addresses_phone_check CHECK (phone ~ '^\\+?[0-9 ()-]{5,20}$')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE addresses DROP CONSTRAINT addresses_phone_check`);
    // Addresses saved since in other markets keep their numbers (NOT VALID: checked for new rows only).
    await q.query(`ALTER TABLE addresses ADD CONSTRAINT addresses_phone_check CHECK (phone ~ '^1[3-9][0-9]{9}$') NOT VALID`);
  }
}

import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * ACC-2: every verification link ever mailed, by its token's SHA-256, kept after the registration
 * expired and its `accounts` row went: a late click must still answer VERIFICATION_EXPIRED, not
 * "unknown link", whether or not the sweep got there first.
 */
export class AccountVerificationLinks1764117300000 implements MigrationInterface {
  name = 'AccountVerificationLinks1764117300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.account_verification_links (
      token_hash text CONSTRAINT "PK_account_verification_links" PRIMARY KEY,
      account_id uuid NOT NULL
    )`);
    await queryRunner.query(
      `INSERT INTO ${s}.account_verification_links (token_hash, account_id)
       SELECT verification_token_hash, id FROM ${s}.accounts WHERE verification_token_hash IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".account_verification_links`);
  }
}

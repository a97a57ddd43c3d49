import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * `verifyEmail(token)` finds its account by the token's SHA-256; the token itself is never stored.
 * The hash stays after use, so a second click answers "already used" rather than "unknown link".
 */
export class AccountVerificationToken1764115800000 implements MigrationInterface {
  name = 'AccountVerificationToken1764115800000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.accounts ADD COLUMN verification_token_hash text`);
    await queryRunner.query(
      `CREATE INDEX "IDX_accounts_verification_token_hash" ON ${s}.accounts (verification_token_hash)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}."IDX_accounts_verification_token_hash"`);
    await queryRunner.query(`ALTER TABLE ${s}.accounts DROP COLUMN verification_token_hash`);
  }
}

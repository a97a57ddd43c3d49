import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 §5: events hold the user ID sealed under the account's PII key, with its keyed HMAC.
 * The read model copies both: `user_id` is the ciphertext (opened at query time; rows projected
 * from older events keep the ID in the clear, with no HMAC) and an account is found by its HMAC.
 * A deleted account (ACC-7) keeps neither, so its rows from before lose their clear ID here.
 */
export class SealedUserIds1764119600000 implements MigrationInterface {
  name = 'SealedUserIds1764119600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`ALTER TABLE ${s}.accounts ALTER COLUMN user_id DROP NOT NULL`);
    await queryRunner.query(`ALTER TABLE ${s}.accounts ADD COLUMN user_id_hmac text`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_accounts_user_id_hmac_in_use" ON ${s}.accounts (user_id_hmac) WHERE status <> 'DELETED'`,
    );
    await queryRunner.query(`UPDATE ${s}.accounts SET user_id = NULL WHERE status = 'DELETED'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}."UQ_accounts_user_id_hmac_in_use"`);
    await queryRunner.query(`ALTER TABLE ${s}.accounts DROP COLUMN user_id_hmac`);
    // Sealed and erased IDs cannot go back into a NOT NULL column of clear IDs: left nullable.
  }
}

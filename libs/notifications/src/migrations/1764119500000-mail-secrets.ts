import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 §5: the secrets a mail carries (verification tokens, initial passwords), sealed under
 * the account's PII key and keyed by account and the hash the event holds, from the request that
 * issued them until the mail projection moves them into the mail's row of the ledger.
 */
export class MailSecrets1764119500000 implements MigrationInterface {
  name = 'MailSecrets1764119500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = `"${schemaOf(queryRunner)}".mail_secrets`;
    await queryRunner.query(`CREATE TABLE ${table} (
      account_id uuid NOT NULL,
      secret_hash text NOT NULL,
      sealed text NOT NULL,
      created_at timestamptz NOT NULL,
      PRIMARY KEY (account_id, secret_hash)
    )`);
    await queryRunner.query(`CREATE INDEX mail_secrets_created ON ${table} (created_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".mail_secrets`);
  }
}

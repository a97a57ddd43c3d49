import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The account-mail projection's own table: each account's current address, as ciphertext. */
export class MailRecipients1764118200000 implements MigrationInterface {
  name = 'MailRecipients1764118200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${schemaOf(queryRunner)}".mail_recipients (
      account_id uuid CONSTRAINT "PK_mail_recipients" PRIMARY KEY,
      user_id text NOT NULL,
      email text NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".mail_recipients`);
  }
}

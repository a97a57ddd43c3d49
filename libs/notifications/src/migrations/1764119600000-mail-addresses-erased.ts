import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 11 §5: a mail sent or given up keeps what an operator needs (template, times, status,
 * attempts, Message-ID, the reason of a failure) and no longer its address, as its parameters
 * already went: rows of mails settled before lose theirs here.
 */
export class MailAddressesErased1764119600000 implements MigrationInterface {
  name = 'MailAddressesErased1764119600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const table = `"${schemaOf(queryRunner)}".mail_deliveries`;
    await queryRunner.query(`ALTER TABLE ${table} ALTER COLUMN to_address DROP NOT NULL`);
    await queryRunner.query(
      `UPDATE ${table} SET to_address = NULL, params = NULL WHERE status IN ('sent', 'failed')`,
    );
  }

  async down(): Promise<void> {
    // Erased addresses cannot come back: the column stays nullable.
  }
}

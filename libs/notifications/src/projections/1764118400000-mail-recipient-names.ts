import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Wording: every mail opens with its addressee (「〇〇 様」). The name is kept as the vault
 * ciphertext the event holds, as the address is, and opened only to send; rows from before have
 * none (the mail then greets 「お客さま 様」).
 */
export class MailRecipientNames1764118400000 implements MigrationInterface {
  name = 'MailRecipientNames1764118400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".mail_recipients ADD COLUMN name text`);
    await queryRunner.query(
      `ALTER TABLE "${schema}".application_mail_recipients ADD COLUMN name text`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`ALTER TABLE "${schema}".application_mail_recipients DROP COLUMN name`);
    await queryRunner.query(`ALTER TABLE "${schema}".mail_recipients DROP COLUMN name`);
  }
}

function schemaOf(queryRunner: QueryRunner): string {
  return (queryRunner.connection.options as { schema?: string }).schema ?? 'public';
}

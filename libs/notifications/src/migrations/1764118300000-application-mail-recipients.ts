import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The application-mail projection's own table: each application's applicant address. */
export class ApplicationMailRecipients1764118300000 implements MigrationInterface {
  name = 'ApplicationMailRecipients1764118300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${schemaOf(queryRunner)}".application_mail_recipients (
      application_id integer CONSTRAINT "PK_application_mail_recipients" PRIMARY KEY,
      email text NOT NULL
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".application_mail_recipients`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options as { schema?: string };
  return options.schema ?? 'public';
}

/**
 * Issue 11's security stamp: each session carries the account-stream revision its login was
 * decided at; each act that ends sessions records its own revision per account. A session
 * older than that stamp is dead on its next request, even one a login inserted after the
 * lock (or reset, or password change) had already ended the others.
 */
export class SessionSecurityStamps1764119100000 implements MigrationInterface {
  name = 'SessionSecurityStamps1764119100000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(
      `ALTER TABLE ${s}.sessions ADD COLUMN security_stamp bigint NOT NULL DEFAULT 0`,
    );
    await queryRunner.query(`CREATE TABLE ${s}.session_stamps (
      account_id uuid CONSTRAINT "PK_session_stamps" PRIMARY KEY,
      stamp bigint NOT NULL
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_sessions_expires_at" ON ${s}.sessions (expires_at)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP INDEX ${s}."IDX_sessions_expires_at"`);
    await queryRunner.query(`DROP TABLE ${s}.session_stamps`);
    await queryRunner.query(`ALTER TABLE ${s}.sessions DROP COLUMN security_stamp`);
  }
}

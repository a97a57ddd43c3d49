import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Bearer sessions. Only the token's SHA-256 is kept, so a leaked table opens no session. */
export class Sessions1764115700000 implements MigrationInterface {
  name = 'Sessions1764115700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.sessions (
      token_hash text CONSTRAINT "PK_sessions" PRIMARY KEY
        CONSTRAINT "CHK_sessions_token_hash" CHECK (token_hash ~ '^[0-9a-f]{64}$'),
      account_id uuid NOT NULL,
      role text NOT NULL CONSTRAINT "CHK_sessions_role"
        CHECK (role IN ('CUSTOMER', 'OPERATOR', 'AUDITOR')),
      must_change_password boolean NOT NULL,
      created_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      revoked_at timestamptz,
      client_address text NOT NULL,
      CONSTRAINT "CHK_sessions_lifetime"
        CHECK (expires_at > created_at AND expires_at <= created_at + interval '1 hour')
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_sessions_live_by_account" ON ${s}.sessions (account_id) WHERE revoked_at IS NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".sessions`);
  }
}

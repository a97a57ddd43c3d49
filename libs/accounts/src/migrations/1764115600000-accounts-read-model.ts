import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `accounts` read model. A user ID is unique among accounts in use only: a deleted account
 * (ACC-7) keeps its row and frees the ID, and a void registration (ACC-2) has no row at all.
 */
export class AccountsReadModel1764115600000 implements MigrationInterface {
  name = 'AccountsReadModel1764115600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.accounts (
      id uuid CONSTRAINT "PK_accounts" PRIMARY KEY,
      user_id text NOT NULL,
      role text NOT NULL CONSTRAINT "CHK_accounts_role"
        CHECK (role IN ('CUSTOMER', 'OPERATOR', 'AUDITOR')),
      status text NOT NULL CONSTRAINT "CHK_accounts_status"
        CHECK (status IN ('PENDING_VERIFICATION', 'ACTIVE', 'LOCKED', 'DELETED')),
      email text,
      name text,
      phone text,
      must_change_password boolean NOT NULL,
      created_at timestamptz NOT NULL,
      last_login_at timestamptz,
      deleted_at timestamptz,
      CONSTRAINT "CHK_accounts_deleted" CHECK ((status = 'DELETED') = (deleted_at IS NOT NULL))
    )`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "UQ_accounts_user_id_in_use" ON ${s}.accounts (user_id) WHERE status <> 'DELETED'`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_accounts_created_at" ON ${s}.accounts (created_at, id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".accounts`);
  }
}

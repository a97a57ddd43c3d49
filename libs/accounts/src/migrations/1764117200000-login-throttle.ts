import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Login attempts per client address in a fixed window that starts with the first attempt. One row
 * per address, updated by an atomic upsert, so every API process on the database counts together.
 */
export class LoginThrottle1764117200000 implements MigrationInterface {
  name = 'LoginThrottle1764117200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.login_throttle (
      client_address text CONSTRAINT "PK_login_throttle" PRIMARY KEY,
      window_started_at timestamptz NOT NULL,
      attempts integer NOT NULL CONSTRAINT "CHK_login_throttle_attempts" CHECK (attempts > 0)
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_login_throttle_window_started_at" ON ${s}.login_throttle (window_started_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".login_throttle`);
  }
}

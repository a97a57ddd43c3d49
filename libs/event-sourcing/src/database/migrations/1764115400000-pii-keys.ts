import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '../schema-of';

/** One data key per data subject; a forgotten subject keeps its row with the key erased. */
export class PiiKeys1764115400000 implements MigrationInterface {
  name = 'PiiKeys1764115400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${schemaOf(queryRunner)}".pii_keys (
      subject text PRIMARY KEY,
      wrapped_key bytea,
      created_at timestamptz NOT NULL DEFAULT now(),
      forgotten_at timestamptz,
      CONSTRAINT pii_keys_erased_check CHECK ((wrapped_key IS NULL) = (forgotten_at IS NOT NULL))
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".pii_keys`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '../schema-of';

/** Where each projection has got to; written in the same transaction as its read-model rows. */
export class ProjectionCheckpoints1764115300000 implements MigrationInterface {
  name = 'ProjectionCheckpoints1764115300000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${schemaOf(queryRunner)}".projection_checkpoints (
      name text PRIMARY KEY,
      checkpoint text,
      position bigint NOT NULL DEFAULT 0,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".projection_checkpoints`);
  }
}

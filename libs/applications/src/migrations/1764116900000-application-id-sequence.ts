import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * 申込ID (APP-10): a sequence hands each submission its number before anything is written, so
 * the stream `application-<id>` can be appended with `no_stream`. A number taken by a refused
 * submission stays unused: gaps are harmless, reuse would not be.
 */
export class ApplicationIdSequence1764116900000 implements MigrationInterface {
  name = 'ApplicationIdSequence1764116900000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `CREATE SEQUENCE "${schemaOf(queryRunner)}".application_id_seq AS integer START WITH 1 NO CYCLE`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP SEQUENCE "${schemaOf(queryRunner)}".application_id_seq`);
  }
}

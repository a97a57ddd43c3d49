import type { MigrationInterface, QueryRunner } from 'typeorm';
import { schemaOf } from '../schema-of';

/** The global chain's links, written by the `history-links` linker, never rewritten. */
export class HistoryLinks1764115500000 implements MigrationInterface {
  name = 'HistoryLinks1764115500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE "${schemaOf(queryRunner)}".history_links (
      seq bigint PRIMARY KEY,
      event_id uuid NOT NULL UNIQUE,
      stream_id text NOT NULL,
      revision bigint NOT NULL,
      event_hash text NOT NULL,
      prev_link_hash text NOT NULL,
      link_hash text NOT NULL,
      checkpoint text NOT NULL
    )`);
    await queryRunner.query(
      `CREATE INDEX history_links_stream ON "${schemaOf(queryRunner)}".history_links (stream_id, seq)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".history_links`);
  }
}

import type { MigrationInterface, QueryRunner } from 'typeorm';
import { eventStoreDdl } from '../../event-store/postgres/event-store-ddl';
import { schemaOf } from '../schema-of';

export class EventStore1764115200000 implements MigrationInterface {
  name = 'EventStore1764115200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const statement of eventStoreDdl(schemaOf(queryRunner)))
      await queryRunner.query(statement);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const schema = schemaOf(queryRunner);
    await queryRunner.query(`DROP FUNCTION "${schema}".append_events`);
    await queryRunner.query(`DROP FUNCTION "${schema}".recorded_append`);
    await queryRunner.query(`DROP TABLE "${schema}".events`);
  }
}

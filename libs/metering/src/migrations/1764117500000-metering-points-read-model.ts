import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `metering_points` read model (MTR-1). The checks repeat the aggregate's invariants so a
 * projector bug shows up as a failed batch rather than as a row no event could have produced.
 */
export class MeteringPointsReadModel1764117500000 implements MigrationInterface {
  name = 'MeteringPointsReadModel1764117500000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.metering_points (
      point_id text CONSTRAINT "PK_metering_points" PRIMARY KEY
        CONSTRAINT "CHK_metering_points_point_id" CHECK (point_id ~ '^03101[12][0-9]{16}$'),
      kind text NOT NULL CONSTRAINT "CHK_metering_points_kind"
        CHECK (kind IN ('SUPPLY', 'RECEPTION')),
      meter_id text CONSTRAINT "CHK_metering_points_meter_id" CHECK (meter_id ~ '^[A-Z][0-9]{6}$'),
      terminal_type text NOT NULL CONSTRAINT "CHK_metering_points_terminal_type"
        CHECK (terminal_type IN ('HIGH_VOLTAGE_TERMINAL', 'OPTICAL', 'UNKNOWN')),
      island boolean NOT NULL,
      b_route_state text NOT NULL CONSTRAINT "CHK_metering_points_b_route_state"
        CHECK (b_route_state IN ('NOT_SUBSCRIBED', 'PENDING', 'ACTIVE', 'TERMINATED')),
      open_application_id integer,
      open_application_kind text CONSTRAINT "CHK_metering_points_open_application_kind"
        CHECK (open_application_kind IN ('NEW', 'TERMINATION')),
      updated_at timestamptz NOT NULL,
      CONSTRAINT "CHK_metering_points_open_application"
        CHECK ((open_application_id IS NULL) = (open_application_kind IS NULL))
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_metering_points_open_application" ON ${s}.metering_points (open_application_id) WHERE open_application_id IS NOT NULL`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".metering_points`);
  }
}

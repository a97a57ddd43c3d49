import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options as { schema?: string };
  return options.schema ?? 'public';
}

/**
 * Issue 11 §8 (ASVS 16): the security log. Append-only, beside the event streams rather than in
 * them: a failed guess or a refused request is an observation about traffic, not a fact of an
 * aggregate, and it is purged after its retention while events are kept for good.
 */
export class SecurityEvents1764119400000 implements MigrationInterface {
  name = 'SecurityEvents1764119400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.security_events (
      seq bigserial CONSTRAINT "PK_security_events" PRIMARY KEY,
      occurred_at timestamptz NOT NULL,
      type text NOT NULL,
      user_id text,
      role text,
      client_address text,
      detail jsonb
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_security_events_occurred_at" ON ${s}.security_events (occurred_at DESC, seq DESC)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".security_events`);
  }
}

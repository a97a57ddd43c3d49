import type { MigrationInterface, QueryRunner } from 'typeorm';

function schemaOf(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options as { schema?: string };
  return options.schema ?? 'public';
}

/**
 * Issue 11: the per-address login window counted people (every login); these counters count
 * guesses and requests under a key (`login-failures:pair:…`, `register:address:…`), each with its
 * own window, so one table serves every throttle. The old table's counts are dropped with it:
 * a fresh window is what every address would get within five minutes anyway.
 */
export class AttemptCounters1764119000000 implements MigrationInterface {
  name = 'AttemptCounters1764119000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP TABLE IF EXISTS ${s}.login_throttle`);
    await queryRunner.query(`CREATE TABLE ${s}.attempt_counters (
      counter_key text CONSTRAINT "PK_attempt_counters" PRIMARY KEY,
      window_ends_at timestamptz NOT NULL,
      attempts integer NOT NULL CONSTRAINT "CHK_attempt_counters_attempts" CHECK (attempts >= 0)
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_attempt_counters_window_ends_at" ON ${s}.attempt_counters (window_ends_at)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP TABLE ${s}.attempt_counters`);
    await queryRunner.query(`CREATE TABLE ${s}.login_throttle (
      client_address text CONSTRAINT "PK_login_throttle" PRIMARY KEY,
      window_started_at timestamptz NOT NULL,
      attempts integer NOT NULL CONSTRAINT "CHK_login_throttle_attempts" CHECK (attempts > 0)
    )`);
  }
}

import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The `application_search` read model (APP-10). A partial customer-name search is a
 * `LIKE '%…%'` on the folded key, which only a trigram GIN index keeps off a sequential scan at a
 * million rows; the btree indexes serve newest-first listing, alone or per owner or status.
 *
 * pg_trgm is one per database: created in `public` when missing, never in the configured schema,
 * because dropping that schema (as every spec does) would drop the extension and with it every
 * other schema's trigram index. The operator class is named with the schema it really lives in.
 */
export class ApplicationSearch1764117600000 implements MigrationInterface {
  name = 'ApplicationSearch1764117600000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    // Two schemas migrating at once would both try to create it: one waits for the other.
    await queryRunner.query(`SELECT pg_advisory_xact_lock(hashtext('create extension pg_trgm'))`);
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm WITH SCHEMA public`);
    const [trgm] = (await queryRunner.query(
      `SELECT quote_ident(n.nspname) AS schema FROM pg_extension e
         JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname = 'pg_trgm'`,
    )) as { schema: string }[];
    if (!trgm) throw new Error('pg_trgm is not installed');
    await queryRunner.query(`CREATE TABLE ${s}.application_search (
      application_id integer CONSTRAINT "PK_application_search" PRIMARY KEY,
      registered_at timestamptz NOT NULL,
      status text NOT NULL CONSTRAINT "CHK_application_search_status" CHECK (status IN
        ('RECEIVED', 'IN_PROGRESS', 'COMPLETED', 'RETURNED', 'REJECTED', 'WITHDRAWN')),
      kind text NOT NULL CONSTRAINT "CHK_application_search_kind"
        CHECK (kind IN ('NEW', 'TERMINATION', 'ACTIVATION')),
      owner_account_id text NOT NULL,
      customer_name text NOT NULL,
      customer_name_key text NOT NULL,
      updated_at timestamptz NOT NULL,
      revision integer NOT NULL,
      view jsonb NOT NULL
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_application_search_name_trgm" ON ${s}.application_search
         USING gin (customer_name_key ${trgm.schema}.gin_trgm_ops)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_application_search_registered" ON ${s}.application_search (registered_at, application_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_application_search_owner" ON ${s}.application_search (owner_account_id, registered_at, application_id)`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_application_search_status" ON ${s}.application_search (status, registered_at, application_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "${schemaOf(queryRunner)}".application_search`);
  }
}

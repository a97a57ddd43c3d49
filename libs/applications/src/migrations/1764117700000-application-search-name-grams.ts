import { schemaOf } from '@app/event-sourcing';
import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * APP-10 at one and two characters: a search text that short has no trigram, so the trigram index
 * cannot answer it and `LIKE '%…%'` read every row. The projection now also keeps every one- and
 * two-character piece of the folded name (`customerNameGrams`) in an array under a GIN index, where
 * "contains the piece" is exactly "contains the text". Existing rows get theirs here, by the same
 * rule in SQL (characters are code points on both sides).
 */
export class ApplicationSearchNameGrams1764117700000 implements MigrationInterface {
  name = 'ApplicationSearchNameGrams1764117700000';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(
      `ALTER TABLE ${s}.application_search ADD COLUMN customer_name_grams text[] NOT NULL DEFAULT '{}'`,
    );
    await queryRunner.query(
      `UPDATE ${s}.application_search SET customer_name_grams = ARRAY(
         SELECT DISTINCT substr(customer_name_key, i, n)
           FROM generate_series(1, char_length(customer_name_key)) AS i, (VALUES (1), (2)) AS v(n)
          WHERE i + n - 1 <= char_length(customer_name_key))`,
    );
    await queryRunner.query(
      `CREATE INDEX "IDX_application_search_name_grams" ON ${s}.application_search
         USING gin (customer_name_grams)`,
    );
    // Without statistics on the new column the planner guesses how many rows hold a piece, and
    // for a piece in few rows it guesses a walk down the date index that reads most of the table.
    await queryRunner.query(`ANALYZE ${s}.application_search`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      `ALTER TABLE "${schemaOf(queryRunner)}".application_search DROP COLUMN customer_name_grams`,
    );
  }
}

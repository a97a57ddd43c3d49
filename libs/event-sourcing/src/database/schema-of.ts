import type { QueryRunner } from 'typeorm';

/** The schema a migration writes into: the data source's, `public` by default. */
export function schemaOf(queryRunner: QueryRunner): string {
  const options = queryRunner.connection.options as { schema?: string };
  return options.schema ?? 'public';
}

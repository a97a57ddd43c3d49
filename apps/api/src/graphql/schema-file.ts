import { readFile, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { GRAPHQL_SDL_FILE_HEADER } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';

/** The served schema as committed, so a schema change shows up in review (a spec checks it). */
export const SCHEMA_FILE = 'apps/api/schema.gql';

/** What SCHEMA_FILE holds for this schema: sorted SDL under Nest's generated-file header. */
export function schemaFileContent(schema: GraphQLSchema): string {
  return `${GRAPHQL_SDL_FILE_HEADER}${printSchema(lexicographicSortSchema(schema))}`;
}

/**
 * Development runs keep SCHEMA_FILE current, rewriting it only when the schema changed: its time
 * stays that of the last real change, so `npm start` does not rebuild the portal (which is
 * generated from it) after every start.
 */
export async function writeSchemaFileIfChanged(
  schema: GraphQLSchema,
  path = resolve(process.cwd(), SCHEMA_FILE),
): Promise<boolean> {
  const content = schemaFileContent(schema);
  if ((await readFile(path, 'utf8').catch(() => null)) === content) return false;
  await writeFile(path, content);
  return true;
}

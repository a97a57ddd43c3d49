import type { DataSource, EntityManager } from 'typeorm';
import { quoteIdent } from '../database/quote-ident';
import type { ReadModelEntity } from './projection';
import type { Queryable } from './projection-checkpoints';

export interface ReadModelTable {
  readonly schema: string;
  readonly table: string;
}

const qualified = (schema: string, table: string) => `${quoteIdent(schema)}.${quoteIdent(table)}`;

/** The live tables behind a projection's entities, as the data source maps them. */
export function readModelTables(
  dataSource: DataSource,
  entities: readonly ReadModelEntity[],
): ReadModelTable[] {
  const fallback = (dataSource.options as { schema?: string }).schema ?? 'public';
  return entities.map((entity) => {
    if (!dataSource.hasMetadata(entity))
      throw new Error(`entity ${entityName(entity)} is not registered in the data source`);
    const metadata = dataSource.getMetadata(entity);
    return { schema: metadata.schema ?? fallback, table: metadata.tableName };
  });
}

/**
 * The quoted `"schema"."table"` of an entity as `manager` maps it: a projection writing plain SQL
 * names its table through this, so that a rebuild's scratch twin is what it writes during a replay.
 */
export function readModelTable(manager: EntityManager, entity: ReadModelEntity): string {
  const [table] = readModelTables(manager.connection, [entity]);
  if (!table) throw new Error(`entity ${entityName(entity)} has no table`);
  return qualified(table.schema, table.table);
}

function entityName(entity: ReadModelEntity): string {
  return typeof entity === 'function' ? entity.name : entity.options.name;
}

/**
 * Creates empty twins of the tables in another schema: same columns, defaults, checks, keys and
 * indexes under the same names, so that after a swap the live schema looks exactly as its
 * migrations left it (later migrations refer to those names). Resolves with the statements that
 * create the twins' non-unique indexes, which it leaves to the caller: a replay writes faster
 * without them, and one index built over the full table is faster than a row at a time. Keys and
 * unique indexes are made at once (an upsert's ON CONFLICT needs them).
 */
export async function cloneTables(
  db: Queryable,
  tables: readonly ReadModelTable[],
  into: string,
): Promise<string[]> {
  const deferred: string[] = [];
  for (const { schema, table } of tables) {
    const live = qualified(schema, table);
    const twin = qualified(into, table);
    const [foreign] = (await db.query(
      `SELECT count(*)::int AS n FROM pg_constraint WHERE contype = 'f' AND (conrelid = $1::regclass OR confrelid = $1::regclass)`,
      [live],
    )) as { n: number }[];
    // A foreign key would tie the twin to the table it replaces; read models do not need them.
    if (foreign?.n) throw new Error(`cannot rebuild ${live}: it takes part in a foreign key`);
    await db.query(`CREATE TABLE ${twin} (LIKE ${live} INCLUDING ALL EXCLUDING INDEXES)`);
    const keys = (await db.query(
      `SELECT quote_ident(conname) AS name, pg_get_constraintdef(oid) AS definition FROM pg_constraint
        WHERE conrelid = $1::regclass AND contype IN ('p', 'u', 'x') ORDER BY oid`,
      [live],
    )) as { name: string; definition: string }[];
    for (const key of keys)
      await db.query(`ALTER TABLE ${twin} ADD CONSTRAINT ${key.name} ${key.definition}`);
    const indexes = (await db.query(
      `SELECT pg_get_indexdef(i.indexrelid) AS definition, quote_ident($2) || '.' || quote_ident($3) AS printed,
              i.indisunique AS unique
         FROM pg_index i
        WHERE i.indrelid = $1::regclass
          AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid AND c.conrelid = i.indrelid)
        ORDER BY i.indexrelid`,
      [live, schema, table],
    )) as { definition: string; printed: string; unique: boolean }[];
    for (const index of indexes) {
      const on = ` ON ${index.printed} USING `;
      if (!index.definition.includes(on))
        throw new Error(`cannot copy index of ${live}: ${index.definition}`);
      const create = index.definition.replace(on, ` ON ${twin} USING `);
      if (index.unique) await db.query(create);
      else deferred.push(create);
    }
  }
  return deferred;
}

/**
 * Inside the caller's transaction: drops each live table and moves its twin into place. A serial
 * column's sequence belongs to the live table and is shared by the twin, so it changes owner
 * instead of being dropped with the old table.
 */
export async function swapInTables(
  db: Queryable,
  tables: readonly ReadModelTable[],
  from: string,
): Promise<void> {
  for (const { schema, table } of tables) {
    const live = qualified(schema, table);
    const sequences = (await db.query(
      `SELECT quote_ident(n.nspname) || '.' || quote_ident(s.relname) AS sequence, quote_ident(a.attname) AS column
         FROM pg_depend d
         JOIN pg_class s ON s.oid = d.objid AND s.relkind = 'S'
         JOIN pg_namespace n ON n.oid = s.relnamespace
         JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
        WHERE d.classid = 'pg_class'::regclass AND d.refobjid = $1::regclass AND d.deptype = 'a'`,
      [live],
    )) as { sequence: string; column: string }[];
    for (const { sequence } of sequences)
      await db.query(`ALTER SEQUENCE ${sequence} OWNED BY NONE`);
    await db.query(`DROP TABLE ${live}`);
    await db.query(`ALTER TABLE ${qualified(from, table)} SET SCHEMA ${quoteIdent(schema)}`);
    for (const { sequence, column } of sequences)
      await db.query(`ALTER SEQUENCE ${sequence} OWNED BY ${live}.${column}`);
  }
}

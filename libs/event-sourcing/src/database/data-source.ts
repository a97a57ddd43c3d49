import { quoteIdent } from './quote-ident';
import { DataSource, type EntitySchema, type MigrationInterface } from 'typeorm';
import { EventStore1764115200000 } from './migrations/1764115200000-event-store';
import { ProjectionCheckpoints1764115300000 } from './migrations/1764115300000-projection-checkpoints';
import { PiiKeys1764115400000 } from './migrations/1764115400000-pii-keys';
import { HistoryLinks1764115500000 } from './migrations/1764115500000-history-links';

type EntityTarget = (new (...args: never[]) => object) | EntitySchema;
type MigrationClass = new () => MigrationInterface;

const CONNECT_TIMEOUT_MS = 10_000;

/**
 * A server that ends a session (restart, admin shutdown) makes pg emit 'error' on the client,
 * and once more when its socket closes. The pool listens only while a client is idle, and
 * TypeORM only until its first error: a checked-out client with no listener would crash the
 * process (issue 9). The failure itself still reaches the query or the holder of the client.
 */
function keepErrorsFromCrashing(client: {
  on(event: 'error', listener: () => void): unknown;
}): void {
  client.on('error', () => undefined);
}

/** The kernel's own tables; contexts add theirs through `DatabaseOptions`. */
const KERNEL_MIGRATIONS: MigrationClass[] = [
  EventStore1764115200000,
  ProjectionCheckpoints1764115300000,
  PiiKeys1764115400000,
  HistoryLinks1764115500000,
];

export interface DatabaseOptions {
  readonly url: string;
  readonly schema: string;
  readonly entities?: EntityTarget[];
  readonly migrations?: MigrationClass[];
  readonly poolSize?: number;
}

/**
 * A TypeORM data source over `pg`. Schemas come from migrations only; `synchronize` stays off.
 * The migrations table lives in the same schema, so schemas are independent of each other.
 */
export function createDataSource(options: DatabaseOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url: options.url,
    schema: options.schema,
    entities: options.entities ?? [],
    migrations: [...KERNEL_MIGRATIONS, ...(options.migrations ?? [])],
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    synchronize: false,
    logging: false,
    // A request waits at most this long for a connection (a slot in the pool, or a server that
    // does not answer), then fails as unreachable instead of hanging while the database is away.
    extra: {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      onConnect: keepErrorsFromCrashing,
    },
  });
}

/** Creates the schema if needed and applies pending migrations. */
export async function migrate(dataSource: DataSource): Promise<void> {
  const schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  await dataSource.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
  await dataSource.runMigrations();
}

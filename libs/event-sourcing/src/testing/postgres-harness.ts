import type { Pool } from 'pg';
import { createTestSchema, type TestDatabaseTarget } from '@test/database';
import { createDataSource, migrate } from '../database/data-source';
import {
  PostgresEventStore,
  type PostgresEventStoreOptions,
} from '../event-store/postgres/postgres-event-store';
import type { EventStoreHarness, HarnessOptions } from './event-store-contract';

/** A PostgreSQL event store on a fresh, migrated schema of the target database. */
export async function postgresHarness(
  target: TestDatabaseTarget,
  options: HarnessOptions = {},
  Store: new (options: PostgresEventStoreOptions) => PostgresEventStore = PostgresEventStore,
): Promise<EventStoreHarness & { schema: string; pool: Pool; store: PostgresEventStore }> {
  const database = await createTestSchema(target, 20);
  const dataSource = createDataSource({ url: target.url, schema: database.schema, poolSize: 1 });
  await dataSource.initialize();
  await migrate(dataSource);
  await dataSource.destroy();

  const { pool, schema } = database;
  const store = new Store({
    pool,
    schema,
    upcasters: options.upcasters,
    pollIntervalMs: 20,
    preparedStatements: target.kind === 'postgres',
  });
  return {
    store,
    schema,
    pool,
    async tamper(stream, revision, dataText) {
      await pool.query(
        `UPDATE "${schema}".events SET data = $3 WHERE stream_id = $1 AND revision = $2`,
        [stream, revision, dataText],
      );
    },
    holdAppend:
      target.kind === 'postgres'
        ? async (stream, events) => {
            const client = await pool.connect();
            // The store's own append statements, in a transaction left open: they must join the
            // appenders by themselves, before they insert.
            await client.query('BEGIN');
            await store.appendWithin(client, stream, events, 'any');
            return {
              async commit() {
                await client.query('COMMIT');
                client.release();
              },
            };
          }
        : undefined,
    async dispose() {
      await store.close();
      await database.dispose();
    },
  };
}

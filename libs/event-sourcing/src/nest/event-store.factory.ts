import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../event-store/event-store.port';
import { EventStoreDbEventStore } from '../event-store/eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import type { EventSourcingOptions } from './event-sourcing.options';

/** EventStoreDB when configured, otherwise the `events` table next to the read models. */
export function createEventStore(
  dataSource: DataSource,
  options: EventSourcingOptions,
): EventStore {
  if (options.eventStoreUrl) {
    return new EventStoreDbEventStore({
      connectionString: options.eventStoreUrl,
      upcasters: options.upcasters,
    });
  }
  return new PostgresEventStore({
    pool: poolOf(dataSource),
    schema: options.databaseSchema,
    upcasters: options.upcasters,
    // PGlite's connections share one session, where named statements would collide.
    preparedStatements: Boolean(options.databaseUrl),
  });
}

/** The `pg.Pool` TypeORM's postgres driver keeps as `master`, shared so there is one pool. */
export function poolOf(dataSource: DataSource): Pool {
  const pool = (dataSource.driver as unknown as { master?: Pool }).master;
  if (!pool || typeof pool.query !== 'function') {
    throw new Error('the data source has no pg pool: is it an initialised postgres data source?');
  }
  return pool;
}

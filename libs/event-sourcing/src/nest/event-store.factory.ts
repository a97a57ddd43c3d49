import { Logger } from '@nestjs/common';
import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { EventStore } from '../event-store/event-store.port';
import { EventStoreDbEventStore } from '../event-store/eventstoredb/eventstoredb-event-store';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import type { EventSourcingOptions } from './event-sourcing.options';

/** EventStoreDB when configured, otherwise the `events` table next to the read models. */
export async function createEventStore(
  dataSource: DataSource,
  options: EventSourcingOptions,
): Promise<EventStore> {
  if (options.eventStoreUrl) {
    return new EventStoreDbEventStore({
      connectionString: options.eventStoreUrl,
      upcasters: options.upcasters,
      logger: new Logger('EventStoreDB'),
    });
  }
  return new PostgresEventStore({
    pool: poolOf(dataSource),
    schema: options.databaseSchema,
    upcasters: options.upcasters,
    // PGlite's connections share one session, where named statements would collide; a URL may
    // point at PGlite too (the tests' own, or another process's embedded database).
    preparedStatements: !(await isPglite(dataSource)),
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

export async function isPglite(dataSource: DataSource): Promise<boolean> {
  const rows: { version: string }[] = await dataSource.query('SELECT version() AS version');
  return /PGlite/.test(rows[0]?.version ?? '');
}

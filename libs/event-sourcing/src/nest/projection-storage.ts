import type { DataSource } from 'typeorm';
import { createDataSource } from '../database/data-source';
import type { EventStore } from '../event-store/event-store.port';
import { createEventStore, isPglite } from './event-store.factory';
import type { EventSourcingOptions } from './event-sourcing.options';

export const PROJECTION_STORAGE = Symbol('ProjectionStorage');

/** Where the projection runners read events and write read models. */
export interface ProjectionStorage {
  readonly dataSource: DataSource;
  readonly eventStore: EventStore;
  close(): Promise<void>;
}

/**
 * On a server, the runners get a pool of their own: on the requests' pool every batch (its read,
 * then its transaction) queued behind whatever a burst of requests had asked first, so a read
 * model, and every mutation waiting to read its own write, fell behind by that queue. PGlite
 * serves one session to every connection, and a store that is not PostgreSQL reads elsewhere
 * anyway: there the runners share what there is.
 */
export async function openProjectionStorage(
  dataSource: DataSource,
  eventStore: EventStore,
  options: EventSourcingOptions,
  runners: number,
): Promise<ProjectionStorage> {
  const shared = { dataSource, eventStore, close: async () => {} };
  const { url, entities } = dataSource.options as {
    url?: string;
    entities?: Parameters<typeof createDataSource>[0]['entities'];
  };
  if (options.runProjections === false || url === undefined || (await isPglite(dataSource)))
    return shared;
  const own = createDataSource({
    url,
    schema: options.databaseSchema,
    entities: [...(entities ?? [])],
    // One connection per runner and one for the session holding their locks: a runner never
    // waits for another's batch (a mail projection's may take a while).
    poolSize: runners + 1,
  });
  await own.initialize();
  return {
    dataSource: own,
    eventStore: options.eventStoreUrl ? eventStore : await createEventStore(own, options),
    close: async () => {
      if (own.isInitialized) await own.destroy();
    },
  };
}

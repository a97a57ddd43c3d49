import { Logger } from '@nestjs/common';
import { embeddedDatabaseLocation, startEmbeddedDatabase } from './embedded-database';
import type { EventSourcingOptions } from './event-sourcing.options';

/** The PostgreSQL the data source connects to: a configured server, or PGlite started here. */
export interface DatabaseServer {
  readonly url: string;
  readonly embedded: boolean;
  /** Stops what was started here; a configured server is left alone. */
  stop(): Promise<void>;
}

export const DATABASE_SERVER = Symbol('DatabaseServer');

export async function openDatabaseServer(options: EventSourcingOptions): Promise<DatabaseServer> {
  if (options.databaseUrl)
    return { url: options.databaseUrl, embedded: false, stop: async () => {} };
  const location = options.embedded ?? embeddedDatabaseLocation();
  const logger = new Logger('EmbeddedDatabase');
  const started = Date.now();
  const database = await startEmbeddedDatabase(location);
  logger.log(
    `PGlite ready in ${Date.now() - started} ms: data ${location.dataDir}, socket ${location.socketPath}`,
  );
  return { url: database.url, embedded: true, stop: () => database.stop() };
}

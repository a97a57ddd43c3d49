import {
  startEmbeddedPostgres,
  type EmbeddedPostgres,
} from '../libs/event-sourcing/src/database/embedded-postgres';

declare global {
  var embeddedTestDatabases: EmbeddedPostgres[] | undefined;
}

/**
 * One in-memory PGlite per jest worker, started once for the whole run; each suite takes a
 * fresh schema in its worker's database (see `test/database.ts`). Workers find theirs by
 * JEST_WORKER_ID in PGLITE_TEST_URLS.
 */
export default async function globalSetup(globalConfig: { maxWorkers: number }): Promise<void> {
  const databases = await Promise.all(
    Array.from({ length: Math.max(1, globalConfig.maxWorkers) }, () => startEmbeddedPostgres()),
  );
  globalThis.embeddedTestDatabases = databases;
  process.env.PGLITE_TEST_URLS = databases.map((database) => database.url).join(' ');
}

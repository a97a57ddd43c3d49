import { existsSync, statSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  embeddedDatabaseLocation,
  servedEmbeddedDatabaseUrl,
  startEmbeddedDatabase,
} from './embedded-database';

// PGlite starting from disk takes seconds; on a machine shared by several suites, tens of them.
const PGLITE_FROM_DISK_MS = 120_000;

describe('the embedded database', () => {
  let root: string;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'embedded-'));
  });

  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it(
    'creates ./var owner-only (0700, socket 0600), serves the socket to other clients, refuses a second owner and cleans up',
    async () => {
      const location = embeddedDatabaseLocation(root);
      const database = await startEmbeddedDatabase(location);
      try {
        const client = new pg.Client({ connectionString: database.url });
        await client.connect();
        const { rows } = await client.query<{ answer: number }>('SELECT 41 + 1 AS answer');
        await client.end();

        expect(location).toEqual({
          dataDir: join(root, 'var/data'),
          socketPath: join(root, 'var/run/.s.PGSQL.5432'),
        });
        expect(rows).toEqual([{ answer: 42 }]);
        // Issue 11 §7: nobody but the owner lists ./var or connects to the socket.
        expect(statSync(join(root, 'var')).mode & 0o777).toBe(0o700);
        expect(statSync(join(root, 'var/run')).mode & 0o777).toBe(0o700);
        expect(statSync(location.socketPath).mode & 0o777).toBe(0o600);
        expect(await servedEmbeddedDatabaseUrl(location)).toBe(database.url);
        await expect(startEmbeddedDatabase(location)).rejects.toThrow(
          /already served by another process/,
        );
      } finally {
        await database.stop();
      }
      expect(existsSync(location.socketPath)).toBe(false);
      expect(await servedEmbeddedDatabaseUrl(location)).toBeNull();
    },
    PGLITE_FROM_DISK_MS,
  );

  it(
    'replaces a socket file left behind by a crash',
    async () => {
      const location = embeddedDatabaseLocation(root);
      await startEmbeddedDatabase(location).then((database) => database.stop());
      await writeFile(location.socketPath, '');
      expect(await servedEmbeddedDatabaseUrl(location)).toBeNull();

      const database = await startEmbeddedDatabase(location);
      await database.stop();
    },
    PGLITE_FROM_DISK_MS,
  );
});

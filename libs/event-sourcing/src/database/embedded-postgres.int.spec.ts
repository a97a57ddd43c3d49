import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { Client } from 'pg';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';

/** Runs one query on the embedded database over the wire, as the API does. */
async function query<T>(database: EmbeddedPostgres, text: string): Promise<T[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('the embedded database (PGlite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'embedded-postgres-'));
  const template = join(dir, 'marked.tar.gz');
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    // A template that can be told apart from a plain initdb: it holds a table.
    const db = await PGlite.create();
    await db.exec('CREATE TABLE from_template (note text)');
    const tarball = await db.dumpDataDir('gzip');
    await db.close();
    writeFileSync(template, Buffer.from(await tarball.arrayBuffer()));
  }, 60_000);

  it('starts a new data directory from the template and keeps what it wrote across restarts', async () => {
    const dataDir = join(dir, 'data');
    const first = await startEmbeddedPostgres({ dataDir, template });
    await query(first, "INSERT INTO from_template VALUES ('written')");
    await first.stop();

    // An existing directory is opened as it is: never replaced by a template.
    const again = await startEmbeddedPostgres({ dataDir, template: join(dir, 'missing.tar.gz') });
    expect(await query(again, 'SELECT note FROM from_template')).toEqual([{ note: 'written' }]);
    await again.stop();
  }, 60_000);

  it('starts an in-memory database from the template too', async () => {
    const database = await startEmbeddedPostgres({ template });
    expect(await query(database, 'SELECT count(*)::int AS n FROM from_template')).toEqual([
      { n: 0 },
    ]);
    await database.stop();
  }, 60_000);

  it('runs initdb as before when the template is missing or is not one PGlite can load', async () => {
    const broken = join(dir, 'broken.tar.gz');
    writeFileSync(broken, 'not a tarball');
    for (const [name, path] of [
      ['missing', join(dir, 'missing.tar.gz')],
      ['broken', broken],
    ]) {
      const database = await startEmbeddedPostgres({ dataDir: join(dir, name), template: path });
      expect(await query(database, "SELECT to_regclass('from_template') IS NULL AS plain")).toEqual(
        [{ plain: true }],
      );
      await database.stop();
    }
  }, 120_000);
});

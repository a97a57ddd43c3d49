import { randomBytes } from 'node:crypto';
import pg from 'pg';

export type TestDatabaseKind = 'pglite' | 'postgres';

export interface TestDatabaseTarget {
  readonly kind: TestDatabaseKind;
  readonly url: string;
}

/** PGlite always; the PostgreSQL server too when TEST_DATABASE_URL is set (as CI does). */
export function testDatabaseTargets(): TestDatabaseTarget[] {
  const targets: TestDatabaseTarget[] = [{ kind: 'pglite', url: pgliteUrl() }];
  const server = process.env.TEST_DATABASE_URL;
  if (server) targets.push({ kind: 'postgres', url: server });
  return targets;
}

function pgliteUrl(): string {
  const urls = (process.env.PGLITE_TEST_URLS ?? '').split(' ').filter(Boolean);
  const worker = Number(process.env.JEST_WORKER_ID ?? '1');
  const url = urls[(worker - 1) % Math.max(urls.length, 1)];
  if (!url) throw new Error('no PGlite test database: run the tests through jest (globalSetup)');
  return url;
}

export interface TestSchema {
  readonly kind: TestDatabaseKind;
  readonly url: string;
  readonly schema: string;
  readonly pool: pg.Pool;
  /** Drops the schema and ends the pool. */
  dispose(): Promise<void>;
}

/** A fresh, empty schema for one suite, and a pool on its database. */
export async function createTestSchema(
  target: TestDatabaseTarget,
  poolSize = 10,
): Promise<TestSchema> {
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const pool = new pg.Pool({ connectionString: target.url, max: poolSize });
  await pool.query(`CREATE SCHEMA "${schema}"`);
  return {
    kind: target.kind,
    url: target.url,
    schema,
    pool,
    async dispose() {
      await pool.query(`DROP SCHEMA "${schema}" CASCADE`);
      await pool.end();
    },
  };
}

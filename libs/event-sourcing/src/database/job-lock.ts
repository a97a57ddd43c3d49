import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';

/** Names taken in this process: PGlite is one shared session, where the advisory lock excludes nobody. */
const runningHere = new Set<string>();

/**
 * Runs a job in one process at a time across every process on the database: a session advisory
 * lock, tried (never waited for) on a connection held for the job's length. A job that finds the
 * lock taken is skipped; the holder is doing the same work.
 */
export class JobLock {
  private readonly schema: string;

  constructor(private readonly dataSource: DataSource) {
    this.schema = (dataSource.options as { schema?: string }).schema ?? 'public';
  }

  /** The job's result, or null when another run holds the lock. */
  async runExclusive<T>(name: string, work: () => Promise<T>): Promise<T | null> {
    const key = createHash('sha256')
      .update(`job:${this.schema}.${name}`)
      .digest()
      .readBigInt64BE(0);
    const guard = `${this.schema}.${name}`;
    if (runningHere.has(guard)) return null;
    runningHere.add(guard);
    const session = this.dataSource.createQueryRunner('master');
    try {
      await session.connect();
      const rows = (await session.query('SELECT pg_try_advisory_lock($1::bigint) AS locked', [
        key.toString(),
      ])) as { locked: boolean }[];
      if (!rows[0]?.locked) return null;
      try {
        return await work();
      } finally {
        await session.query('SELECT pg_advisory_unlock($1::bigint)', [key.toString()]);
      }
    } finally {
      runningHere.delete(guard);
      await session.release();
    }
  }
}

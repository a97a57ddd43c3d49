import type { DataSource } from 'typeorm';

/** One counter: a key and the length of the fixed window that starts with its first count. */
export interface CounterWindow {
  readonly key: string;
  readonly windowMs: number;
}

/**
 * Fixed-window counters in the database, so every API process on it counts together. A count is
 * one atomic upsert of all the keys of a request (no read-then-write race between processes):
 * the caller learns each key's count including this one, and may take it back (`uncount`) when
 * the attempt turns out not to be one that counts (a right password). Every statement locks its
 * rows in the order of their keys, so concurrent counts and take-backs of the same keys (one user
 * ID tried many times from one address) wait for each other instead of deadlocking.
 */
export class AttemptCounters {
  private readonly table: string;

  constructor(private readonly dataSource: DataSource) {
    const options = dataSource.options as { schema?: string };
    this.table = `"${options.schema ?? 'public'}".attempt_counters`;
  }

  /** Counts one attempt under every key; answers each key's count in its current window. */
  async count(windows: readonly CounterWindow[], now: Date): Promise<Map<string, number>> {
    if (windows.length === 0) return new Map();
    // INSERT … ON CONFLICT locks the rows in the order of its VALUES.
    const ordered = [...windows].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const values = ordered.map((_, i) => `($${i * 2 + 2}, $${i * 2 + 3}::timestamptz, 1)`);
    const parameters: unknown[] = [now];
    for (const window of ordered) {
      parameters.push(window.key, new Date(now.getTime() + window.windowMs));
    }
    const rows: { counter_key: string; attempts: number }[] = await this.dataSource.query(
      `INSERT INTO ${this.table} AS t (counter_key, window_ends_at, attempts)
       VALUES ${values.join(', ')}
       ON CONFLICT (counter_key) DO UPDATE SET
         window_ends_at = CASE WHEN t.window_ends_at <= $1 THEN EXCLUDED.window_ends_at ELSE t.window_ends_at END,
         attempts = CASE WHEN t.window_ends_at <= $1 THEN 1 ELSE t.attempts + 1 END
       RETURNING counter_key, attempts`,
      parameters,
    );
    return new Map(rows.map((row) => [row.counter_key, row.attempts]));
  }

  /** The counts under these keys now, without counting. */
  async peek(keys: readonly string[], now: Date): Promise<Map<string, number>> {
    if (keys.length === 0) return new Map();
    const rows: { counter_key: string; attempts: number }[] = await this.dataSource.query(
      `SELECT counter_key, attempts FROM ${this.table}
       WHERE counter_key = ANY($1) AND window_ends_at > $2`,
      [keys, now],
    );
    return new Map(rows.map((row) => [row.counter_key, row.attempts]));
  }

  /** Takes one count back under every key (never below zero). */
  async uncount(keys: readonly string[]): Promise<void> {
    if (keys.length === 0) return;
    // An UPDATE locks in whatever order its plan meets the rows; lock them in key order first.
    await this.dataSource.query(
      `WITH locked AS (
         SELECT counter_key FROM ${this.table} WHERE counter_key = ANY($1)
         ORDER BY counter_key FOR UPDATE
       )
       UPDATE ${this.table} AS t SET attempts = GREATEST(t.attempts - 1, 0)
       FROM locked WHERE t.counter_key = locked.counter_key`,
      [keys],
    );
  }

  /** Drops windows that have ended; returns how many. */
  async purgeEnded(now: Date): Promise<number> {
    const [, deleted]: [unknown, number] = await this.dataSource.query(
      `DELETE FROM ${this.table} WHERE window_ends_at <= $1`,
      [now],
    );
    return deleted;
  }
}

import type { Pool } from 'pg';

export interface DatabaseCounters {
  /** Committed and rolled-back transactions in the database, from every connection. */
  readonly transactions: number;
  /** Rows inserted, updated or deleted, per table. */
  readonly rows: ReadonlyMap<string, number>;
}

/**
 * PostgreSQL's cumulative statistics for the current database. Backends publish them when
 * idle, at the latest about 10 s later (PostgreSQL 15's PGSTAT_IDLE_INTERVAL): read them after
 * that long a pause, or a busy run's last second is missing.
 */
export async function databaseCounters(pool: Pool, settleMs = 11_000): Promise<DatabaseCounters> {
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  const [database, tables] = await Promise.all([
    pool.query<{ transactions: string }>(
      `SELECT xact_commit + xact_rollback AS transactions
         FROM pg_stat_database WHERE datname = current_database()`,
    ),
    pool.query<{ name: string; rows: string }>(
      `SELECT schemaname || '.' || relname AS name, n_tup_ins + n_tup_upd + n_tup_del AS rows
         FROM pg_stat_user_tables`,
    ),
  ]);
  return {
    transactions: Number(database.rows[0]?.transactions ?? 0),
    rows: new Map(tables.rows.map((row) => [row.name, Number(row.rows)])),
  };
}

/**
 * Per operation: database transactions (less `own` made by the bench itself, e.g. the lag
 * sampler's polls), and the rows written per table, for the tables that got any.
 */
export function perOperation(
  before: DatabaseCounters,
  after: DatabaseCounters,
  operations: number,
  own: number,
): Record<string, number> {
  const per = (delta: number) => delta / Math.max(1, operations);
  const result: Record<string, number> = {
    transactions: per(after.transactions - before.transactions - own),
  };
  for (const [table, rows] of after.rows) {
    const delta = rows - (before.rows.get(table) ?? 0);
    if (delta > 0) result[`rows written: ${table}`] = per(delta);
  }
  return result;
}

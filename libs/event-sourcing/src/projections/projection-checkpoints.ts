import { quoteIdent } from '../database/quote-ident';
import type { Checkpoint } from '../event-store/event-store.port';
import { CheckpointMovedError } from './projection.errors';

/** A `DataSource` (autocommit) or a transaction's `EntityManager`. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<unknown>;
}

export interface StoredCheckpoint {
  readonly checkpoint: Checkpoint | null;
  readonly position: bigint;
  readonly updatedAt: Date | null;
}

interface Row {
  checkpoint: string | null;
  position: string;
  updated_at: Date;
}

const START: StoredCheckpoint = { checkpoint: null, position: 0n, updatedAt: null };

/** The `projection_checkpoints` table of one schema (see the 1764115300000 migration). */
export class ProjectionCheckpoints {
  private readonly table: string;

  constructor(schema: string) {
    this.table = `${quoteIdent(schema)}.projection_checkpoints`;
  }

  async read(db: Queryable, name: string): Promise<StoredCheckpoint> {
    const rows = (await db.query(
      `SELECT checkpoint, position, updated_at FROM ${this.table} WHERE name = $1`,
      [name],
    )) as Row[];
    return rows[0] ? toStored(rows[0]) : START;
  }

  /** Creates the row on first use so that later writers can lock it. */
  async load(db: Queryable, name: string): Promise<StoredCheckpoint> {
    await db.query(`INSERT INTO ${this.table} (name) VALUES ($1) ON CONFLICT (name) DO NOTHING`, [
      name,
    ]);
    return this.read(db, name);
  }

  /** First thing in a writing transaction: serialises writers; the caller fences on the answer. */
  async lock(db: Queryable, name: string): Promise<Checkpoint | null> {
    const rows = (await db.query(
      `SELECT checkpoint FROM ${this.table} WHERE name = $1 FOR UPDATE`,
      [name],
    )) as Row[];
    return rows[0]?.checkpoint ?? null;
  }

  async save(
    db: Queryable,
    name: string,
    checkpoint: Checkpoint | null,
    position: bigint,
  ): Promise<StoredCheckpoint> {
    const rows = (await db.query(
      `INSERT INTO ${this.table} (name, checkpoint, position, updated_at) VALUES ($1, $2, $3, now())
       ON CONFLICT (name) DO UPDATE SET checkpoint = EXCLUDED.checkpoint, position = EXCLUDED.position, updated_at = EXCLUDED.updated_at
       RETURNING checkpoint, position, updated_at`,
      [name, checkpoint, position.toString()],
    )) as Row[];
    const saved = rows[0];
    if (!saved) throw new Error(`checkpoint of projection ${name} was not saved`);
    return toStored(saved);
  }

  /** Moves past events the filter skipped, unless someone else moved the checkpoint meanwhile. */
  async advance(
    db: Queryable,
    name: string,
    expected: Checkpoint | null,
    checkpoint: Checkpoint,
  ): Promise<StoredCheckpoint> {
    // A CTE, because TypeORM answers a bare UPDATE with `[rows, rowCount]` instead of the rows.
    const rows = (await db.query(
      `WITH moved AS (
         UPDATE ${this.table} SET checkpoint = $2, updated_at = now()
          WHERE name = $1 AND checkpoint IS NOT DISTINCT FROM $3
         RETURNING checkpoint, position, updated_at)
       SELECT * FROM moved`,
      [name, checkpoint, expected],
    )) as Row[];
    const updated = rows[0];
    if (!updated)
      throw new CheckpointMovedError(name, expected, (await this.read(db, name)).checkpoint);
    return toStored(updated);
  }
}

function toStored(row: Row): StoredCheckpoint {
  return { checkpoint: row.checkpoint, position: BigInt(row.position), updatedAt: row.updated_at };
}

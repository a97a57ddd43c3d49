import { createHash } from 'node:crypto';
import type { ClientBase, Pool } from 'pg';

/** Anything that runs a query: a pool, or a client inside a transaction. */
export type Queryable = Pool | ClientBase;

/**
 * The shared advisory lock every transaction that appends events to one store holds, in the
 * two-int4 form (pg_locks shows it as classid, objid, objsubid = 2). Both halves stay below
 * 2^31 so they compare with pg_locks' oid columns without sign games.
 */
export interface AppendersLock {
  readonly classId: number;
  readonly objectId: number;
}

/** 'BR' + 'a': keeps these keys apart from anything else that uses the two-int4 form. */
const APPENDERS_CLASS_ID = 0x42_52_61;

export function appendersLock(schema: string): AppendersLock {
  const digest = createHash('sha256').update(`appenders:${schema}.events`).digest();
  return { classId: APPENDERS_CLASS_ID, objectId: digest.readUInt32BE(0) & 0x7f_ff_ff_ff };
}

export class AppendersLockOrderError extends Error {
  constructor() {
    super(
      'joinAppenders must be the first statement of an appending transaction: this one already ' +
        'has a transaction id, which the gap-free reader would not wait for',
    );
  }
}

/**
 * The lock call, its two keys taken from parameters `$first` and `$first + 1`: for statements
 * that join the appenders themselves before they insert (the store's own appends).
 */
export function joinAppendersCall(first: number): string {
  return `pg_advisory_xact_lock_shared($${first}::int4, $${first + 1}::int4)`;
}

/**
 * Call first inside every transaction that appends events (before anything in it writes).
 *
 * The transaction takes the shared appenders lock, and only then gets its transaction id, forced
 * here rather than at its first insert. Order is what makes the reader exact: an appender that
 * is not among the lock's holders when the reader looks gets its id after that moment, so above
 * every id the reader lets through. Forcing the id at once keeps short the moment a holder has
 * no id yet, when the reader falls back to the server-wide xmin (see `appendersBarrierSql`).
 * A transaction that already has an id is refused: it could commit below the barrier unseen.
 */
export async function joinAppenders(client: Queryable, lock: AppendersLock): Promise<void> {
  // OFFSET 0 keeps the subquery a separate plan node, evaluated before the outer target list.
  const { rows } = await client.query<{ fresh: boolean }>(
    `SELECT joined.fresh, pg_current_xact_id() AS xid
       FROM (SELECT pg_current_xact_id_if_assigned() IS NULL AS fresh,
                    ${joinAppendersCall(1)} AS locked
             OFFSET 0) AS joined`,
    [lock.classId, lock.objectId],
  );
  if (!rows[0]?.fresh) throw new AppendersLockOrderError();
}

/**
 * One row, `barrier` (xid8): events of transactions below it are settled for a reader whose
 * snapshot is taken after this statement ends. Run it as its own statement first: its lock table
 * view must be older than the reader's snapshot, or an appender that commits in between would be
 * missing from both and skipped for good.
 *
 * - A holder of the appenders lock with an id bounds the barrier by that id (its own
 *   `transactionid` lock, read in the same pg_locks call, so in one consistent lock table view).
 * - A holder without a visible id yet (between the lock and its id, or between the id and its
 *   lock entry) may get or have any id at or above this snapshot's xmin: bound by the xmin.
 * - Anyone who joins later gets an id at or above this snapshot's xmax.
 * Unrelated transactions, in this database or another, do not hold the lock and never count.
 */
function appendersBarrierSql(): string {
  return `WITH snapshot AS MATERIALIZED (
      SELECT pg_snapshot_xmin(s) AS xmin, pg_snapshot_xmax(s) AS xmax,
             pg_snapshot_xmax(s)::text::bigint AS xmax_full
        FROM pg_current_snapshot() AS s
    ), locks AS MATERIALIZED (
      SELECT locktype, virtualtransaction, transactionid, classid, objid, objsubid, mode, granted, database
        FROM pg_locks
    ), holders AS (
      SELECT l.virtualtransaction,
             (SELECT min(t.transactionid::text::bigint) FROM locks t
               WHERE t.locktype = 'transactionid' AND t.mode = 'ExclusiveLock' AND t.granted
                 AND t.virtualtransaction = l.virtualtransaction) AS xid32
        FROM locks l
       WHERE l.locktype = 'advisory' AND l.objsubid = 2
         AND l.classid = $1::int4::oid AND l.objid = $2::int4::oid
         AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
    )
    SELECT least(
             snapshot.xmax,
             -- A 32-bit id of a running transaction is within 2^31 of xmax: widen it by that distance.
             (SELECT min(snapshot.xmax_full
                        + (((h.xid32 - snapshot.xmax_full % 4294967296) % 4294967296 + 6442450944)
                           % 4294967296) - 2147483648)::text::xid8
                FROM holders h WHERE h.xid32 IS NOT NULL),
             CASE WHEN EXISTS (SELECT 1 FROM holders h WHERE h.xid32 IS NULL) THEN snapshot.xmin END
           )::text AS barrier
      FROM snapshot`;
}

/** The barrier of one store, to pass to the reading statement that follows. */
export async function appendersBarrier(client: Queryable, lock: AppendersLock): Promise<string> {
  const { rows } = await client.query<{ barrier: string }>(appendersBarrierSql(), [
    lock.classId,
    lock.objectId,
  ]);
  const barrier = rows[0]?.barrier;
  if (barrier === undefined) throw new Error('the appenders barrier returned no row');
  return barrier;
}

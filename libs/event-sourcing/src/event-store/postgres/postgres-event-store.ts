import type { Pool } from 'pg';
import { quoteIdent } from '../../database/quote-ident';
import { appendedEvents, catchUpSubscription, LocalWakeSource } from '../catch-up-subscription';
import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import {
  AppendOutcomeUnknownError,
  isLostMidStatement,
  isStoreUnreachable,
} from '../../errors/store-unreachable';
import type {
  AppendedListener,
  AppendResult,
  Checkpoint,
  EventBatchHandler,
  EventFilter,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  MultiStreamAppendResult,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHead,
  StoredEventText,
  StreamAppend,
  StreamVerification,
  SubscribeOptions,
  Subscription,
  ProcessedUpTo,
} from '../event-store.port';
import { GENESIS_HASH, verifyChain } from '../hash-chain';
import { assertDistinctStreams } from '../stream-appends';
import { Logger } from '@nestjs/common';
import {
  decodeOrSkip,
  decodeRow,
  encodeEvent,
  type SkipLogger,
  type StoredRow,
} from '../stored-event';
import { CommandSteps } from '../../commands/command-steps';
import { sequenceLag } from '../sequence-lag';
import { Upcasters } from '../upcasters';
import {
  appendersBarrier,
  appendersLock,
  joinAppendersCall,
  type AppendersLock,
  type Queryable,
} from './appenders-barrier';

export interface PostgresEventStoreOptions {
  readonly pool: Pool;
  readonly schema: string;
  readonly upcasters?: Upcasters;
  /** Plan the hot statement once per connection. Only on a server: not on PGlite. */
  readonly preparedStatements?: boolean;
  /** How often live subscribers look for events appended by other processes. */
  readonly pollIntervalMs?: number;
  /** Where `readAll` reports an event it skipped as undecodable. */
  readonly logger?: SkipLogger;
}

interface EventRow {
  global_position: string;
  xid: string;
  event_id: string;
  stream_id: string;
  revision: string;
  type: string;
  data: string;
  metadata: string;
  prev_hash: string;
  hash: string;
}

const MAX_APPEND_ATTEMPTS = 20;

/**
 * The common case, one event, as one plain statement: the same chain and checks as
 * `append_events`, without PL/pgSQL's per-call cost (about 1.6x the appends/s on a server).
 * It writes nothing when the expectation fails or the id was seen; the caller then asks the
 * function, which tells a conflict from a repeat. Keep the digest in step with chainHash().
 * It joins the appenders first (`$8`, `$9`): `cur` reads the lock's row, so the insert, which
 * gives the statement its transaction id, comes after the lock, as `joinAppenders` requires.
 */
function appendOneSql(table: string): string {
  return `WITH joined AS MATERIALIZED (
      SELECT ${joinAppendersCall(8)} AS locked
    ), last AS (
      SELECT revision, hash FROM ${table} WHERE stream_id = $1 ORDER BY revision DESC LIMIT 1
    ), cur AS (
      SELECT coalesce((SELECT revision FROM last), -1) AS revision,
             coalesce((SELECT hash FROM last), '${GENESIS_HASH}') AS hash
        FROM joined
    )
    INSERT INTO ${table} (event_id, stream_id, revision, type, data, metadata, occurred_at, prev_hash, hash)
    SELECT $3::uuid, $1, cur.revision + 1, $4, $5, $6, $7::timestamptz, cur.hash,
           encode(sha256(convert_to(concat_ws(E'\\n', cur.hash, $3::uuid::text, $1::text,
             (cur.revision + 1)::text, $4::text, $5::text, $6::text), 'UTF8')), 'hex')
      FROM cur
     WHERE CASE $2::text
             WHEN 'any' THEN true
             WHEN 'no_stream' THEN cur.revision = -1
             WHEN 'stream_exists' THEN cur.revision >= 0
             ELSE cur.revision::text = $2::text
           END
    ON CONFLICT (event_id) DO NOTHING
    RETURNING revision AS out_revision, global_position AS out_position,
              transaction_id::text AS out_xid, false AS out_duplicate`;
}

/**
 * Any batch, through `append_events`, joining the appenders first (`$8`, `$9`): the function is
 * called per row of the lateral join, so only after the lock's row exists.
 */
function appendManySql(appendFunction: string): string {
  return `SELECT f.out_revision, f.out_position, f.out_xid::text AS out_xid, f.out_duplicate
      FROM (SELECT ${joinAppendersCall(8)} AS locked, $1::text AS stream OFFSET 0) AS joined
     CROSS JOIN LATERAL ${appendFunction}(joined.stream, $2, $3::uuid[], $4::text[], $5::text[],
       $6::text[], $7::timestamptz[]) AS f`;
}

interface AppendRow {
  out_revision: string;
  out_position: string | null;
  out_xid: string | null;
  out_duplicate: boolean;
}

function isRevisionTaken(error: unknown): boolean {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'events_stream_revision_key';
}

const COLUMNS = `global_position, transaction_id::text AS xid, event_id, stream_id, revision, type, data, metadata, prev_hash, hash`;

/**
 * Events in PostgreSQL (a server, or PGlite behind its socket).
 *
 * Global order is (transaction id, position), and readers only see transactions below the oldest
 * appending one still running. A bigserial alone is not enough: a transaction that took position
 * 10 may commit after one that took 11, and a reader that had moved past 11 would never see 10.
 * Waiting below the oldest appender makes every late commit land ahead of the reader's
 * checkpoint. Appenders are known by the shared lock each append transaction takes first
 * (`joinAppenders`), so a long transaction elsewhere on the server (another table, another
 * database) holds no reader back, as the server-wide `pg_snapshot_xmin` did.
 */
export class PostgresEventStore implements EventStore {
  readonly appendsAtomically = true;
  private readonly pool: Pool;
  private readonly table: string;
  private readonly appendMany: string;
  private readonly appendOne: { text: string; name?: string };
  private readonly upcasters: Upcasters;
  private readonly wake = new LocalWakeSource();
  private readonly pollIntervalMs: number;
  private readonly logger: SkipLogger;
  /** Held shared by every append transaction of this store (schema): see `joinAppenders`. */
  readonly appendersLock: AppendersLock;

  constructor(options: PostgresEventStoreOptions) {
    this.pool = options.pool;
    this.appendersLock = appendersLock(options.schema);
    this.table = `${quoteIdent(options.schema)}.events`;
    this.appendMany = appendManySql(`${quoteIdent(options.schema)}.append_events`);
    // Named statements are planned once per connection; PGlite's connections share one session,
    // where a second PREPARE of the same name would fail, so there the statement stays unnamed.
    this.appendOne = {
      text: appendOneSql(this.table),
      ...(options.preparedStatements ? { name: `append-one:${options.schema}` } : {}),
    };
    this.upcasters = options.upcasters ?? new Upcasters();
    this.pollIntervalMs = options.pollIntervalMs ?? 100;
    this.logger = options.logger ?? new Logger('PostgresEventStore');
  }

  async append(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    for (let attempt = 1; ; attempt++) {
      try {
        // On the pool the statement is its own transaction: committed once it returns.
        const result = await this.appendWithin(this.pool, stream, events, expected);
        if (!result.duplicate && events.length > 0)
          this.wake.notify(appendedEvents([{ stream, events }]));
        return result;
      } catch (error) {
        // Another writer took the next revision first. With 'any' or 'stream_exists' that is no
        // conflict for the caller: retry on top of it (the hash chain is recomputed).
        if (
          isRevisionTaken(error) &&
          (expected === 'any' || expected === 'stream_exists') &&
          attempt < MAX_APPEND_ATTEMPTS
        )
          continue;
        if (isLostMidStatement(error))
          throw new AppendOutcomeUnknownError([stream], { cause: error });
        throw await this.translate(
          error,
          stream,
          expected,
          events.map((e) => e.id),
        );
      }
    }
  }

  /**
   * One attempt at an append, on the pool (each statement its own transaction) or on a client
   * inside a transaction of the caller's, which must not have written before it (see
   * `joinAppenders`). Errors come untranslated. Wakes no reader: only the caller knows when its
   * transaction commits, and a reader woken before that finds the events still behind the
   * appenders barrier.
   */
  async appendWithin(
    client: Queryable,
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const encoded = events.map(encodeEvent);
    const expectedText = typeof expected === 'number' ? String(expected) : expected;
    const { classId, objectId } = this.appendersLock;
    const single = encoded.length === 1 ? encoded[0] : undefined;
    if (single) {
      const { rows } = await client.query<AppendRow>(this.appendOne, [
        stream,
        expectedText,
        single.id,
        single.type,
        single.dataText,
        single.metadataText,
        single.occurredAt.toISOString(),
        classId,
        objectId,
      ]);
      if (rows.length === 1) return this.appended(rows);
      // Nothing written: a stale expectation or a repeated id. The function sorts out which.
    }
    const { rows } = await client.query<AppendRow>(this.appendMany, [
      stream,
      expectedText,
      encoded.map((e) => e.id),
      encoded.map((e) => e.type),
      encoded.map((e) => e.dataText),
      encoded.map((e) => e.metadataText),
      encoded.map((e) => e.occurredAt.toISOString()),
      classId,
      objectId,
    ]);
    return this.appended(rows);
  }

  /**
   * All parts in one transaction, each through `appendWithin` (same chain, checks, idempotency
   * and appenders lock as a single append; the first part takes the lock before the transaction
   * writes): they commit together or not at all.
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<MultiStreamAppendResult> {
    assertDistinctStreams(appends);
    // One lock order for every writer: two commands on the same streams never deadlock.
    const ordered = [...appends].sort((a, b) => (a.stream < b.stream ? -1 : 1));
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let current: StreamAppend | undefined;
      let committing = false;
      try {
        await client.query('BEGIN');
        await CommandSteps.reached('transaction begun');
        const results = new Map<StreamAppend, AppendResult>();
        for (const part of ordered) {
          current = part;
          results.set(
            part,
            await this.appendWithin(client, part.stream, part.events, part.expected),
          );
          await CommandSteps.reached(`part ${results.size} of ${ordered.length} appended`);
        }
        committing = true;
        await client.query('COMMIT');
        client.release();
        const streams = appends.map((part) => {
          const result = results.get(part);
          if (!result) throw new Error(`no result for ${part.stream}`);
          return result;
        });
        const written = streams.filter((result) => !result.duplicate);
        if (written.length > 0)
          this.wake.notify(appendedEvents(appends.filter((part) => !results.get(part)?.duplicate)));
        const last = [...(written.length > 0 ? written : streams)].sort((a, b) =>
          this.compareCheckpoints(a.checkpoint, b.checkpoint),
        );
        return {
          streams,
          checkpoint: last.at(-1)?.checkpoint ?? '0:0',
          duplicate: written.length === 0,
        };
      } catch (error) {
        const lost = isStoreUnreachable(error);
        if (!lost) await client.query('ROLLBACK').catch(() => undefined);
        // A client whose connection is gone must not go back to the pool as a usable one.
        client.release(lost ? (error as Error) : undefined);
        // Before the COMMIT, a lost session's transaction is rolled back by the server.
        if (committing && lost)
          throw new AppendOutcomeUnknownError(
            ordered.map((part) => part.stream),
            { cause: error },
          );
        const failed = current ?? ordered[0];
        if (!failed) throw error;
        if (
          isRevisionTaken(error) &&
          appends.every((p) => p.expected === 'any' || p.expected === 'stream_exists') &&
          attempt < MAX_APPEND_ATTEMPTS
        )
          continue;
        throw await this.translate(
          error,
          failed.stream,
          failed.expected,
          failed.events.map((e) => e.id),
        );
      }
    }
  }

  private appended(rows: AppendRow[]): AppendResult {
    const last = rows[rows.length - 1];
    if (!last) throw new Error('append_events returned no row');
    return {
      nextExpectedRevision: Number(last.out_revision),
      position: BigInt(last.out_position ?? 0),
      checkpoint: last.out_xid ? `${last.out_xid}:${last.out_position}` : '0:0',
      duplicate: last.out_duplicate,
    };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const backwards = options.direction === 'backwards';
    const params: unknown[] = [stream];
    const where = ['stream_id = $1'];
    if (options.fromRevision !== undefined) {
      params.push(options.fromRevision);
      where.push(`revision ${backwards ? '<=' : '>='} $${params.length}`);
    }
    if (options.until) {
      params.push(options.until.toISOString());
      where.push(`occurred_at <= $${params.length}`);
    }
    params.push(options.maxCount ?? null);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE ${where.join(' AND ')}
        ORDER BY revision ${backwards ? 'DESC' : 'ASC'} LIMIT $${params.length}`,
      params,
    );
    return rows.map((row) => decodeRow(toStoredRow(row), this.upcasters));
  }

  /**
   * Scans up to `batchSize` visible events after the checkpoint and returns those matching the
   * filter; the checkpoint moves to the last one scanned, so a filtered reader never rescans
   * what it skipped. Rows that do not match come back without their data.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    const batchSize = options.batchSize ?? 500;
    const [xid, position] = parseCheckpoint(options.after ?? null);
    const { rows } = await this.afterBarrier(async (client, barrier) => {
      const params: unknown[] = [xid, position, batchSize, barrier];
      const matches = filterSql(options.filter, params);
      return client.query<EventRow & { matched: boolean }>(
        `SELECT ${matches} AS matched, global_position, transaction_id::text AS xid, event_id, stream_id, revision, type,
              CASE WHEN ${matches} THEN data END AS data, metadata, prev_hash, hash
         FROM ${this.table}
        WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
          AND transaction_id < $4::xid8
        ORDER BY transaction_id, global_position
        LIMIT $3`,
        params,
      );
    });
    const last = rows.at(-1);
    return {
      events: rows
        .filter((row) => row.matched)
        .flatMap(
          (row) =>
            decodeOrSkip(
              () => decodeRow(toStoredRow(row), this.upcasters),
              { stream: row.stream_id, revision: Number(row.revision), type: row.type },
              this.logger,
            ) ?? [],
        ),
      checkpoint: last ? `${last.xid}:${last.global_position}` : (options.after ?? null),
      isEnd: rows.length < batchSize,
    };
  }

  onAppended(listener: AppendedListener): () => void {
    return this.wake.onWake(listener);
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    const [ax, ap] = parseCheckpoint(a).map(BigInt) as [bigint, bigint];
    const [bx, bp] = parseCheckpoint(b).map(BigInt) as [bigint, bigint];
    return ax === bx ? Number(ap - bp) : ax < bx ? -1 : 1;
  }

  subscribe(options: SubscribeOptions, handler: EventBatchHandler): Subscription {
    return catchUpSubscription(
      (o) => this.readAll(o),
      this.wake,
      this.pollIntervalMs,
      options,
      handler,
    );
  }

  async verifyStream(stream: string): Promise<StreamVerification> {
    return verifyChain(await this.readStoredStream(stream));
  }

  async readStoredStream(stream: string): Promise<StoredEventText[]> {
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM ${this.table} WHERE stream_id = $1 ORDER BY revision`,
      [stream],
    );
    return rows.map(toStoredRow);
  }

  async head(): Promise<StoreHead> {
    const { rows } = await this.afterBarrier((client, barrier) =>
      client.query<{ global_position: string; xid: string }>(
        `SELECT global_position, transaction_id::text AS xid FROM ${this.table}
          WHERE transaction_id < $1::xid8
          ORDER BY transaction_id DESC, global_position DESC LIMIT 1`,
        [barrier],
      ),
    );
    const row = rows[0];
    return row
      ? { position: BigInt(row.global_position), checkpoint: `${row.xid}:${row.global_position}` }
      : { position: 0n, checkpoint: null };
  }

  async eventsBehind(processed: ProcessedUpTo, head: StoreHead): Promise<number> {
    return sequenceLag(this, processed, head);
  }

  /** The pool belongs to whoever created it. */
  async close(): Promise<void> {}

  private async currentRevision(stream: string): Promise<number> {
    const { rows } = await this.pool.query<{ revision: string | null }>(
      `SELECT max(revision) AS revision FROM ${this.table} WHERE stream_id = $1`,
      [stream],
    );
    return Number(rows[0]?.revision ?? -1);
  }

  /**
   * The gap protection: the transaction id below which events are settled. Asked in a statement
   * of its own, before the read (see `appendersBarrierSql`). Overridden only by the test that
   * shows what goes wrong without it.
   */
  protected visibilityBarrier(client: Queryable): Promise<string> {
    return appendersBarrier(client, this.appendersLock);
  }

  /**
   * The barrier, then `read`, on one connection taken from the pool once: a reader (a projection
   * runner above all) queues for a connection behind the requests once per batch, not twice.
   */
  private async afterBarrier<T>(
    read: (client: Queryable, barrier: string) => Promise<T>,
  ): Promise<T> {
    const client = await this.pool.connect();
    try {
      return await read(client, await this.visibilityBarrier(client));
    } finally {
      client.release();
    }
  }

  private async translate(
    error: unknown,
    stream: string,
    expected: ExpectedRevision,
    ids: string[],
  ): Promise<unknown> {
    const code = (error as { code?: string }).code;
    if (code === 'BR001')
      return new WrongExpectedRevisionError(stream, expected, Number((error as Error).message));
    if (isRevisionTaken(error))
      return new WrongExpectedRevisionError(stream, expected, await this.currentRevision(stream));
    if (code === 'BR002') return new IdempotencyViolationError(stream, ids);
    if (
      code === '23505' &&
      (error as { constraint?: string }).constraint === 'events_event_id_key'
    ) {
      return new IdempotencyViolationError(stream, ids);
    }
    return error;
  }
}

function toStoredRow(row: EventRow): StoredRow {
  return {
    id: row.event_id,
    stream: row.stream_id,
    revision: Number(row.revision),
    position: BigInt(row.global_position),
    checkpoint: `${row.xid}:${row.global_position}`,
    type: row.type,
    dataText: row.data,
    metadataText: row.metadata,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function parseCheckpoint(checkpoint: Checkpoint | null): [string, string] {
  if (checkpoint === null) return ['0', '0'];
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event store checkpoint: ${checkpoint}`);
  return [match[1], match[2]];
}

/** The filter as a boolean SQL expression over one events row. */
function filterSql(filter: EventFilter | undefined, params: unknown[]): string {
  const conditions = ['TRUE'];
  if (filter?.streamPrefixes) {
    params.push(filter.streamPrefixes.map((prefix) => `${prefix.replace(/[\\%_]/g, '\\$&')}%`));
    conditions.push(`stream_id LIKE ANY ($${params.length}::text[])`);
  }
  if (filter?.types) {
    params.push(filter.types);
    conditions.push(`type = ANY ($${params.length}::text[])`);
  }
  return `(${conditions.join(' AND ')})`;
}

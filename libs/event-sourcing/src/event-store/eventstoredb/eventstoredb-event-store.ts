import { LocalWakeSource } from '../catch-up-subscription';
import { randomUUID } from 'node:crypto';
import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  eventTypeFilter,
  excludeSystemEvents,
  FORWARDS,
  jsonEvent,
  START,
  streamNameFilter,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AllStreamResolvedEvent,
  type Filter,
  type JSONType,
  type ReadRevision,
  type ResolvedEvent,
  type StreamingRead,
} from '@eventstore/db-client';
import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
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
  StreamAppend,
  StreamVerification,
  SubscribeOptions,
  Subscription,
  ProcessedUpTo,
} from '../event-store.port';
import { verifyChain, type StoredLink } from '../hash-chain';
import { satisfies } from '../expected-revision';
import { Logger } from '@nestjs/common';
import {
  decodeOrSkip,
  decodeRow,
  encodeEvent,
  matchesFilter,
  type SkipLogger,
} from '../stored-event';
import { assertDistinctStreams } from '../stream-appends';
import { Upcasters } from '../upcasters';
import {
  actualRevision,
  chainEvents,
  comparePositions,
  esdbExpectedRevision,
  hasUserInfo,
  isSystemEvent,
  isUnknownOutcome,
  parseCheckpoint,
  positionCheckpoint,
  toStoredRow,
  type EsdbPosition,
  type EsdbRecord,
  type EsdbStoredRow,
  usesTls,
} from './eventstoredb-mapping';
import { followSubscription, type Selected } from './follow-subscription';
import { reopeningSubscription, SubscriptionEndedError } from './reopening-subscription';

export interface EventStoreDbCredentials {
  readonly username: string;
  readonly password: string;
}

export interface EventStoreDbEventStoreOptions {
  /** e.g. `esdb://localhost:2113?tls=false` */
  readonly connectionString: string;
  readonly upcasters?: Upcasters;
  /**
   * Used for every call: `$all` reads and subscriptions need an admin. Defaults to the user in the
   * connection string. A secure (TLS) server needs one or the other: the store refuses to start
   * without, rather than guess the stock admin's password.
   */
  readonly credentials?: EventStoreDbCredentials;
  /** How long to wait before the first re-read after an append whose outcome is unknown. */
  readonly unknownOutcomeBackoffMs?: number;
  /** Pauses before reopening a subscription the server ended: doubling from `initial`. */
  readonly subscriptionBackoffMs?: { readonly initial: number; readonly max: number };
  /** Where reopened subscriptions and events skipped as undecodable are reported. */
  readonly logger?: SkipLogger;
  /** A stand-in for the client, for specs of what a server does that none here can be made to. */
  readonly client?: EventStoreDBClient;
}

export class EventStoreDbCredentialsMissingError extends Error {
  constructor() {
    super(
      'EVENTSTORE_URL uses TLS but names no user: give one (esdb://user:password@host:2113), ' +
        'or tls=false for an insecure server',
    );
    this.name = 'EventStoreDbCredentialsMissingError';
  }
}

/** Each round some racing writer wins, so N writers racing with `any` need at most N rounds. */
const MAX_APPEND_ATTEMPTS = 32;

/**
 * Events in EventStoreDB (`@eventstore/db-client`; the only file that imports it).
 *
 * ESDB gives streams, revisions, optimistic concurrency and a `$all` order fixed at commit. The
 * adapter adds what the port promises beyond that: the hash chain (computed here, on the tail it
 * has just read, and appended with exactly that revision expected so the chain cannot fork),
 * idempotency over the whole stream (ESDB only remembers recent ids), and checkpoints that move
 * past what a filtered reader skipped.
 */
export class EventStoreDbEventStore implements EventStore {
  readonly appendsAtomically = false;
  private readonly client: EventStoreDBClient;
  private readonly upcasters: Upcasters;
  private readonly credentials: EventStoreDbCredentials | undefined;
  private readonly appended = new LocalWakeSource();
  private readonly backoffMs: number;
  private readonly subscriptionBackoffMs: { readonly initial: number; readonly max: number };
  private readonly logger: SkipLogger;

  constructor(options: EventStoreDbEventStoreOptions) {
    const named = options.credentials !== undefined || hasUserInfo(options.connectionString);
    if (!named && usesTls(options.connectionString))
      throw new EventStoreDbCredentialsMissingError();
    this.client = options.client ?? EventStoreDBClient.connectionString(options.connectionString);
    this.upcasters = options.upcasters ?? new Upcasters();
    this.credentials = options.credentials;
    this.backoffMs = options.unknownOutcomeBackoffMs ?? 50;
    this.subscriptionBackoffMs = options.subscriptionBackoffMs ?? { initial: 200, max: 10_000 };
    this.logger = options.logger ?? new Logger('EventStoreDbEventStore');
  }

  async append(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const encoded = events.map(encodeEvent);
    const commitId = randomUUID();
    let conflict: WrongExpectedVersionError | undefined;
    for (let attempt = 0; attempt < MAX_APPEND_ATTEMPTS; attempt++) {
      const stored = await this.storedRows(stream);
      const last = stored.at(-1);
      const current = last?.revision ?? -1;
      const repeated = this.repeatedAppend(
        stream,
        stored,
        encoded.map((event) => event.id),
        current,
        commitId,
      );
      if (repeated) {
        if (!repeated.duplicate) this.appended.notify();
        return repeated;
      }
      if (!satisfies(expected, current))
        throw new WrongExpectedRevisionError(stream, expected, current);
      if (encoded.length === 0) {
        return {
          nextExpectedRevision: current,
          position: last?.position ?? 0n,
          checkpoint: last?.checkpoint ?? '0/0',
          duplicate: false,
        };
      }
      const proposed = chainEvents(stream, encoded, last ?? null, commitId);
      try {
        await this.client.appendToStream(
          stream,
          proposed.map(({ id, type, data, metadata }) =>
            jsonEvent({ id, type, data: data as JSONType, metadata }),
          ),
          {
            expectedRevision: esdbExpectedRevision(expected, current),
            credentials: this.credentials,
          },
        );
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          conflict = error;
          // A strict caller still gets another look: the winner may have written these very ids.
          continue;
        }
        // Timed out, cut off or cancelled: written or not, nobody knows. The server may also have
        // dropped a twin whose original was not indexed yet. Wait, re-read and look for the ids,
        // as after a conflict; a server still down fails that re-read and the append with it.
        if (!isUnknownOutcome(error) || attempt === MAX_APPEND_ATTEMPTS - 1) throw error;
        await sleep(Math.min(this.backoffMs * 2 ** attempt, 2_000));
        continue;
      }
      const result = await this.confirmAppend(stream, current + encoded.length, commitId);
      this.appended.notify();
      return result;
    }
    const actual = conflict ? actualRevision(conflict.actualVersion) : -1;
    throw new WrongExpectedRevisionError(stream, expected, actual);
  }

  /**
   * EventStoreDB appends to one stream at a time: the parts go in the order given, each checked
   * against its own expected revision. A conflict on a later part leaves the earlier ones written;
   * callers put claims first and the deciding aggregate's events next, so that a process manager can
   * settle such a command from the events alone (a claim with nothing behind it is released).
   */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<MultiStreamAppendResult> {
    assertDistinctStreams(appends);
    const streams: AppendResult[] = [];
    for (const { stream, events, expected } of appends)
      streams.push(await this.append(stream, events, expected));
    const written = streams.filter((result) => !result.duplicate);
    const last = (written.length > 0 ? written : streams).reduce((a, b) =>
      this.compareCheckpoints(a.checkpoint, b.checkpoint) >= 0 ? a : b,
    );
    return { streams, checkpoint: last.checkpoint, duplicate: written.length === 0 };
  }

  onAppended(listener: () => void): () => void {
    return this.appended.onWake(listener);
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const { direction = 'forwards', fromRevision, until } = options;
    const limit = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (limit <= 0) return [];
    const backwards = direction === 'backwards';
    // Backwards reads start at the end and skip down: `fromRevision` may lie past the last event.
    const start: ReadRevision = backwards
      ? END
      : fromRevision === undefined
        ? START
        : BigInt(fromRevision);
    const serverLimit = until || (backwards && fromRevision !== undefined) ? undefined : limit;
    const read = this.client.readStream(stream, {
      direction: backwards ? BACKWARDS : FORWARDS,
      fromRevision: start,
      maxCount: serverLimit,
      credentials: this.credentials,
    });
    const found: RecordedEvent[] = [];
    for await (const record of records(read, { missingStreamIsEmpty: true })) {
      if (backwards && fromRevision !== undefined && Number(record.revision) > fromRevision)
        continue;
      const event = this.decode(record);
      if (until && event.metadata.occurredAt > until) continue;
      found.push(event);
      if (found.length >= limit) break;
    }
    return found;
  }

  /**
   * Reads `$all` from the checkpoint and filters here: the client's `readAll` takes no filter. The
   * checkpoint is the last event scanned, matched or not, system events included.
   */
  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    const batchSize = options.batchSize ?? 500;
    const after = options.after ? parseCheckpoint(options.after) : null;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after ?? START,
      // A read from a position includes the event at it.
      maxCount: batchSize + (after ? 1 : 0),
      credentials: this.credentials,
    });
    const events: RecordedEvent[] = [];
    let scanned = 0;
    let last: EsdbPosition | null = null;
    for await (const record of records(read)) {
      const position = record.position;
      if (after && comparePositions(position, after) <= 0) continue;
      scanned += 1;
      last = position;
      if (
        !isSystemEvent(record.streamId, record.type) &&
        matchesFilter(record.streamId, record.type, options.filter)
      ) {
        const event = this.decodeOrSkip(record);
        if (event) events.push(event);
      }
    }
    return {
      events,
      checkpoint: last ? positionCheckpoint(last) : (options.after ?? null),
      isEnd: scanned < batchSize,
    };
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return comparePositions(parseCheckpoint(a), parseCheckpoint(b));
  }

  /**
   * A server-side subscription, opened again after the last settled checkpoint when the server
   * ends it or goes away (a restart ends every subscription for good), pausing longer each time.
   */
  subscribe(options: SubscribeOptions, handler: EventBatchHandler): Subscription {
    return reopeningSubscription(
      (after, handle) => this.follow({ ...options, after }, handle),
      {
        after: options.after ?? null,
        isTransient: (error, known) =>
          error instanceof SubscriptionEndedError || (known && isUnknownOutcome(error)),
        backoffMs: this.subscriptionBackoffMs,
        onReopen: (error, after, delayMs) =>
          this.logger.warn(
            `EventStoreDB subscription lost; reopening after ${after ?? 'the start'} in ${delayMs} ms`,
            error,
          ),
      },
      handler,
    );
  }

  private follow(options: SubscribeOptions, handler: EventBatchHandler): Subscription {
    const after = options.after ? parseCheckpoint(options.after) : null;
    const select = (resolved: AllStreamResolvedEvent): Selected | null => {
      const record = resolved.event;
      if (!record) return null;
      const wanted =
        !isSystemEvent(record.streamId, record.type) &&
        matchesFilter(record.streamId, record.type, options.filter);
      return { position: record.position, event: wanted ? this.decodeOrSkip(record) : null };
    };
    return followSubscription<AllStreamResolvedEvent>(
      (onCheckpoint) =>
        this.client.subscribeToAll({
          fromPosition: after ?? START,
          filter: {
            ...serverFilter(options.filter),
            checkpointReached: (_subscription, position) => onCheckpoint(position),
          },
          credentials: this.credentials,
        }),
      { after, head: this.headPosition(), batchSize: options.batchSize ?? 500, select },
      handler,
    );
  }

  async verifyStream(stream: string): Promise<StreamVerification> {
    return verifyChain(await this.readStoredStream(stream));
  }

  async readStoredStream(stream: string): Promise<StoredLink[]> {
    const links: StoredLink[] = [];
    const read = this.client.readStream(stream, {
      direction: FORWARDS,
      fromRevision: START,
      credentials: this.credentials,
    });
    for await (const record of records(read, { missingStreamIsEmpty: true }))
      links.push(linkOf(record));
    return links;
  }

  async head(): Promise<StoreHead> {
    const position = await this.headPosition();
    return position
      ? { position: position.commit, checkpoint: positionCheckpoint(position) }
      : { position: 0n, checkpoint: null };
  }

  /**
   * Commit positions are byte offsets in the log, so their difference is no count of events: read
   * forward from the reader's checkpoint and count the events a reader would be handed (system
   * records left out), up to `cap`.
   */
  async eventsBehind(processed: ProcessedUpTo, head: StoreHead, cap: number): Promise<number> {
    if (head.checkpoint === null) return 0;
    if (
      processed.checkpoint !== null &&
      this.compareCheckpoints(head.checkpoint, processed.checkpoint) <= 0
    )
      return 0;
    const after = processed.checkpoint ? parseCheckpoint(processed.checkpoint) : null;
    const read = this.client.readAll({
      direction: FORWARDS,
      fromPosition: after ?? START,
      maxCount: cap + (after ? 1 : 0),
      credentials: this.credentials,
    });
    let behind = 0;
    for await (const record of records(read)) {
      if (after && comparePositions(record.position, after) <= 0) continue;
      if (!isSystemEvent(record.streamId, record.type)) behind += 1;
    }
    // Only system records (or none yet visible) after the checkpoint: still behind the head.
    return Math.max(1, Math.min(behind, cap));
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  /** The last record in `$all`, system ones included, as `readAll` counts them. */
  private async headPosition(): Promise<EsdbPosition | null> {
    const read = this.client.readAll({
      direction: BACKWARDS,
      fromPosition: END,
      maxCount: 1,
      credentials: this.credentials,
    });
    for await (const record of records(read)) return record.position;
    return null;
  }

  private async storedRows(stream: string): Promise<EsdbStoredRow[]> {
    const read = this.client.readStream(stream, {
      direction: FORWARDS,
      fromRevision: START,
      credentials: this.credentials,
    });
    const rows: EsdbStoredRow[] = [];
    for await (const record of records(read, { missingStreamIsEmpty: true }))
      rows.push(toStoredRow(record));
    return rows;
  }

  /**
   * Every id already in this stream: done before. Some: a different batch. An id recorded in
   * another stream goes unseen: ESDB keeps no index by event id.
   */
  private repeatedAppend(
    stream: string,
    stored: readonly EsdbStoredRow[],
    ids: readonly string[],
    current: number,
    commitId: string,
  ): AppendResult | null {
    const byId = new Map(stored.map((row) => [row.id, row]));
    const seen = ids.flatMap((id) => byId.get(id) ?? []);
    if (seen.length === 0) return null;
    if (seen.length < ids.length)
      throw new IdempotencyViolationError(
        stream,
        seen.map((row) => row.id),
      );
    const last = seen.reduce((a, b) => (a.revision > b.revision ? a : b));
    return {
      nextExpectedRevision: current,
      position: last.position,
      checkpoint: last.checkpoint,
      // Our own write, found after an unknown outcome, is no repeat.
      duplicate: last.commitId !== commitId,
    };
  }

  /**
   * Reads back the last event written. ESDB answers a re-sent batch of ids at the same revision
   * with success, without writing: the commit id shows whose batch is stored. The read also gives
   * the event's `$all` position as readers see it.
   */
  private async confirmAppend(
    stream: string,
    revision: number,
    commitId: string,
  ): Promise<AppendResult> {
    const read = this.client.readStream(stream, {
      direction: FORWARDS,
      fromRevision: BigInt(revision),
      maxCount: 1,
      credentials: this.credentials,
    });
    for await (const record of records(read)) {
      const row = toStoredRow(record);
      return {
        nextExpectedRevision: revision,
        position: row.position,
        checkpoint: row.checkpoint,
        duplicate: row.commitId !== commitId,
      };
    }
    throw new Error(`event ${stream}@${revision} is missing right after it was appended`);
  }

  private decode(record: EsdbRecord): RecordedEvent {
    return decodeRow(toStoredRow(record), this.upcasters);
  }

  /** For `$all` readers: see `decodeOrSkip`. A foreign event (not JSON, no chain) is skipped too. */
  private decodeOrSkip(record: EsdbRecord): RecordedEvent | null {
    return decodeOrSkip(
      () => this.decode(record),
      { stream: record.streamId, revision: record.revision, type: record.type },
      this.logger,
    );
  }
}

/** The recorded events of a read; links are never resolved, so each item carries its event. */
async function* records<Item extends ResolvedEvent | AllStreamResolvedEvent>(
  read: StreamingRead<Item>,
  { missingStreamIsEmpty = false } = {},
): AsyncGenerator<NonNullable<Item['event']>> {
  let complete = false;
  try {
    for await (const resolved of read.iterator({ destroyOnReturn: false }) as AsyncIterable<Item>) {
      if (resolved.event) yield resolved.event;
    }
    complete = true;
  } catch (error) {
    if (missingStreamIsEmpty && error instanceof StreamNotFoundError) return;
    throw error;
  } finally {
    // A read broken off must still run to its end: the client's `dispose` waits for every gRPC
    // call to finish, and one left unread never does. Cancelling spares the server the rest.
    if (!complete) {
      read.resume();
      await read.cancel().catch(() => undefined);
    }
  }
}

/**
 * ESDB filters on stream names or on event types, not both: prefixes go to the server, types
 * (matched exactly) too when there are no prefixes, and `select` checks the whole filter again.
 */
function serverFilter(filter: EventFilter | undefined): Filter {
  if (filter?.streamPrefixes?.length)
    return streamNameFilter({ prefixes: [...filter.streamPrefixes] });
  if (filter?.types?.length) return eventTypeFilter({ prefixes: [...filter.types] });
  return excludeSystemEvents();
}

/** An event that cannot be decoded breaks the chain where it stands instead of failing the check. */
function linkOf(record: EsdbRecord): StoredLink {
  try {
    return toStoredRow(record);
  } catch {
    const unreadable = { prevHash: '', hash: '', dataText: '', metadataText: '' };
    return {
      ...unreadable,
      id: record.id,
      stream: record.streamId,
      revision: Number(record.revision),
      type: record.type,
    };
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

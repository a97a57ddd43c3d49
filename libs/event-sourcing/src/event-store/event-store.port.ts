/**
 * The event store port every bounded context writes through. Three adapters implement it
 * (PostgreSQL on a server or PGlite, EventStoreDB, in-memory) and pass one contract suite.
 */

export type ActorRole = 'CUSTOMER' | 'OPERATOR' | 'AUDITOR' | 'SYSTEM';

export interface Actor {
  readonly id: string;
  readonly role: ActorRole;
}

/** What a caller supplies for one event. `id` is the caller's: re-appending the same ids is a no-op. */
export interface EventToAppend<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: AppendMetadata;
}

export interface AppendMetadata {
  readonly correlationId: string;
  readonly causationId?: string | null;
  readonly actor?: Actor | null;
  /** Domain time from the injectable clock, not the database's. */
  readonly occurredAt: Date;
  readonly schemaVersion: number;
}

export interface EventMetadata {
  readonly correlationId: string;
  readonly causationId: string | null;
  readonly actor: Actor | null;
  readonly occurredAt: Date;
  /** The version the event was stored with; `data` is already upcast to the current one. */
  readonly schemaVersion: number;
  readonly prevHash: string;
  readonly hash: string;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  /**
   * Global position: unique within one store, as shown to auditors. Read order is checkpoint order,
   * which on PostgreSQL is (transaction id, position): positions may step back across transactions.
   */
  readonly position: bigint;
  /** Opaque token: resume `readAll`/`subscribe` strictly after this event. */
  readonly checkpoint: Checkpoint;
  readonly type: Type;
  readonly data: Data;
  readonly metadata: EventMetadata;
}

/** Opaque, adapter-specific resume token; `null` means "from the beginning". */
export type Checkpoint = string;

export type ExpectedRevision = 'any' | 'no_stream' | 'stream_exists' | number;

export interface AppendResult {
  /** The stream's revision after the append: pass it as `expected` for the next one. */
  readonly nextExpectedRevision: number;
  /** Global position of the last event of this append. */
  readonly position: bigint;
  readonly checkpoint: Checkpoint;
  /** True when every event id had been appended before and nothing was written. */
  readonly duplicate: boolean;
}

/** One stream's part of an atomic multi-stream append. */
export interface StreamAppend {
  readonly stream: string;
  readonly events: readonly EventToAppend[];
  readonly expected: ExpectedRevision;
}

export interface MultiStreamAppendResult {
  /** One result per `StreamAppend`, in the order given. */
  readonly streams: readonly AppendResult[];
  /** The latest checkpoint of the whole append: wait for it to see every part. */
  readonly checkpoint: Checkpoint;
  /** True when every part was a repeat and nothing was written. */
  readonly duplicate: boolean;
}

export interface ReadStreamOptions {
  readonly direction?: 'forwards' | 'backwards';
  /** Inclusive start revision (forwards: lowest, backwards: highest). */
  readonly fromRevision?: number;
  readonly maxCount?: number;
  /** Only events whose `occurredAt` is at or before this instant. */
  readonly until?: Date;
}

export interface EventFilter {
  /** Stream-name prefixes, e.g. `application-`; any one matches. */
  readonly streamPrefixes?: readonly string[];
  readonly types?: readonly string[];
}

export interface ReadAllOptions {
  readonly after?: Checkpoint | null;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
}

export interface ReadAllBatch {
  readonly events: readonly RecordedEvent[];
  /** Resume after this; it moves past the events the filter skipped. Null when nothing was read. */
  readonly checkpoint: Checkpoint | null;
  /** True when no further event was visible at the time of reading. */
  readonly isEnd: boolean;
}

export interface SubscribeOptions {
  readonly after?: Checkpoint | null;
  readonly filter?: EventFilter;
  readonly batchSize?: number;
}

/** Receives events in checkpoint order; the next batch waits until the handler resolves. */
export type EventBatchHandler = (
  events: readonly RecordedEvent[],
  checkpoint: Checkpoint,
) => Promise<void>;

export interface Subscription {
  /** Resolves once the subscription has caught up with everything visible when it started. */
  readonly caughtUp: Promise<void>;
  /** Rejects with the handler's or the store's error; resolves when stopped. */
  readonly done: Promise<void>;
  stop(): Promise<void>;
}

export interface StreamVerification {
  readonly intact: boolean;
  readonly events: number;
  readonly firstBrokenRevision: number | null;
}

/** One stored event as its hash covers it, with the hashes stored beside it. */
export interface StoredEventText {
  readonly id: string;
  readonly stream: string;
  readonly revision: number;
  readonly type: string;
  readonly dataText: string;
  readonly metadataText: string;
  readonly prevHash: string;
  readonly hash: string;
}

export interface StoreHead {
  readonly position: bigint;
  readonly checkpoint: Checkpoint | null;
}

/** What a reader has processed: its checkpoint and the position of the last event it applied. */
export interface ProcessedUpTo {
  readonly checkpoint: Checkpoint | null;
  readonly position: bigint;
}

export interface EventStore {
  /**
   * Whether `appendToStreams` commits all its parts or none. A store that appends them one after
   * the other (EventStoreDB) needs a process manager to settle what a crash cut in half.
   */
  readonly appendsAtomically: boolean;
  append(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult>;
  /**
   * Appends to several streams at once, each with its own expected revision: all parts commit or
   * none does (PostgreSQL: one transaction). Where the store cannot do that (EventStoreDB), the
   * parts are appended in the order given and a process manager settles a half-done command.
   * Idempotent by event id, as `append` is. A conflict on any part throws WrongExpectedRevisionError
   * naming that stream (atomic stores: nothing is written).
   */
  appendToStreams(appends: readonly StreamAppend[]): Promise<MultiStreamAppendResult>;
  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]>;
  readAll(options?: ReadAllOptions): Promise<ReadAllBatch>;
  subscribe(options: SubscribeOptions, handler: EventBatchHandler): Subscription;
  verifyStream(stream: string): Promise<StreamVerification>;
  /**
   * A stream's events exactly as stored (the text the hashes cover, before decryption or
   * upcasting), by revision: what the history verifier and evidence bundles hash again.
   */
  readStoredStream(stream: string): Promise<StoredEventText[]>;
  /**
   * Calls `listener` after each append made through this instance commits, so readers in the same
   * process need not wait for their next poll, with the streams and types written when the store
   * knows them (a reader whose filter takes none of them need not read). Returns the unsubscribe
   * function.
   */
  onAppended(listener: AppendedListener): () => void;
  /** Orders two checkpoints of this store: negative when `a` comes first. */
  compareCheckpoints(a: Checkpoint, b: Checkpoint): number;
  /** The newest visible event, for projection lag. */
  head(): Promise<StoreHead>;
  /**
   * How many events a reader that processed up to `processed` is behind `head` (projection lag):
   * 0 when it is at the head, at least 1 when behind. Only the store knows what its positions
   * measure (a sequence here, a log offset in bytes on EventStoreDB), so it counts; a store that
   * must read to count stops at `cap` and answers `cap`.
   */
  eventsBehind(processed: ProcessedUpTo, head: StoreHead, cap: number): Promise<number>;
  close(): Promise<void>;
}

export const EVENT_STORE = Symbol('EventStore');

/** One event an append committed, as far as a filter looks at it. */
export interface AppendedEvent {
  readonly stream: string;
  readonly type: string;
}

/** `appended` is undefined when the store cannot tell what it wrote: then it may be anything. */
export type AppendedListener = (appended?: readonly AppendedEvent[]) => void;

import { appendedEvents, catchUpSubscription, LocalWakeSource } from '../catch-up-subscription';
import { IdempotencyViolationError, WrongExpectedRevisionError } from '../event-store.errors';
import type {
  AppendedListener,
  AppendResult,
  EventBatchHandler,
  EventStore,
  EventToAppend,
  ExpectedRevision,
  MultiStreamAppendResult,
  StreamAppend,
  ReadAllBatch,
  ReadAllOptions,
  ReadStreamOptions,
  RecordedEvent,
  StoreHead,
  StreamVerification,
  SubscribeOptions,
  Subscription,
  ProcessedUpTo,
} from '../event-store.port';
import { chainOnto, verifyChain } from '../hash-chain';
import { Logger } from '@nestjs/common';
import {
  decodeOrSkip,
  decodeRow,
  encodeEvent,
  matchesFilter,
  type SkipLogger,
  type StoredRow,
} from '../stored-event';
import { sequenceLag } from '../sequence-lag';
import { Upcasters } from '../upcasters';
import { satisfies } from '../expected-revision';
import { readStreamWindow } from '../read-stream-window';
import { assertDistinctStreams } from '../stream-appends';

interface CheckedPart {
  readonly stream: string;
  readonly encoded: ReturnType<typeof encodeEvent>[];
  /** Set when every id was appended to this stream before: the part is done. */
  readonly duplicate?: AppendResult;
}

/** For unit tests: the same semantics as the durable adapters, kept in arrays. */
export class InMemoryEventStore implements EventStore {
  readonly appendsAtomically = true;
  private readonly log: StoredRow[] = [];
  private readonly streams = new Map<string, StoredRow[]>();
  private readonly byId = new Map<string, StoredRow>();
  private readonly wake = new LocalWakeSource();

  constructor(
    private readonly upcasters = new Upcasters(),
    private readonly logger: SkipLogger = new Logger('InMemoryEventStore'),
  ) {}

  async append(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const part = this.check({ stream, events, expected });
    const result = part.duplicate ?? this.write(part);
    if (!part.duplicate && part.encoded.length > 0)
      this.wake.notify(appendedEvents([{ stream, events }]));
    return result;
  }

  /** Every part is checked before any is written, so a refusal leaves all streams as they were. */
  async appendToStreams(appends: readonly StreamAppend[]): Promise<MultiStreamAppendResult> {
    assertDistinctStreams(appends);
    const parts = appends.map((append) => this.check(append));
    const streams = parts.map((part) => part.duplicate ?? this.write(part));
    const duplicate = parts.every((part) => part.duplicate !== undefined);
    if (!duplicate)
      this.wake.notify(appendedEvents(appends.filter((_, i) => !parts[i]?.duplicate)));
    const last = streams.reduce((a, b) => (a.position >= b.position ? a : b));
    return { streams, checkpoint: last.checkpoint, duplicate };
  }

  private check({ stream, events, expected }: StreamAppend): CheckedPart {
    const encoded = events.map(encodeEvent);
    const existing = this.streams.get(stream) ?? [];
    const seen = encoded.map((event) => this.byId.get(event.id)).filter((row) => row !== undefined);
    if (seen.length > 0) {
      if (seen.length === encoded.length && seen.every((row) => row.stream === stream)) {
        const last = seen.reduce((a, b) => (a.revision > b.revision ? a : b));
        const duplicate = {
          nextExpectedRevision: existing.length - 1,
          position: last.position,
          checkpoint: last.checkpoint,
          duplicate: true,
        };
        return { stream, encoded, duplicate };
      }
      throw new IdempotencyViolationError(
        stream,
        seen.map((row) => row.id),
      );
    }
    const current = existing.length - 1;
    if (!satisfies(expected, current))
      throw new WrongExpectedRevisionError(stream, expected, current);
    return { stream, encoded };
  }

  private write({ stream, encoded }: CheckedPart): AppendResult {
    const existing = this.streams.get(stream) ?? [];
    if (encoded.length === 0) return this.emptyResult(existing.length - 1);
    for (const link of chainOnto(stream, existing.at(-1) ?? null, encoded)) {
      const position = BigInt(this.log.length + 1);
      const row: StoredRow = { ...link, position, checkpoint: position.toString() };
      existing.push(row);
      this.log.push(row);
      this.byId.set(row.id, row);
    }
    this.streams.set(stream, existing);
    const last = existing[existing.length - 1];
    return {
      nextExpectedRevision: last.revision,
      position: last.position,
      checkpoint: last.checkpoint,
      duplicate: false,
    };
  }

  async readStream(stream: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const rows = this.streams.get(stream) ?? [];
    return readStreamWindow(
      rows.map((row) => decodeRow(row, this.upcasters)),
      options,
    );
  }

  async readAll(options: ReadAllOptions = {}): Promise<ReadAllBatch> {
    const start = options.after ? Number(options.after) : 0;
    const batchSize = options.batchSize ?? 500;
    const events: RecordedEvent[] = [];
    let index = start;
    for (; index < this.log.length && events.length < batchSize; index++) {
      const row = this.log[index];
      if (!matchesFilter(row.stream, row.type, options.filter)) continue;
      const event = decodeOrSkip(() => decodeRow(row, this.upcasters), row, this.logger);
      if (event) events.push(event);
    }
    const checkpoint = index > 0 ? String(index) : (options.after ?? null);
    return { events, checkpoint, isEnd: index >= this.log.length };
  }

  onAppended(listener: AppendedListener): () => void {
    return this.wake.onWake(listener);
  }

  compareCheckpoints(a: string, b: string): number {
    return Number(a) - Number(b);
  }

  subscribe(options: SubscribeOptions, handler: EventBatchHandler): Subscription {
    return catchUpSubscription((o) => this.readAll(o), this.wake, 1_000, options, handler);
  }

  async verifyStream(stream: string): Promise<StreamVerification> {
    return verifyChain(this.streams.get(stream) ?? []);
  }

  async readStoredStream(stream: string): Promise<StoredRow[]> {
    return [...(this.streams.get(stream) ?? [])];
  }

  async head(): Promise<StoreHead> {
    const last = this.log.at(-1);
    return { position: last?.position ?? 0n, checkpoint: last?.checkpoint ?? null };
  }

  async eventsBehind(processed: ProcessedUpTo, head: StoreHead): Promise<number> {
    return sequenceLag(this, processed, head);
  }

  async close(): Promise<void> {}

  /** Test aid: overwrite stored data as a tamperer with database access would. */
  tamper(stream: string, revision: number, dataText: string): void {
    const rows = this.streams.get(stream);
    const row = rows?.[revision];
    if (!rows || !row) throw new Error(`no event ${stream}@${revision}`);
    const changed = { ...row, dataText };
    rows[revision] = changed;
    this.log[Number(row.position) - 1] = changed;
  }

  private emptyResult(current: number): AppendResult {
    const last = this.log.at(-1);
    return {
      nextExpectedRevision: current,
      position: last?.position ?? 0n,
      checkpoint: last?.checkpoint ?? '0',
      duplicate: false,
    };
  }
}

import type {
  AppendResult,
  Checkpoint,
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
  StoredEventText,
  StreamVerification,
  SubscribeOptions,
  Subscription,
  ProcessedUpTo,
} from '../../event-store/event-store.port';

/**
 * A store that hands every event out twice, as an at-least-once transport may: `repeat` returns
 * each non-empty batch a second time as it was; `overlap` puts it again in front of the next one.
 */
export class DuplicatingEventStore implements EventStore {
  redeliveries = 0;
  private previous: ReadAllBatch | undefined;

  constructor(
    private readonly inner: EventStore,
    private readonly mode: 'repeat' | 'overlap',
  ) {}

  get appendsAtomically(): boolean {
    return this.inner.appendsAtomically;
  }

  async readAll(options?: ReadAllOptions): Promise<ReadAllBatch> {
    const previous = this.previous;
    this.previous = undefined;
    if (previous && this.mode === 'repeat') {
      this.redeliveries += 1;
      return previous;
    }
    const batch = await this.inner.readAll(options);
    if (previous && this.mode === 'overlap') {
      this.redeliveries += 1;
      return { ...batch, events: [...previous.events, ...batch.events] };
    }
    if (batch.events.length > 0) this.previous = batch;
    return batch;
  }

  append(
    stream: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    return this.inner.append(stream, events, expected);
  }

  appendToStreams(appends: readonly StreamAppend[]): Promise<MultiStreamAppendResult> {
    return this.inner.appendToStreams(appends);
  }

  readStream(stream: string, options?: ReadStreamOptions): Promise<RecordedEvent[]> {
    return this.inner.readStream(stream, options);
  }

  subscribe(options: SubscribeOptions, handler: EventBatchHandler): Subscription {
    return this.inner.subscribe(options, handler);
  }

  verifyStream(stream: string): Promise<StreamVerification> {
    return this.inner.verifyStream(stream);
  }

  readStoredStream(stream: string): Promise<StoredEventText[]> {
    return this.inner.readStoredStream(stream);
  }

  onAppended(listener: () => void): () => void {
    return this.inner.onAppended(listener);
  }

  compareCheckpoints(a: Checkpoint, b: Checkpoint): number {
    return this.inner.compareCheckpoints(a, b);
  }

  eventsBehind(processed: ProcessedUpTo, head: StoreHead, cap: number): Promise<number> {
    return this.inner.eventsBehind(processed, head, cap);
  }

  head(): Promise<StoreHead> {
    return this.inner.head();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

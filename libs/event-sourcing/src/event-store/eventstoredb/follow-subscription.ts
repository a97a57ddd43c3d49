import type { EventBatchHandler, RecordedEvent, Subscription } from '../event-store.port';
import { comparePositions, type EsdbPosition } from './eventstoredb-mapping';
import { SubscriptionEndedError } from './reopening-subscription';

/** A server-side subscription: a readable of items that emits `caughtUp` where the server says so. */
export interface SubscriptionSource {
  readonly readableLength: number;
  read(): unknown;
  on(event: string, listener: (...args: unknown[]) => void): unknown;
  unsubscribe(): Promise<void>;
  destroy(): void;
}

export interface Selected {
  readonly position: EsdbPosition;
  /** Null for an item the handler must not see (a system event, or one the filter rejects). */
  readonly event: RecordedEvent | null;
}

export interface FollowOptions<Item> {
  /** Deliver only items strictly after this position. */
  readonly after: EsdbPosition | null;
  /** The newest event when the subscription started: the fallback for servers that send no `caughtUp`. */
  readonly head: Promise<EsdbPosition | null>;
  readonly batchSize: number;
  readonly select: (item: Item) => Selected | null;
}

/**
 * Hands a subscription's items to the handler in batches, one batch at a time.
 *
 * `caughtUp` must wait until the handler has seen everything that preceded the server's signal,
 * but the signal is emitted while those items may still sit in the readable's buffer. Items
 * read so far plus items buffered is the number that preceded it; the promise resolves once the
 * handler has settled that many. The same count serves the fallback: a checkpoint or an item at
 * or past the head read at start.
 */
export function followSubscription<Item>(
  open: (onCheckpoint: (position: EsdbPosition) => void) => SubscriptionSource,
  options: FollowOptions<Item>,
  handler: EventBatchHandler,
): Subscription {
  let stopped = false;
  let consumed = 0;
  let settled = 0;
  let target: number | null = null;
  let head: EsdbPosition | null | undefined;
  let lastCheckpoint: { readonly position: EsdbPosition; readonly count: number } | undefined;
  let failure: { readonly error: unknown } | undefined;
  let ended = false;
  let wake: (() => void) | undefined;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const caughtUpAfter = (count: number) => {
    target = target === null ? count : Math.min(target, count);
    if (settled >= target) markCaughtUp();
  };
  const reachesHead = (position: EsdbPosition) =>
    head !== undefined && (head === null || comparePositions(position, head) >= 0);
  const notify = () => {
    const resolve = wake;
    wake = undefined;
    resolve?.();
  };

  const source = open((position) => {
    lastCheckpoint = { position, count: consumed + source.readableLength };
    if (reachesHead(position)) caughtUpAfter(lastCheckpoint.count);
  });
  source.on('caughtUp', () => caughtUpAfter(consumed + source.readableLength));
  source.on('readable', notify);
  source.on('error', (error) => {
    failure ??= { error };
    notify();
  });
  for (const event of ['end', 'close']) {
    source.on(event, () => {
      ended = true;
      notify();
    });
  }

  const nextItems = async (): Promise<Item[] | null> => {
    for (;;) {
      if (failure) throw failure.error;
      const items: Item[] = [];
      while (items.length < options.batchSize) {
        const item = source.read() as Item | null;
        if (item === null) break;
        consumed += 1;
        items.push(item);
      }
      if (items.length > 0) return items;
      if (ended || stopped) return null;
      await new Promise<void>((resolve) => (wake = resolve));
    }
  };

  const run = async () => {
    head = await options.head;
    if (head === null || (options.after && comparePositions(head, options.after) <= 0))
      caughtUpAfter(0);
    else if (lastCheckpoint && reachesHead(lastCheckpoint.position))
      caughtUpAfter(lastCheckpoint.count);
    while (!stopped) {
      const items = await nextItems();
      if (stopped) break;
      if (items === null) throw new SubscriptionEndedError();
      const first = consumed - items.length;
      const events: RecordedEvent[] = [];
      for (const [index, item] of items.entries()) {
        const selected = options.select(item);
        if (!selected || (options.after && comparePositions(selected.position, options.after) <= 0))
          continue;
        if (selected.event) events.push(selected.event);
        if (reachesHead(selected.position)) caughtUpAfter(first + index + 1);
      }
      const last = events.at(-1);
      if (last) await handler(events, last.checkpoint);
      settled = first + items.length;
      if (target !== null && settled >= target) markCaughtUp();
    }
  };

  const done = run().finally(async () => {
    markCaughtUp();
    await source.unsubscribe().catch(() => undefined);
    source.destroy();
  });
  done.catch(() => undefined);

  return {
    caughtUp,
    done,
    async stop() {
      stopped = true;
      notify();
      await done.catch(() => undefined);
    },
  };
}

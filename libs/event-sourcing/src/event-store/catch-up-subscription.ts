import type {
  AppendedEvent,
  AppendedListener,
  Checkpoint,
  EventBatchHandler,
  ReadAllBatch,
  ReadAllOptions,
  SubscribeOptions,
  Subscription,
} from './event-store.port';

export interface WakeSource {
  /** Calls `listener` whenever new events may be visible; returns the unsubscribe function. */
  onWake(listener: () => void): () => void;
}

/**
 * Catch-up then live, built on `readAll`: read batches until the end, then wait for a wake-up
 * (an append in this process) or the poll interval (appends by other processes, and events held
 * back behind a slower transaction that has since committed).
 */
export function catchUpSubscription(
  readAll: (options: ReadAllOptions) => Promise<ReadAllBatch>,
  wake: WakeSource,
  pollIntervalMs: number,
  options: SubscribeOptions,
  handler: EventBatchHandler,
): Subscription {
  let stopped = false;
  let checkpoint: Checkpoint | null = options.after ?? null;
  let wakeUp: (() => void) | undefined;
  let pendingWake = false;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));
  const unsubscribe = wake.onWake(() => {
    pendingWake = true;
    wakeUp?.();
  });

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (pendingWake || stopped) return resolve();
      const timer = setTimeout(resolve, pollIntervalMs);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    while (!stopped) {
      pendingWake = false;
      const batch = await readAll({
        after: checkpoint,
        filter: options.filter,
        batchSize: options.batchSize,
      });
      if (stopped) break;
      if (batch.events.length > 0 && batch.checkpoint !== null)
        await handler(batch.events, batch.checkpoint);
      checkpoint = batch.checkpoint ?? checkpoint;
      if (batch.isEnd) {
        markCaughtUp();
        await sleep();
        wakeUp = undefined;
      }
    }
  };

  const done = run().finally(() => {
    unsubscribe();
    markCaughtUp();
  });
  done.catch(() => undefined);

  return {
    caughtUp,
    done,
    async stop() {
      stopped = true;
      wakeUp?.();
      await done.catch(() => undefined);
    },
  };
}

/** In-process wake-ups: every adapter instance notifies its own subscribers after a commit. */
export class LocalWakeSource implements WakeSource {
  private readonly listeners = new Set<AppendedListener>();

  onWake(listener: AppendedListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Call once the append has committed: a reader woken earlier would find nothing new. */
  notify(appended?: readonly AppendedEvent[]): void {
    for (const listener of this.listeners) listener(appended);
  }
}

/** What the parts of an append wrote, for `LocalWakeSource.notify`. */
export function appendedEvents(
  parts: readonly {
    readonly stream: string;
    readonly events: readonly { readonly type: string }[];
  }[],
): AppendedEvent[] {
  return parts.flatMap(({ stream, events }) => events.map(({ type }) => ({ stream, type })));
}

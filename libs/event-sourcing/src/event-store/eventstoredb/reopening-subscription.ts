import type { Checkpoint, EventBatchHandler, Subscription } from '../event-store.port';

/** The server closed a subscription nobody stopped (it restarted, or a node went away). */
export class SubscriptionEndedError extends Error {
  constructor() {
    super('the EventStoreDB subscription ended without being stopped');
    this.name = 'SubscriptionEndedError';
  }
}

export interface ReopeningOptions {
  /** Where the first subscription starts: strictly after this checkpoint. */
  readonly after: Checkpoint | null;
  /**
   * Whether a subscription that failed so may be opened again (the server's side, not ours).
   * `known` tells whether the server was seen working: a batch got through, or an earlier
   * subscription was reopened; an unreachable server at the very start is an error to report.
   */
  readonly isTransient: (error: unknown, known: boolean) => boolean;
  readonly backoffMs: { readonly initial: number; readonly max: number };
  readonly onReopen?: (error: unknown, after: Checkpoint | null, delayMs: number) => void;
}

/**
 * Keeps a subscription going across server restarts: when one ends or fails on the server's side,
 * a new one opens after the last checkpoint the handler settled, after a growing pause (reset by
 * each batch that gets through). The handler's own failure still ends it, as the port says.
 */
export function reopeningSubscription(
  open: (after: Checkpoint | null, handler: EventBatchHandler) => Subscription,
  options: ReopeningOptions,
  handler: EventBatchHandler,
): Subscription {
  let settled = options.after;
  let current: Subscription | undefined;
  let stopped = false;
  let handlerFailure: { readonly error: unknown } | undefined;
  let cancelPause: (() => void) | undefined;
  let failures = 0;
  let known = false;
  let markCaughtUp: () => void = () => undefined;
  const caughtUp = new Promise<void>((resolve) => (markCaughtUp = resolve));

  const handle: EventBatchHandler = async (events, checkpoint) => {
    try {
      await handler(events, checkpoint);
    } catch (error) {
      handlerFailure = { error };
      throw error;
    }
    settled = checkpoint;
    failures = 0;
    known = true;
  };

  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      cancelPause = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const run = async () => {
    while (!stopped) {
      current = open(settled, handle);
      void current.caughtUp.then(markCaughtUp);
      try {
        await current.done;
        return;
      } catch (error) {
        if (stopped) return;
        if (handlerFailure || !options.isTransient(error, known)) throw error;
        known = true;
        failures += 1;
        const delay = Math.min(
          options.backoffMs.initial * 2 ** (failures - 1),
          options.backoffMs.max,
        );
        options.onReopen?.(error, settled, delay);
        await pause(delay);
      }
    }
  };

  const done = run().finally(markCaughtUp);
  done.catch(() => undefined);

  return {
    caughtUp,
    done,
    async stop() {
      stopped = true;
      cancelPause?.();
      await current?.stop();
      await done.catch(() => undefined);
    },
  };
}

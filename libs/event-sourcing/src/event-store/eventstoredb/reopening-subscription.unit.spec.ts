import { waitFor } from '../../testing/event-store-contract';
import type {
  Checkpoint,
  EventBatchHandler,
  RecordedEvent,
  Subscription,
} from '../event-store.port';
import { reopeningSubscription, SubscriptionEndedError } from './reopening-subscription';

class Unavailable extends Error {}

const eventAt = (n: number): RecordedEvent =>
  ({ id: String(n), checkpoint: String(n) }) as unknown as RecordedEvent;

/** One server-side subscription: delivers what it is told, then ends or fails as told. */
class Opened implements Subscription {
  readonly caughtUp = Promise.resolve();
  readonly done: Promise<void>;
  private finish: (error?: Error) => void = () => undefined;

  constructor(
    readonly after: Checkpoint | null,
    private readonly handler: EventBatchHandler,
  ) {
    this.done = new Promise<void>((resolve, reject) => {
      this.finish = (error) => (error === undefined ? resolve() : reject(error));
    });
    this.done.catch(() => undefined);
  }

  async deliver(n: number): Promise<void> {
    await this.handler([eventAt(n)], String(n)).catch((error: Error) => this.finish(error));
  }

  fail(error: Error): void {
    this.finish(error);
  }

  async stop(): Promise<void> {
    this.finish();
  }
}

function reopening(handler: EventBatchHandler = async () => undefined) {
  const opened: Opened[] = [];
  const reopens: { after: Checkpoint | null; delayMs: number }[] = [];
  const subscription = reopeningSubscription(
    (after, handle) => {
      const next = new Opened(after, handle);
      opened.push(next);
      return next;
    },
    {
      after: null,
      isTransient: (error, known) =>
        error instanceof SubscriptionEndedError || (known && error instanceof Unavailable),
      backoffMs: { initial: 5, max: 20 },
      onReopen: (_error, after, delayMs) => reopens.push({ after, delayMs }),
    },
    handler,
  );
  return { subscription, opened, reopens };
}

describe('a subscription that the server ends', () => {
  it('is opened again after the last settled checkpoint, with a growing pause', async () => {
    const seen: string[] = [];
    const { subscription, opened, reopens } = reopening(async (events) => {
      seen.push(...events.map((e) => e.id));
    });
    await subscription.caughtUp;
    await opened[0]?.deliver(1);
    await opened[0]?.deliver(2);
    opened[0]?.fail(new SubscriptionEndedError());
    await waitFor(() => opened.length === 2);
    opened[1]?.fail(new SubscriptionEndedError());
    await waitFor(() => opened.length === 3);
    await opened[2]?.deliver(3);

    expect(opened.map((o) => o.after)).toEqual([null, '2', '2']);
    expect(reopens.map((r) => r.delayMs)).toEqual([5, 10]);
    expect(seen).toEqual(['1', '2', '3']);
    await subscription.stop();
    await expect(subscription.done).resolves.toBeUndefined();
  });

  it('resets the pause once a batch gets through', async () => {
    const { subscription, opened, reopens } = reopening();
    opened[0]?.fail(new SubscriptionEndedError());
    await waitFor(() => opened.length === 2);
    await opened[1]?.deliver(7);
    opened[1]?.fail(new SubscriptionEndedError());
    await waitFor(() => opened.length === 3);
    expect(reopens).toEqual([
      { after: null, delayMs: 5 },
      { after: '7', delayMs: 5 },
    ]);
    await subscription.stop();
  });

  it('ends with the handler’s error, and with an error that is not the server going away', async () => {
    const failing = reopening(async () => {
      throw new Error('projector failed');
    });
    await failing.opened[0]?.deliver(1);
    await expect(failing.subscription.done).rejects.toThrow('projector failed');
    expect(failing.opened).toHaveLength(1);

    const denied = reopening();
    denied.opened[0]?.fail(new Error('access denied'));
    await expect(denied.subscription.done).rejects.toThrow('access denied');
    expect(denied.opened).toHaveLength(1);
  });

  it('reopens on an unreachable server only once the server was seen working', async () => {
    const atStart = reopening();
    atStart.opened[0]?.fail(new Unavailable('UNAVAILABLE'));
    await expect(atStart.subscription.done).rejects.toThrow('UNAVAILABLE');

    const later = reopening();
    await later.opened[0]?.deliver(1);
    later.opened[0]?.fail(new SubscriptionEndedError());
    await waitFor(() => later.opened.length === 2);
    later.opened[1]?.fail(new Unavailable('UNAVAILABLE'));
    await waitFor(() => later.opened.length === 3);
    expect(later.opened.map((o) => o.after)).toEqual([null, '1', '1']);
    await later.subscription.stop();
  });

  it('stops during the pause without opening again', async () => {
    const { subscription, opened } = reopening();
    opened[0]?.fail(new SubscriptionEndedError());
    await subscription.stop();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(opened).toHaveLength(1);
  });
});

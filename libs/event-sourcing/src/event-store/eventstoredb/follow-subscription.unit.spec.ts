import { PassThrough } from 'node:stream';
import { waitFor } from '../../testing/event-store-contract';
import type { RecordedEvent } from '../event-store.port';
import type { EsdbPosition } from './eventstoredb-mapping';
import { followSubscription, type FollowOptions } from './follow-subscription';

interface Item {
  readonly n: number;
  readonly system?: boolean;
}

/** Stands in for the client's subscription: an object-mode readable that can say `caughtUp`. */
class FakeSubscription extends PassThrough {
  unsubscribed = false;
  onCheckpoint: (position: EsdbPosition) => void = () => undefined;

  constructor() {
    super({ objectMode: true });
  }

  async unsubscribe(): Promise<void> {
    this.unsubscribed = true;
  }

  deliver(...numbers: number[]): void {
    for (const n of numbers) this.write({ n });
  }
}

const at = (n: number): EsdbPosition => ({ commit: BigInt(n * 10), prepare: BigInt(n * 10) });
const eventFor = (n: number): RecordedEvent =>
  ({
    id: String(n),
    revision: n,
    checkpoint: `${n * 10}/${n * 10}`,
    data: { n },
  }) as unknown as RecordedEvent;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function follow(
  options: Partial<FollowOptions<Item>> = {},
  handle: (events: readonly RecordedEvent[]) => Promise<void> = async () => undefined,
) {
  const source = new FakeSubscription();
  const batches: number[][] = [];
  const subscription = followSubscription<Item>(
    (onCheckpoint) => {
      source.onCheckpoint = onCheckpoint;
      return source;
    },
    {
      after: null,
      head: Promise.resolve(at(1_000)),
      batchSize: 100,
      select: (item) => ({ position: at(item.n), event: item.system ? null : eventFor(item.n) }),
      ...options,
    },
    async (events, checkpoint) => {
      batches.push(events.map((event) => event.revision));
      expect(checkpoint).toBe(events.at(-1)?.checkpoint);
      await handle(events);
    },
  );
  const seen = () => batches.flat();
  return { source, subscription, batches, seen };
}

describe('following an EventStoreDB subscription', () => {
  it('resolves caughtUp only once the handler has settled everything before the server’s signal', async () => {
    const { source, subscription, batches, seen } = follow({ batchSize: 2 }, () => sleep(20));
    source.deliver(1, 2, 3);
    source.emit('caughtUp');
    await subscription.caughtUp;
    expect(seen()).toEqual([1, 2, 3]);
    source.deliver(4, 5);
    await waitFor(() => seen().length === 5);
    await subscription.stop();
    expect(batches.every((batch) => batch.length <= 2)).toBe(true);
    expect(source.unsubscribed).toBe(true);
  });

  it('without the signal, is caught up once it has handled the head read at start', async () => {
    const { source, subscription, seen } = follow({ head: Promise.resolve(at(3)) });
    let caughtUp = false;
    void subscription.caughtUp.then(() => (caughtUp = true));
    source.deliver(1, 2);
    await sleep(20);
    expect(caughtUp).toBe(false);
    source.deliver(3);
    await subscription.caughtUp;
    expect(seen()).toEqual([1, 2, 3]);
    await subscription.stop();
  });

  it('without the signal, counts a checkpoint past the head as caught up, when the filter hid the head', async () => {
    const { source, subscription, seen } = follow({ head: Promise.resolve(at(5)) });
    source.deliver(1);
    source.onCheckpoint(at(6));
    await subscription.caughtUp;
    expect(seen()).toEqual([1]);
    await subscription.stop();
  });

  it('is caught up at once on an empty store or when starting at the head', async () => {
    const empty = follow({ head: Promise.resolve(null) });
    await empty.subscription.caughtUp;
    await empty.subscription.stop();
    const atHead = follow({ after: at(4), head: Promise.resolve(at(4)) });
    await atHead.subscription.caughtUp;
    await atHead.subscription.stop();
  });

  it('skips what the start position covers and what select drops, yet counts them toward caughtUp', async () => {
    const { source, subscription, seen } = follow({ after: at(2) });
    source.deliver(1, 2, 3);
    source.write({ n: 4, system: true });
    source.emit('caughtUp');
    await subscription.caughtUp;
    expect(seen()).toEqual([3]);
    await subscription.stop();
  });

  it('stops with the handler’s error and lets go of the server subscription', async () => {
    const { source, subscription } = follow({}, async () => {
      throw new Error('projector failed');
    });
    source.deliver(1);
    await expect(subscription.done).rejects.toThrow('projector failed');
    expect(source.unsubscribed).toBe(true);
  });

  it('fails with the source’s error, and when the server ends it unasked', async () => {
    const failing = follow();
    failing.source.destroy(new Error('connection lost'));
    await expect(failing.subscription.done).rejects.toThrow('connection lost');
    const ending = follow();
    ending.source.end();
    await expect(ending.subscription.done).rejects.toThrow('ended without being stopped');
  });

  it('hands nothing more to the handler once stopped', async () => {
    const { source, subscription, seen } = follow();
    source.deliver(1);
    await waitFor(() => seen().length === 1);
    await subscription.stop();
    source.deliver(2);
    await sleep(20);
    expect(seen()).toEqual([1]);
  });
});

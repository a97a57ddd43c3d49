import { anEvent } from '../../testing/event-store-contract';
import { EventStoreDbEventStore } from './eventstoredb-event-store';

/** Nothing listens on port 1: the adapter must neither hang nor throw before its first call. */
const NOWHERE = 'esdb://127.0.0.1:1?tls=false';

describe('EventStoreDB adapter without a server', () => {
  it('constructs and closes without connecting', async () => {
    const store = new EventStoreDbEventStore({ connectionString: NOWHERE });
    await expect(store.close()).resolves.toBeUndefined();
  });

  it('refuses a malformed connection string at construction', () => {
    expect(
      () => new EventStoreDbEventStore({ connectionString: 'http://localhost:2113' }),
    ).toThrow();
  });

  it('orders checkpoints without the server', async () => {
    const store = new EventStoreDbEventStore({ connectionString: NOWHERE });
    try {
      expect(store.compareCheckpoints('10/10', '9/9')).toBeGreaterThan(0);
      expect(store.compareCheckpoints('10/9', '10/10')).toBeLessThan(0);
      expect(store.compareCheckpoints('10/10', '10/10')).toBe(0);
    } finally {
      await store.close();
    }
  });

  it('fails every call with the connection error instead of hanging', async () => {
    const store = new EventStoreDbEventStore({ connectionString: NOWHERE });
    try {
      const unavailable = expect.objectContaining({
        message: expect.stringContaining('UNAVAILABLE'),
      });
      await expect(store.head()).rejects.toEqual(unavailable);
      await expect(store.readAll()).rejects.toEqual(unavailable);
      await expect(store.readStream('application-1')).rejects.toEqual(unavailable);
      await expect(store.verifyStream('application-1')).rejects.toEqual(unavailable);
      await expect(store.append('application-1', [anEvent()], 'any')).rejects.toEqual(unavailable);
      const subscription = store.subscribe(
        { filter: { streamPrefixes: ['application-'], types: ['Submitted'] } },
        async () => undefined,
      );
      await expect(subscription.done).rejects.toEqual(unavailable);
      await subscription.caughtUp;
    } finally {
      await store.close();
    }
  }, 15_000);
});

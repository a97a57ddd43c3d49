import { anEvent, describeEventStoreContract } from '../../testing/event-store-contract';
import { Upcasters } from '../upcasters';
import { InMemoryEventStore } from './in-memory-event-store';

describeEventStoreContract(
  'in-memory adapter',
  async (options) => {
    const store = new InMemoryEventStore(options?.upcasters);
    return {
      store,
      async tamper(stream, revision, dataText) {
        store.tamper(stream, revision, dataText);
      },
      async dispose() {},
    };
  },
  { gap: 'appends run one at a time on the event loop; positions are given in commit order' },
);

describe('in-memory readAll over an event its upcaster cannot read', () => {
  it('skips and logs it, and the checkpoint moves past it', async () => {
    const warnings: string[] = [];
    const store = new InMemoryEventStore(
      new Upcasters([
        {
          type: 'Broken',
          fromVersion: 1,
          upcast: () => {
            throw new Error('no upcast for this shape');
          },
        },
      ]),
      { warn: (message: string) => void warnings.push(message) },
    );
    await store.append('s-1', [anEvent('Fine'), anEvent('Broken'), anEvent('Fine')], 'no_stream');

    const batch = await store.readAll();

    expect(batch.events.map((e) => e.revision)).toEqual([0, 2]);
    expect(batch.checkpoint).toBe('3');
    expect(warnings).toEqual(['skipped event s-1@1 (Broken): it cannot be decoded']);
  });
});

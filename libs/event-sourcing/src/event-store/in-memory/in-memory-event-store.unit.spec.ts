import { describeEventStoreContract } from '../../testing/event-store-contract';
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

import {
  DeadlineExceededError,
  StreamNotFoundError,
  UnavailableError,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { anEvent } from '../../testing/event-store-contract';
import type { EsdbRecord } from './eventstoredb-mapping';
import {
  EventStoreDbCredentialsMissingError,
  EventStoreDbEventStore,
} from './eventstoredb-event-store';

type Failure = 'answer-lost' | 'dropped';

interface Proposed {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
}

/**
 * The two client calls an append makes, over streams in memory; `failures` makes the next
 * appends fail as a server does under load: a write whose answer is lost (it was written), or a
 * call dropped before the write.
 */
class ClientDouble {
  readonly streams = new Map<string, EsdbRecord[]>();
  readonly failures: Failure[] = [];
  appendCalls = 0;
  private commit = 100n;

  appendToStream(stream: string, events: readonly Proposed[]): Promise<{ success: true }> {
    this.appendCalls += 1;
    const failure = this.failures.shift();
    if (failure === 'dropped') return Promise.reject(new UnavailableError());
    const list = this.streams.get(stream) ?? [];
    for (const event of events) {
      this.commit += 10n;
      list.push({
        streamId: stream,
        id: event.id,
        revision: BigInt(list.length),
        type: event.type,
        isJson: true,
        data: event.data,
        metadata: event.metadata,
        position: { commit: this.commit, prepare: this.commit },
      });
    }
    this.streams.set(stream, list);
    if (failure === 'answer-lost') return Promise.reject(new DeadlineExceededError());
    return Promise.resolve({ success: true });
  }

  readStream(stream: string, options: { fromRevision?: bigint | string; maxCount?: number }) {
    const list = this.streams.get(stream);
    const from = typeof options.fromRevision === 'bigint' ? Number(options.fromRevision) : 0;
    const selected = (list ?? []).slice(from, from + (options.maxCount ?? Number.MAX_SAFE_INTEGER));
    return {
      async *iterator() {
        await Promise.resolve();
        if (!list) throw new StreamNotFoundError(undefined, stream);
        for (const event of selected) yield { event };
      },
      resume: () => undefined,
      cancel: () => Promise.resolve(),
    };
  }

  readAll(options: { fromPosition?: unknown; maxCount?: number }) {
    const all = [...this.streams.values()]
      .flat()
      .sort((a, b) => Number((a.position?.commit ?? 0n) - (b.position?.commit ?? 0n)));
    const from = options.fromPosition as { commit: bigint } | undefined;
    const start =
      typeof from === 'object' ? all.filter((e) => (e.position?.commit ?? 0n) >= from.commit) : all;
    const selected = start.slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER);
    return {
      async *iterator() {
        await Promise.resolve();
        for (const event of selected) yield { event };
      },
      resume: () => undefined,
      cancel: () => Promise.resolve(),
    };
  }

  /** An event another writer put there: binary, without this store's chain. */
  putForeign(stream: string): void {
    const list = this.streams.get(stream) ?? [];
    this.commit += 10n;
    list.push({
      streamId: stream,
      id: '00000000-0000-4000-8000-000000000000',
      revision: BigInt(list.length),
      type: 'SomethingElse',
      isJson: false,
      data: new Uint8Array([1, 2, 3]),
      metadata: new Uint8Array(),
      position: { commit: this.commit, prepare: this.commit },
    });
    this.streams.set(stream, list);
  }

  dispose(): Promise<void> {
    return Promise.resolve();
  }
}

function storeOn(client: ClientDouble, warnings: string[] = []): EventStoreDbEventStore {
  return new EventStoreDbEventStore({
    connectionString: 'esdb://127.0.0.1:1?tls=false',
    client: client as unknown as EventStoreDBClient,
    unknownOutcomeBackoffMs: 1,
    logger: { warn: (message: string) => void warnings.push(message) },
  });
}

describe('EventStoreDB readAll over a foreign event', () => {
  it('skips and logs an event another writer put in a matching stream, and moves on past it', async () => {
    const client = new ClientDouble();
    const warnings: string[] = [];
    const store = storeOn(client, warnings);
    await store.append('application-9', [anEvent()], 'no_stream');
    client.putForeign('application-8');
    await store.append('application-9', [anEvent()], 0);

    const batch = await store.readAll({ filter: { streamPrefixes: ['application-'] } });

    expect(batch.events.map((e) => `${e.stream}@${e.revision}`)).toEqual([
      'application-9@0',
      'application-9@1',
    ]);
    expect(batch.checkpoint).toBe(batch.events.at(-1)?.checkpoint);
    expect(warnings).toEqual([
      'skipped event application-8@0 (SomethingElse): it cannot be decoded',
    ]);
  });
});

describe('EventStoreDB append when the outcome is unknown', () => {
  it('finds its own write after a lost answer (deadline exceeded) and reports it written once', async () => {
    const client = new ClientDouble();
    const store = storeOn(client);
    client.failures.push('answer-lost');
    const events = [anEvent(), anEvent()];

    const result = await store.append('application-1', events, 'no_stream');

    expect(result).toMatchObject({ nextExpectedRevision: 1, duplicate: false });
    expect(client.streams.get('application-1')?.map((e) => e.id)).toEqual(events.map((e) => e.id));
    expect(client.appendCalls).toBe(1);
  });

  it('writes once after calls dropped before the write (unavailable), backing off between tries', async () => {
    const client = new ClientDouble();
    const store = storeOn(client);
    client.failures.push('dropped', 'dropped');

    const result = await store.append('application-2', [anEvent()], 'no_stream');

    expect(result).toMatchObject({ nextExpectedRevision: 0, duplicate: false });
    expect(client.streams.get('application-2')).toHaveLength(1);
    expect(client.appendCalls).toBe(3);
  });

  it('still tells a repeat by the caller from its own write', async () => {
    const client = new ClientDouble();
    const store = storeOn(client);
    const events = [anEvent()];
    await store.append('application-3', events, 'no_stream');
    client.failures.push('answer-lost');

    const again = await store.append('application-3', events, 'no_stream');

    expect(again).toMatchObject({ nextExpectedRevision: 0, duplicate: true });
    expect(client.streams.get('application-3')).toHaveLength(1);
  });
});

describe('EventStoreDB credentials', () => {
  it.each([
    ['TLS by default', 'esdb://localhost:2113'],
    ['TLS asked for', 'esdb://localhost:2113?tls=true'],
    ['a cluster found by gossip', 'esdb+discover://cluster.example:2113?tlsVerifyCert=true'],
  ])('refuses to start on %s without a user, instead of trying admin/changeit', (_label, url) => {
    expect(() => new EventStoreDbEventStore({ connectionString: url })).toThrow(
      EventStoreDbCredentialsMissingError,
    );
  });

  it.each([
    ['a user in the connection string', 'esdb://ops:secret@localhost:2113', undefined],
    ['credentials given apart', 'esdb://localhost:2113', { username: 'ops', password: 'secret' }],
    ['an insecure server (no authentication)', 'esdb://localhost:2113?tls=false', undefined],
  ])('starts with %s', async (_label, url, credentials) => {
    const store = new EventStoreDbEventStore({ connectionString: url, credentials });
    await store.close();
  });
});

describe('EventStoreDB projection lag', () => {
  it('counts the events a reader is behind, not the bytes between commit positions, up to the cap', async () => {
    const client = new ClientDouble();
    const store = storeOn(client);
    await store.append('application-1', [anEvent(), anEvent(), anEvent()], 'no_stream');
    const { events } = await store.readAll();
    const [first, , last] = events;
    if (!first || !last) throw new Error('three events were appended');
    const head = { position: last.position, checkpoint: last.checkpoint };
    // Commit positions are 10 apart in the double: subtracting them would say 20.
    expect(last.position - first.position).toBe(20n);

    const behind = (checkpoint: string | null, position: bigint, cap = 100) =>
      store.eventsBehind({ checkpoint, position }, head, cap);
    expect(await behind(first.checkpoint, first.position)).toBe(2);
    expect(await behind(last.checkpoint, last.position)).toBe(0);
    expect(await behind(null, 0n)).toBe(3);
    expect(await behind(null, 0n, 2)).toBe(2);
  });
});

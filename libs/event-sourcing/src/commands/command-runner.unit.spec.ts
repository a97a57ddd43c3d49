import { accepted, refused, type Decision } from '../domain/decision';
import { DomainError } from '../errors/domain-error';
import { AppendOutcomeUnknownError } from '../errors/store-unreachable';
import { WrongExpectedRevisionError } from '../event-store/event-store.errors';
import { InMemoryEventStore } from '../event-store/in-memory/in-memory-event-store';
import type { EventStore, StreamAppend } from '../event-store/event-store.port';
import {
  acceptedOrThrow,
  CommandRunner,
  type Aggregate,
  type CommandScope,
} from './command-runner';

type CounterEvent = { type: 'Added'; data: { by: number; at: string } };
type CounterCommand = { type: 'Add'; by: number; limit?: number };
type CounterRefusal = { code: 'CONFLICT'; reason: 'OVER_LIMIT'; message: string };

const counter: Aggregate<string, CounterCommand, number, CounterEvent, CounterRefusal> = {
  stream: (id) => `counter-${id}`,
  initialState: 0,
  evolve: (state, event) => state + event.data.by,
  decide: (command, state, now): Decision<CounterEvent, CounterRefusal> =>
    command.limit !== undefined && state + command.by > command.limit
      ? refused({ code: 'CONFLICT', reason: 'OVER_LIMIT', message: '上限を超えます。' })
      : accepted({ type: 'Added', data: { by: command.by, at: now.toISOString() } }),
  toEvent: (recorded) => ({ type: 'Added', data: recorded.data as CounterEvent['data'] }),
  schemaVersion: 1,
};

const metadata = { correlationId: 'c-1', actor: { id: 'op', role: 'OPERATOR' as const } };
const T0 = new Date('2026-04-01T00:00:00Z');

function clockFrom(start: Date) {
  const calls: Date[] = [];
  const clock = () => {
    const now = new Date(start.getTime() + calls.length * 86_400_000);
    calls.push(now);
    return now;
  };
  return { clock, calls };
}

describe('CommandRunner', () => {
  it('reads the clock once: preparation, decisions and occurredAt share one now', async () => {
    const store = new InMemoryEventStore();
    const { clock, calls } = clockFrom(T0);
    const runner = new CommandRunner(store, clock);
    let preparedAt: Date | undefined;
    const { value, checkpoint, now } = await runner.run(
      metadata,
      async (scope, by: number) => {
        const a = await scope.load(counter, 'a');
        a.decide({ type: 'Add', by });
        a.decide({ type: 'Add', by });
        return a;
      },
      {
        prepare: async (at) => {
          preparedAt = at;
          return 2;
        },
      },
    );
    expect(calls).toHaveLength(1);
    expect(preparedAt).toEqual(T0);
    expect(now).toEqual(T0);
    expect(value.state).toBe(4);
    expect(value.revision).toBe(1);
    const stored = await store.readStream('counter-a');
    expect(stored.map((e) => e.metadata.occurredAt)).toEqual([T0, T0]);
    expect(stored.map((e) => (e.data as CounterEvent['data']).at)).toEqual([
      T0.toISOString(),
      T0.toISOString(),
    ]);
    expect(checkpoint).toBe(stored.at(-1)?.checkpoint);
  });

  it('appends every stream a command decided on in one appendToStreams, with their expected revisions', async () => {
    const store = new InMemoryEventStore();
    await store.append('counter-b', [], 'any');
    const seen: StreamAppend[][] = [];
    const spy: EventStore = Object.assign(Object.create(store) as EventStore, {
      appendToStreams: (appends: readonly StreamAppend[]) => {
        seen.push([...appends]);
        return store.appendToStreams(appends);
      },
    });
    const runner = new CommandRunner(spy, () => T0);
    await runner.run(metadata, async (scope) => {
      (await scope.load(counter, 'a', 'after')).decide({ type: 'Add', by: 1 });
      (await scope.load(counter, 'b', 'before')).decide({ type: 'Add', by: 2 });
      await scope.load(counter, 'untouched');
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]?.map(({ stream, expected }) => ({ stream, expected }))).toEqual([
      { stream: 'counter-b', expected: 'no_stream' },
      { stream: 'counter-a', expected: 'no_stream' },
    ]);
  });

  it('writes nothing when the command throws a refusal', async () => {
    const store = new InMemoryEventStore();
    const runner = new CommandRunner(store, () => T0);
    const attempt = runner.run(metadata, async (scope) => {
      (await scope.load(counter, 'a')).decide({ type: 'Add', by: 1 });
      acceptedOrThrow((await scope.load(counter, 'b')).decide({ type: 'Add', by: 5, limit: 3 }));
    });
    await expect(attempt).rejects.toMatchObject({
      constructor: DomainError,
      code: 'CONFLICT',
      reason: 'OVER_LIMIT',
      message: '上限を超えます。',
    });
    expect((await store.readAll()).events).toHaveLength(0);
  });

  it('decides again on the new state when another writer got in first, up to maxAttempts', async () => {
    const store = new InMemoryEventStore();
    const runner = new CommandRunner(store, () => T0);
    let interferences = 0;
    // Another writer appends right after this command loaded, while interferences last.
    const addOneUpToThree = async (scope: CommandScope) => {
      const a = await scope.load(counter, 'a');
      acceptedOrThrow(a.decide({ type: 'Add', by: 1, limit: 3 }));
      if (interferences-- > 0) await store.append('counter-a', [anAdded()], 'any');
      return a.state;
    };
    interferences = 1;
    await expect(runner.run(metadata, addOneUpToThree)).rejects.toBeInstanceOf(
      WrongExpectedRevisionError,
    );
    expect(await store.readStream('counter-a')).toHaveLength(1);

    interferences = 1;
    const { value } = await runner.run(metadata, addOneUpToThree, { maxAttempts: 3 });
    // Decided again on 2 (the other writer's two events), not on the 1 it first loaded.
    expect(value).toBe(3);
    expect(await store.readStream('counter-a')).toHaveLength(3);
    await expect(runner.run(metadata, addOneUpToThree, { maxAttempts: 3 })).rejects.toThrow(/上限/);
  });

  it('serves the first attempt the streams prepare loaded without reading them again, and a retry reads them anew', async () => {
    const store = new InMemoryEventStore();
    await store.append('counter-a', [anAdded()], 'no_stream');
    const reads = readsOf(store);
    const runner = new CommandRunner(reads.store, () => T0);
    let interfere = true;
    const { value } = await runner.run(
      metadata,
      async (scope, seen: number) => {
        const a = await scope.load(counter, 'a');
        a.decide({ type: 'Add', by: seen });
        if (interfere) await store.append('counter-a', [anAdded()], 'any');
        interfere = false;
        return a.state;
      },
      { prepare: async (_now, scope) => (await scope.load(counter, 'a')).state, maxAttempts: 2 },
    );
    // Prepared on 1; the append expected the revision prepare read, lost to the other writer,
    // and the retry decided on the stream read again (1 + 1 from the other writer, + 1).
    expect(value).toBe(3);
    expect(reads.streams).toEqual(['counter-a', 'counter-a']);
  });

  it('starts a new stream without reading it, and refuses to write on one that exists', async () => {
    const store = new InMemoryEventStore();
    const reads = readsOf(store);
    const runner = new CommandRunner(reads.store, () => T0);
    const startB = (scope: CommandScope) =>
      scope.start(counter, 'b').decide({ type: 'Add', by: 1 });

    await runner.run(metadata, startB);
    expect(reads.streams).toEqual([]);
    expect(await store.readStream('counter-b')).toHaveLength(1);

    await expect(runner.run(metadata, startB)).rejects.toBeInstanceOf(WrongExpectedRevisionError);
    expect(await store.readStream('counter-b')).toHaveLength(1);
  });
});

/** The store, counting the streams read through it. */
function readsOf(store: InMemoryEventStore): { store: EventStore; streams: string[] } {
  const streams: string[] = [];
  const counted = Object.assign(Object.create(store) as EventStore, {
    readStream: (...args: Parameters<EventStore['readStream']>) => {
      streams.push(args[0]);
      return store.readStream(...args);
    },
  });
  return { store: counted, streams };
}

function anAdded() {
  return {
    id: crypto.randomUUID(),
    type: 'Added',
    data: { by: 1, at: T0.toISOString() },
    metadata: { correlationId: 'other', occurredAt: T0, schemaVersion: 1 },
  };
}

describe('CommandRunner when the answer of an append is lost (issue 9)', () => {
  const lost = () =>
    new AppendOutcomeUnknownError(['counter-a'], {
      cause: new Error('Connection terminated unexpectedly'),
    });

  /** A store whose first `failures` appends fail as lost answers, after storing when `stored`. */
  function losing(store: InMemoryEventStore, failures: number, stored: boolean): EventStore {
    let left = failures;
    return Object.assign(Object.create(store) as EventStore, {
      append: async (...args: Parameters<EventStore['append']>) => {
        if (left <= 0) return store.append(...args);
        left -= 1;
        if (stored && left === failures - 1) await store.append(...args);
        throw lost();
      },
    });
  }

  const addOne = (scope: CommandScope) =>
    scope.load(counter, 'a').then((a) => a.decide({ type: 'Add', by: 1 }));

  it('finds the events stored when the commit had landed, and stores them once', async () => {
    const store = new InMemoryEventStore();
    const runner = new CommandRunner(losing(store, 1, true), () => T0);

    const { checkpoint } = await runner.run(metadata, addOne);

    expect(checkpoint).not.toBeNull();
    expect(await store.readStream('counter-a')).toHaveLength(1);
  });

  it('stores the events when the first attempt had not landed', async () => {
    const store = new InMemoryEventStore();
    const runner = new CommandRunner(losing(store, 2, false), () => T0);

    await runner.run(metadata, addOne);

    expect(await store.readStream('counter-a')).toHaveLength(1);
  });

  it('says the outcome is unknown while the store stays unreachable', async () => {
    const store = new InMemoryEventStore();
    const runner = new CommandRunner(losing(store, 1000, false), () => T0);

    await expect(runner.run(metadata, addOne)).rejects.toBeInstanceOf(AppendOutcomeUnknownError);
    expect(await store.readStream('counter-a')).toHaveLength(0);
  }, 20_000);
});

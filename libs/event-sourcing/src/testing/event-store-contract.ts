import { randomUUID } from 'node:crypto';
import {
  IdempotencyViolationError,
  WrongExpectedRevisionError,
} from '../event-store/event-store.errors';
import type { EventStore, EventToAppend, RecordedEvent } from '../event-store/event-store.port';
import { GENESIS_HASH } from '../event-store/hash-chain';
import { Upcasters } from '../event-store/upcasters';

/** An append transaction held open until `commit`: the adapter-specific half of the gap test. */
export interface HeldAppend {
  commit(): Promise<void>;
}

export interface EventStoreHarness {
  readonly store: EventStore;
  /**
   * Rewrites one stored event's data behind the store's back, as a tamperer would. Absent where
   * the store cannot be tampered with at all (EventStoreDB events are immutable).
   */
  tamper?(stream: string, revision: number, dataText: string): Promise<void>;
  /** Present where appends are transactions that can commit out of order (PostgreSQL server). */
  holdAppend?(stream: string, events: readonly EventToAppend[]): Promise<HeldAppend>;
  dispose(): Promise<void>;
}

export interface HarnessOptions {
  readonly upcasters?: Upcasters;
}

export type HarnessFactory = (options?: HarnessOptions) => Promise<EventStoreHarness>;

export function anEvent(
  type = 'Happened',
  data: unknown = { value: 1 },
  occurredAt = new Date('2026-11-26T00:00:00Z'),
): EventToAppend {
  return {
    id: randomUUID(),
    type,
    data,
    metadata: {
      correlationId: randomUUID(),
      actor: { id: 'tester', role: 'OPERATOR' },
      occurredAt,
      schemaVersion: 1,
    },
  };
}

const events = (count: number, type = 'Happened'): EventToAppend[] =>
  Array.from({ length: count }, (_, value) => anEvent(type, { value }));

/** What an adapter cannot be put through, and why: those cases are reported as skipped. */
export interface NotApplicable {
  readonly gap?: string;
  /** Stores that append one stream at a time; their half-done commands are settled elsewhere. */
  readonly atomicMultiStream?: string;
  readonly tamper?: string;
  /** Event ids unique across the whole store, not only within a stream. */
  readonly idInAnotherStream?: string;
}

/** The one contract every adapter passes. */
export function describeEventStoreContract(
  name: string,
  factory: HarnessFactory,
  notApplicable: NotApplicable = {},
): void {
  describe(`EventStore contract: ${name}`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    let prefix: string;
    /** Where this test's events begin: a reused store (EventStoreDB) may hold many before them. */
    let start: string | null;
    const stream = (label: string) => `${prefix}${label}`;

    beforeAll(async () => {
      harness = await factory();
      store = harness.store;
    });
    afterAll(async () => harness?.dispose());
    beforeEach(async () => {
      prefix = `c${randomUUID().slice(0, 8)}-`;
      start = (await store.head()).checkpoint;
    });

    const readAllOf = async (
      after: string | null = start,
      batchSize = 1000,
    ): Promise<RecordedEvent[]> => {
      const collected: RecordedEvent[] = [];
      let checkpoint = after;
      for (;;) {
        const batch = await store.readAll({
          after: checkpoint,
          filter: { streamPrefixes: [prefix] },
          batchSize,
        });
        collected.push(...batch.events);
        checkpoint = batch.checkpoint;
        if (batch.isEnd) return collected;
      }
    };

    describe('append and readStream', () => {
      it('records events at consecutive revisions with their data and metadata', async () => {
        const appended = events(3);
        const result = await store.append(stream('a'), appended, 'no_stream');
        expect(result).toMatchObject({ nextExpectedRevision: 2, duplicate: false });

        const read = await store.readStream(stream('a'));
        expect(read.map((e) => [e.id, e.revision, e.type, e.data])).toEqual(
          appended.map((e, i) => [e.id, i, 'Happened', { value: i }]),
        );
        expect(read[0]?.metadata).toMatchObject({
          correlationId: appended[0]?.metadata.correlationId,
          causationId: null,
          actor: { id: 'tester', role: 'OPERATOR' },
          occurredAt: new Date('2026-11-26T00:00:00Z'),
          schemaVersion: 1,
        });
        expect(read.at(-1)?.position).toBe(result.position);
      });

      it('reads backwards, from a revision, a limited count, and up to a point in time', async () => {
        const at = (day: number) => new Date(Date.UTC(2026, 10, day));
        await store.append(
          stream('r'),
          [1, 2, 3, 4, 5].map((day) => anEvent('Day', { day }, at(day))),
          'no_stream',
        );
        const days = (list: RecordedEvent[]) => list.map((e) => (e.data as { day: number }).day);

        expect(days(await store.readStream(stream('r'), { direction: 'backwards' }))).toEqual([
          5, 4, 3, 2, 1,
        ]);
        expect(days(await store.readStream(stream('r'), { fromRevision: 2, maxCount: 2 }))).toEqual(
          [3, 4],
        );
        expect(
          days(await store.readStream(stream('r'), { direction: 'backwards', fromRevision: 1 })),
        ).toEqual([2, 1]);
        expect(days(await store.readStream(stream('r'), { until: at(3) }))).toEqual([1, 2, 3]);
        expect(await store.readStream(stream('missing'))).toEqual([]);
      });

      it('keeps unicode and nested data byte for byte', async () => {
        const data = {
          name: '山田　太郎',
          nested: { list: [1, 'ｱ', null, true], empty: {} },
          emoji: '𠮷',
        };
        await store.append(stream('u'), [anEvent('Named', data)], 'no_stream');
        expect((await store.readStream(stream('u')))[0]?.data).toEqual(data);
      });
    });

    describe('expected revision', () => {
      it.each([
        ['no_stream on an existing stream', 'no_stream' as const],
        ['a stale revision', 0],
        ['a revision ahead', 5],
      ])('refuses %s', async (_label, expected) => {
        await store.append(stream('x'), events(2), 'no_stream');
        await expect(store.append(stream('x'), events(1), expected)).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        expect(await store.readStream(stream('x'))).toHaveLength(2);
      });

      it('refuses stream_exists and a revision on a missing stream, and accepts any', async () => {
        await expect(store.append(stream('m'), events(1), 'stream_exists')).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await expect(store.append(stream('m'), events(1), 0)).rejects.toBeInstanceOf(
          WrongExpectedRevisionError,
        );
        await store.append(stream('m'), events(1), 'any');
        await store.append(stream('m'), events(1), 'any');
        await store.append(stream('m'), events(1), 'stream_exists');
        const result = await store.append(stream('m'), events(1), 2);
        expect(result.nextExpectedRevision).toBe(3);
      });

      it('reports the actual revision in the conflict', async () => {
        await store.append(stream('c'), events(3), 'no_stream');
        const error = await store.append(stream('c'), events(1), 1).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(WrongExpectedRevisionError);
        expect((error as WrongExpectedRevisionError).actual).toBe(2);
      });

      it('lets exactly one of K concurrent writers with the same expected revision win, over many trials', async () => {
        const trials = 25;
        const writers = 8;
        for (let trial = 0; trial < trials; trial++) {
          const target = stream(`k${trial}`);
          await store.append(target, events(1), 'no_stream');
          const outcomes = await Promise.allSettled(
            Array.from({ length: writers }, () => store.append(target, events(2), 0)),
          );
          const won = outcomes.filter((o) => o.status === 'fulfilled');
          const lost = outcomes.filter((o) => o.status === 'rejected');
          expect(won).toHaveLength(1);
          for (const o of lost) expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(await store.readStream(target)).toHaveLength(3);
        }
      });

      it('lets exactly one of K concurrent creators of a new stream win', async () => {
        const outcomes = await Promise.allSettled(
          Array.from({ length: 8 }, () => store.append(stream('new'), events(1), 'no_stream')),
        );
        expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
        expect(await store.readStream(stream('new'))).toHaveLength(1);
      });
    });

    describe('idempotency', () => {
      it('treats a re-append of the same event ids as done, writing nothing', async () => {
        const batch = events(2);
        const first = await store.append(stream('i'), batch, 'no_stream');
        const again = await store.append(stream('i'), batch, 'no_stream');
        const againAny = await store.append(stream('i'), batch, 'any');
        expect(again).toMatchObject({
          duplicate: true,
          nextExpectedRevision: 1,
          position: first.position,
        });
        expect(againAny.duplicate).toBe(true);
        expect(await store.readStream(stream('i'))).toHaveLength(2);
        expect(await readAllOf()).toHaveLength(2);
      });

      it('settles concurrent re-appends of the same ids to one write', async () => {
        const batch = events(3);
        const outcomes = await Promise.all(
          Array.from({ length: 6 }, () => store.append(stream('ci'), batch, 'any')),
        );
        expect(outcomes.filter((o) => !o.duplicate)).toHaveLength(1);
        expect(await store.readStream(stream('ci'))).toHaveLength(3);
      });

      it('refuses a batch that repeats only some ids', async () => {
        const [first, second] = events(2) as [EventToAppend, EventToAppend];
        await store.append(stream('p'), [first], 'no_stream');
        await expect(store.append(stream('p'), [first, second], 'any')).rejects.toBeInstanceOf(
          IdempotencyViolationError,
        );
        expect(await store.readStream(stream('p'))).toHaveLength(1);
      });

      if (!notApplicable.idInAnotherStream) {
        it('refuses an id already appended to another stream', async () => {
          const [first] = events(1) as [EventToAppend];
          await store.append(stream('p'), [first], 'no_stream');
          await expect(store.append(stream('q'), [first], 'any')).rejects.toBeInstanceOf(
            IdempotencyViolationError,
          );
          expect(await store.readStream(stream('q'))).toHaveLength(0);
        });
      } else {
        // Reported as skipped, with the reason, rather than counted as passing.
        it.skip(`refuses an id already appended to another stream (not applicable: ${notApplicable.idInAnotherStream})`, () =>
          undefined);
      }
    });

    describe('appendToStreams', () => {
      it('appends to each stream at its next revision, with one result per part and the last checkpoint', async () => {
        await store.append(stream('a'), events(2), 'no_stream');
        const result = await store.appendToStreams([
          { stream: stream('a'), events: events(1, 'A'), expected: 1 },
          { stream: stream('b'), events: events(2, 'B'), expected: 'no_stream' },
        ]);
        expect(result.duplicate).toBe(false);
        expect(result.streams.map((s) => s.nextExpectedRevision)).toEqual([2, 1]);
        expect(await store.readStream(stream('a'))).toHaveLength(3);
        expect((await store.readStream(stream('b'))).map((e) => e.type)).toEqual(['B', 'B']);
        const all = await readAllOf();
        expect(all).toHaveLength(5);
        const last = all.at(-1);
        if (!last) throw new Error('nothing read');
        expect(store.compareCheckpoints(result.checkpoint, last.checkpoint)).toBe(0);
        const verified = await store.verifyStream(stream('b'));
        expect(verified).toEqual({ intact: true, events: 2, firstBrokenRevision: null });
      });

      it('treats a re-append of the same ids as done, writing nothing', async () => {
        const parts = [
          { stream: stream('ra'), events: events(1), expected: 'no_stream' as const },
          { stream: stream('rb'), events: events(2), expected: 'no_stream' as const },
        ];
        const first = await store.appendToStreams(parts);
        const again = await store.appendToStreams(parts);
        expect(again.duplicate).toBe(true);
        expect(again.streams.map((s) => s.nextExpectedRevision)).toEqual([0, 1]);
        expect(store.compareCheckpoints(again.checkpoint, first.checkpoint)).toBe(0);
        expect(await readAllOf()).toHaveLength(3);
      });

      it('refuses a stream named twice', async () => {
        await expect(
          store.appendToStreams([
            { stream: stream('t'), events: events(1), expected: 'any' },
            { stream: stream('t'), events: events(1), expected: 'any' },
          ]),
        ).rejects.toThrow(/more than once/);
      });

      if (!notApplicable.atomicMultiStream) {
        it('writes nothing to any stream when one part’s expected revision fails', async () => {
          await store.append(stream('held'), events(1), 'no_stream');
          const error = await store
            .appendToStreams([
              { stream: stream('free'), events: events(1), expected: 'no_stream' },
              { stream: stream('held'), events: events(1), expected: 'no_stream' },
            ])
            .catch((e: unknown) => e);
          expect(error).toBeInstanceOf(WrongExpectedRevisionError);
          expect((error as WrongExpectedRevisionError).stream).toBe(stream('held'));
          expect(await store.readStream(stream('free'))).toHaveLength(0);
          expect(await store.readStream(stream('held'))).toHaveLength(1);
          expect(await readAllOf()).toHaveLength(1);
        });

        it('lets exactly one of K concurrent commands over the same streams win, in any part order', async () => {
          for (let trial = 0; trial < 10; trial++) {
            const [x, y] = [stream(`x${trial}`), stream(`y${trial}`)];
            const outcomes = await Promise.allSettled(
              Array.from({ length: 6 }, (_, k) =>
                store.appendToStreams(
                  (k % 2 === 0 ? [x, y] : [y, x]).map((s) => ({
                    stream: s,
                    events: events(1),
                    expected: 'no_stream' as const,
                  })),
                ),
              ),
            );
            expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
            for (const o of outcomes)
              if (o.status === 'rejected')
                expect(o.reason).toBeInstanceOf(WrongExpectedRevisionError);
            expect(await store.readStream(x)).toHaveLength(1);
            expect(await store.readStream(y)).toHaveLength(1);
          }
        });
      } else {
        // Reported as skipped, with the reason, rather than counted as passing.
        it.skip(`not applicable: ${notApplicable.atomicMultiStream}`, () => undefined);
      }
    });

    describe('readAll', () => {
      it('returns every stream’s events in append order, in batches, resumable from any checkpoint', async () => {
        for (let i = 0; i < 10; i++)
          await store.append(stream(i % 2 ? 'odd' : 'even'), [anEvent('N', { i })], 'any');
        const all = await readAllOf(start, 3);
        expect(all.map((e) => (e.data as { i: number }).i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
        const positions = all.map((e) => e.position);
        expect([...positions].sort((a, b) => (a < b ? -1 : 1))).toEqual(positions);

        const resumed = await readAllOf(all[5]?.checkpoint ?? null);
        expect(resumed.map((e) => (e.data as { i: number }).i)).toEqual([6, 7, 8, 9]);
      });

      it('filters by stream prefix and by event type', async () => {
        await store.append(
          stream('application-1'),
          [anEvent('Submitted'), anEvent('Started')],
          'no_stream',
        );
        await store.append(stream('account-1'), [anEvent('Registered')], 'no_stream');
        await store.append(stream('application-2'), [anEvent('Submitted')], 'no_stream');

        const byPrefix = await store.readAll({
          after: start,
          filter: { streamPrefixes: [stream('application-')] },
        });
        expect(byPrefix.events.map((e) => e.type)).toEqual(['Submitted', 'Started', 'Submitted']);
        const byType = await store.readAll({
          after: start,
          filter: { streamPrefixes: [prefix], types: ['Registered', 'Started'] },
        });
        expect(byType.events.map((e) => e.type)).toEqual(['Started', 'Registered']);
        const both = await store.readAll({
          after: start,
          filter: { streamPrefixes: [stream('account-'), stream('application-2')] },
        });
        expect(both.events.map((e) => e.stream)).toEqual([
          stream('account-1'),
          stream('application-2'),
        ]);
      });

      it('moves a filtered reader’s checkpoint past the events it skipped', async () => {
        const before = await store.head();
        await store.append(stream('skip'), events(3), 'no_stream');
        const batch = await store.readAll({
          after: before.checkpoint,
          filter: { types: ['NeverAppended'] },
        });
        expect(batch.events).toEqual([]);
        expect(batch.isEnd).toBe(true);
        expect(batch.checkpoint).toBe((await store.head()).checkpoint);
      });

      it('orders checkpoints as it orders events', async () => {
        const first = await store.append(stream('o1'), events(1), 'no_stream');
        const second = await store.append(stream('o2'), events(1), 'no_stream');
        expect(store.compareCheckpoints(first.checkpoint, second.checkpoint)).toBeLessThan(0);
        expect(store.compareCheckpoints(second.checkpoint, first.checkpoint)).toBeGreaterThan(0);
        expect(store.compareCheckpoints(first.checkpoint, first.checkpoint)).toBe(0);
      });

      it('reports the newest visible event as head', async () => {
        const result = await store.append(stream('h'), events(2), 'no_stream');
        const head = await store.head();
        expect(head.position >= result.position).toBe(true);
        expect(head.checkpoint).not.toBeNull();
      });
    });

    describe('subscribe', () => {
      it('catches up, then follows live appends, in order', async () => {
        await store.append(stream('s'), events(3), 'no_stream');
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribe(
          { filter: { streamPrefixes: [prefix] }, batchSize: 2 },
          async (batch) => {
            seen.push(...batch);
          },
        );
        await subscription.caughtUp;
        expect(seen).toHaveLength(3);
        await store.append(stream('s'), events(2), 2);
        await store.append(stream('t'), events(1), 'no_stream');
        await waitFor(() => seen.length === 6);
        await subscription.stop();
        expect(seen.map((e) => `${e.stream.slice(prefix.length)}@${e.revision}`)).toEqual([
          's@0',
          's@1',
          's@2',
          's@3',
          's@4',
          't@0',
        ]);
      });

      it('tells in-process listeners once an append has committed, until they unsubscribe', async () => {
        let calls = 0;
        let told: unknown;
        const unsubscribe = store.onAppended((appended) => {
          calls += 1;
          told = appended;
        });
        await store.append(stream('w'), events(2), 'no_stream');
        expect(calls).toBe(1);
        // What was written, when the store says (a listener filters on it), or nothing at all.
        if (told !== undefined)
          expect(told).toEqual([
            { stream: stream('w'), type: 'Happened' },
            { stream: stream('w'), type: 'Happened' },
          ]);
        unsubscribe();
        await store.append(stream('w'), events(1), 1);
        expect(calls).toBe(1);
      });

      it('resumes after a checkpoint without repeating or losing an event', async () => {
        await store.append(stream('s'), events(4), 'no_stream');
        const all = await readAllOf();
        const seen: RecordedEvent[] = [];
        const subscription = store.subscribe(
          { after: all[1]?.checkpoint, filter: { streamPrefixes: [prefix] } },
          async (batch) => {
            seen.push(...batch);
          },
        );
        await subscription.caughtUp;
        await subscription.stop();
        expect(seen.map((e) => e.revision)).toEqual([2, 3]);
      });

      it('stops with the handler’s error', async () => {
        await store.append(stream('f'), events(1), 'no_stream');
        const subscription = store.subscribe({ filter: { streamPrefixes: [prefix] } }, async () => {
          throw new Error('projector failed');
        });
        await expect(subscription.done).rejects.toThrow('projector failed');
      });
    });

    describe('hash chain', () => {
      it('links each event to the one before it and verifies intact', async () => {
        await store.append(stream('h'), events(2), 'no_stream');
        await store.append(stream('h'), events(2), 1);
        const read = await store.readStream(stream('h'));
        expect(read[0]?.metadata.prevHash).toBe(GENESIS_HASH);
        for (let i = 1; i < read.length; i++)
          expect(read[i]?.metadata.prevHash).toBe(read[i - 1]?.metadata.hash);
        expect(new Set(read.map((e) => e.metadata.hash)).size).toBe(4);
        expect(await store.verifyStream(stream('h'))).toEqual({
          intact: true,
          events: 4,
          firstBrokenRevision: null,
        });
      });

      const tamperable = notApplicable.tamper ? it.skip : it;
      tamperable(
        `finds the first revision whose stored data was changed${notApplicable.tamper ? ` (not applicable: ${notApplicable.tamper})` : ''}`,
        async () => {
          const tamper = harness.tamper;
          if (!tamper) throw new Error('this harness cannot tamper: pass notApplicable.tamper');
          await store.append(stream('t'), events(4), 'no_stream');
          await tamper(stream('t'), 2, '{"value":999}');
          expect(await store.verifyStream(stream('t'))).toEqual({
            intact: false,
            events: 4,
            firstBrokenRevision: 2,
          });
        },
      );

      it('verifies an empty stream as intact', async () => {
        expect(await store.verifyStream(stream('none'))).toEqual({
          intact: true,
          events: 0,
          firstBrokenRevision: null,
        });
      });
    });

    describe('upcasters', () => {
      it('reads old schema versions upcast to the newest, leaving the stored event as it was', async () => {
        const upcasting = await factory({
          upcasters: new Upcasters([
            {
              type: 'Renamed',
              fromVersion: 1,
              upcast: (d) => ({ fullName: (d as { name: string }).name }),
            },
            { type: 'Renamed', fromVersion: 2, upcast: (d) => ({ ...(d as object), kana: null }) },
          ]),
        });
        try {
          const v1 = anEvent('Renamed', { name: '山田' });
          const v3 = {
            ...anEvent('Renamed', { fullName: '佐藤', kana: 'さとう' }),
            metadata: { ...v1.metadata, schemaVersion: 3 },
          };
          await upcasting.store.append(stream('v'), [v1, v3], 'no_stream');
          const read = await upcasting.store.readStream(stream('v'));
          expect(read.map((e) => e.data)).toEqual([
            { fullName: '山田', kana: null },
            { fullName: '佐藤', kana: 'さとう' },
          ]);
          expect(read.map((e) => e.metadata.schemaVersion)).toEqual([1, 3]);
          expect((await upcasting.store.verifyStream(stream('v'))).intact).toBe(true);
        } finally {
          await upcasting.dispose();
        }
      });
    });

    describe('late commits (the bigserial gap)', () => {
      if (!notApplicable.gap) {
        it('delivers an event committed after later ones, none skipped, in checkpoint order', async () => {
          await expectNoGap(harness, prefix);
        });
      } else {
        // Reported as skipped, with the reason, rather than counted as passing.
        it.skip(`not applicable: ${notApplicable.gap}`, () => undefined);
      }
    });
  });
}

/** Hold one append open, commit later ones, commit the held one: a subscriber must see all. */
async function expectNoGap(harness: EventStoreHarness, prefix: string): Promise<void> {
  const { delivered, reread } = await runGapScenario(harness, prefix);
  expect(delivered.map((e) => (e.data as { n: number }).n).sort()).toEqual([0, 1, 2, 3, 4, 5]);
  expect(new Set(delivered.map((e) => e.checkpoint)).size).toBe(6);
  expect(reread.map((e) => e.id)).toEqual(delivered.map((e) => e.id));
}

/** Event 0 is appended in a transaction that commits after events 1–5 were committed. */
export async function runGapScenario(
  harness: EventStoreHarness,
  prefix: string,
): Promise<{ delivered: RecordedEvent[]; reread: readonly RecordedEvent[] }> {
  const { store, holdAppend } = harness;
  if (!holdAppend) throw new Error('this harness cannot hold an append open');
  const delivered: RecordedEvent[] = [];
  const subscription = store.subscribe(
    { filter: { streamPrefixes: [prefix] }, batchSize: 10 },
    async (batch) => {
      delivered.push(...batch);
    },
  );
  await subscription.caughtUp;

  const held = await holdAppend(`${prefix}slow`, [anEvent('Late', { n: 0 })]);
  for (let n = 1; n <= 5; n++) {
    await store.append(`${prefix}fast-${n}`, [anEvent('Early', { n })], 'no_stream');
  }
  await sleep(300); // let the subscriber poll while the slow transaction is still open
  await held.commit();
  await waitFor(() => delivered.length >= 6, 3_000).catch(() => undefined);
  await sleep(200);
  await subscription.stop();
  const reread = (await store.readAll({ filter: { streamPrefixes: [prefix] } })).events;
  return { delivered, reread };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await sleep(10);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

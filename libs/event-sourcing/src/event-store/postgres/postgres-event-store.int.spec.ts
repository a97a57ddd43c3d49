import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { testDatabaseTargets } from '@test/database';
import { describeOnServer } from '@test/describe-on-server';
import {
  anEvent,
  describeEventStoreContract,
  runGapScenario,
} from '../../testing/event-store-contract';
import { postgresHarness } from '../../testing/postgres-harness';
import { AppendersLockOrderError, joinAppenders } from './appenders-barrier';
import { PostgresEventStore } from './postgres-event-store';

const PGLITE_HAS_NO_GAP =
  'PGlite serves one transaction at a time, so no append can commit while an earlier one is open';

for (const target of testDatabaseTargets()) {
  describeEventStoreContract(
    `PostgreSQL adapter on ${target.kind}`,
    (options) => postgresHarness(target, options),
    target.kind === 'pglite' ? { gap: PGLITE_HAS_NO_GAP } : {},
  );
}

/** The same adapter with its protection removed: reads everything committed, in bigserial order. */
class UnprotectedPostgresEventStore extends PostgresEventStore {
  protected override visibilityBarrier(): Promise<string> {
    return Promise.resolve(MAX_XID8);
  }
}

const MAX_XID8 = '18446744073709551615';

describeOnServer('the gap test itself', (server) => {
  it('fails when the in-flight-transaction barrier is removed: the late event is skipped', async () => {
    const harness = await postgresHarness(server, {}, UnprotectedPostgresEventStore);
    try {
      const { delivered } = await runGapScenario(harness, `gap-${Date.now()}-`);
      const numbers = delivered.map((e) => (e.data as { n: number }).n);
      expect(numbers).toEqual([1, 2, 3, 4, 5]); // event 0 committed late and was skipped for good
    } finally {
      await harness.dispose();
    }
  });
});

describeOnServer('the appenders barrier', (server) => {
  let harness: Awaited<ReturnType<typeof postgresHarness>>;
  beforeAll(async () => {
    harness = await postgresHarness(server);
  });
  afterAll(async () => harness?.dispose());

  /** Holds a transaction with a transaction id open on `url` until the returned function ends it. */
  async function holdUnrelatedWrite(url: string): Promise<() => Promise<void>> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query('BEGIN');
    await client.query('CREATE TEMP TABLE unrelated (n int) ON COMMIT DROP');
    await client.query('INSERT INTO unrelated VALUES (1)');
    return async () => {
      await client.query('ROLLBACK');
      await client.end();
    };
  }

  it.each([
    ['this database', () => server.url],
    ['another database on the same server', () => otherDatabase(server.url)],
  ])(
    'shows an append at once while a transaction writing elsewhere in %s is open',
    async (_where, url) => {
      const release = await holdUnrelatedWrite(url());
      try {
        const stream = `unrelated-${randomUUID()}`;
        const appended = await harness.store.append(stream, [anEvent()], 'no_stream');
        const head = await harness.store.head();
        expect(head.checkpoint).toBe(appended.checkpoint);
        const { events } = await harness.store.readAll({ filter: { streamPrefixes: [stream] } });
        expect(events.map((e) => e.stream)).toEqual([stream]);
      } finally {
        await release();
      }
    },
  );

  it.each([1, 3])(
    'the store’s own append of %i event(s) joins the appenders: what commits after it waits for it',
    async (count) => {
      const prefix = `held-${randomUUID()}-`;
      const hold = harness.holdAppend;
      if (!hold) throw new Error('the server harness holds appends');
      const held = await hold(
        `${prefix}slow`,
        Array.from({ length: count }, () => anEvent()),
      );
      await harness.store.append(`${prefix}fast`, [anEvent()], 'no_stream');
      const during = await harness.store.readAll({ filter: { streamPrefixes: [prefix] } });
      expect(during.events).toEqual([]);
      await held.commit();
      const after = await harness.store.readAll({ filter: { streamPrefixes: [prefix] } });
      expect(after.events.map((e) => e.stream.slice(prefix.length))).toEqual([
        ...Array.from({ length: count }, () => 'slow'),
        'fast',
      ]);
    },
  );

  it('still hides what committed after an appender that is open, until it ends', async () => {
    const client = await harness.pool.connect();
    try {
      await client.query('BEGIN');
      await joinAppenders(client, harness.store.appendersLock);
      const stream = `behind-${randomUUID()}`;
      await harness.store.append(stream, [anEvent()], 'no_stream');
      const { events } = await harness.store.readAll({ filter: { streamPrefixes: [stream] } });
      expect(events).toEqual([]);
      await client.query('COMMIT');
      const after = await harness.store.readAll({ filter: { streamPrefixes: [stream] } });
      expect(after.events.map((e) => e.stream)).toEqual([stream]);
    } finally {
      client.release();
    }
  });

  it('refuses to join the appenders after the transaction has written something', async () => {
    const client = await harness.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_current_xact_id()');
      await expect(joinAppenders(client, harness.store.appendersLock)).rejects.toBeInstanceOf(
        AppendersLockOrderError,
      );
    } finally {
      await client.query('ROLLBACK');
      client.release();
    }
  });
});

/** The server's maintenance database: always there, and never this suite's. */
function otherDatabase(url: string): string {
  const other = new URL(url);
  other.pathname = '/postgres';
  return other.toString();
}

describe.each(testDatabaseTargets())('an event projections cannot decode, on $kind', (target) => {
  it('is skipped and logged by readAll, and the checkpoint moves past it', async () => {
    const harness = await postgresHarness(target);
    try {
      const warnings: string[] = [];
      const store = new PostgresEventStore({
        pool: harness.pool,
        schema: harness.schema,
        logger: { warn: (message: string) => void warnings.push(message) },
      });
      const stream = `broken-${randomUUID()}`;
      await store.append(stream, [anEvent(), anEvent(), anEvent()], 'no_stream');
      await harness.tamper?.(stream, 1, 'not json');

      const batch = await store.readAll({ filter: { streamPrefixes: [stream] } });

      expect(batch.events.map((e) => e.revision)).toEqual([0, 2]);
      expect(batch.checkpoint).toBe((await store.head()).checkpoint);
      expect(warnings).toEqual([`skipped event ${stream}@1 (Happened): it cannot be decoded`]);
      // An aggregate still refuses to decide on a stream with a hole.
      await expect(store.readStream(stream)).rejects.toThrow(SyntaxError);
    } finally {
      await harness.dispose();
    }
  });
});

/**
 * Issue 4's figures, all in one run against a PostgreSQL server: submitApplication over HTTP at
 * 16 and 64 connections against a bare GraphQL query, projection lag under that load, the API's
 * resident memory, then searchApplications over a million seeded applications, the projection
 * building them and a rebuild from zero. Baselines are measured in the same run; see the README.
 *
 *   npm run bench:applications      (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomBytes } from 'node:crypto';
import { closeSync, mkdtempSync, openSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { APPLICATION_EVENT_TYPES, APPLICATION_STREAM_PREFIX } from '@app/applications';
import { PostgresEventStore } from '@app/event-sourcing';
import { startSmtpTestServer } from '@app/notifications/testing';
import pg from 'pg';
import { withKeptDatabase, withScratchDatabase } from '../scratch-database';
import { ApiChild } from './api-child';
import { signUpCustomer, type SignedIn } from './bench-accounts';
import { bearer } from './bench-graphql';
import { signUpOperator } from './bench-operator';
import { databaseCounters, perOperation, type DatabaseCounters } from './database-counters';
import { postLoad } from './http-load';
import { sampleProjectionLag } from './projection-lag';
import { Report, type SubmitFigures } from './report';
import {
  bareQueryLatency,
  searchLatency,
  type SearchFilter,
  type SearchResult,
} from './search-load';
import { seedSubmittedApplications } from './seed-applications';
import { japanDayAfter, namePart, submissionInput } from './submission-inputs';

const SIZE = Number(process.env.BENCH_APPLICATIONS ?? 1_000_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = (process.env.BENCH_CONNECTIONS ?? '16,64').split(',').map(Number);
const SEARCHES = Number(process.env.BENCH_SEARCHES ?? 200);
const PROJECTION = process.env.BENCH_PROJECTION ?? 'application-search';
/** Mails each applicant on submission: history seeded into the store is not mailed again. */
const MAIL_PROJECTION = 'application-mail';
const SEED_BATCH = Number(process.env.BENCH_SEED_BATCH ?? 2000);
const SPREAD_DAYS = 730;
const LAG_POLL_MS = 10;
const SCHEMA = 'public';
const RUN = 1;
/** A database kept between runs (created when missing): seeding only tops it up to SIZE. */
const KEPT_DATABASE = process.env.BENCH_DATABASE_NAME;
const PARTS = new Set((process.env.BENCH_PARTS ?? 'submit,catch-up,search,rebuild').split(','));

const TODAY = JSON.stringify({ query: '{ today }' });
const SUBMIT = `mutation Submit($input: SubmitApplicationInput!) {
  submitApplication(input: $input) { id status registeredAt }
}`;

async function main(): Promise<void> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const withDatabase = KEPT_DATABASE
    ? (work: (url: string) => Promise<void>) => withKeptDatabase(admin, KEPT_DATABASE, work)
    : (work: (url: string) => Promise<void>) =>
        withScratchDatabase(admin, 'bench_applications', work);
  await withDatabase(async (url) => {
    const keys = await benchKeys(url);
    const masterKey = keys.master;
    const scratch = mkdtempSync(join(tmpdir(), 'bench-applications-'));
    const mailbox = await startSmtpTestServer();
    const logFile = join(scratch, 'api.log');
    const environment: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'production',
      DATABASE_URL: url,
      DATABASE_SCHEMA: SCHEMA,
      PII_MASTER_KEY: masterKey.toString('base64'),
      HISTORY_SIGNING_KEY: keys.history.toString('base64'),
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'info',
      MAIL_DIRECTORY: join(scratch, 'mail'),
      // Production requires both (issue 11 §7): a relay that takes every mail, as production's does.
      SMTP_URL: mailbox.url,
      PUBLIC_URL: 'https://bench.invalid',
    };
    const logFd = openSync(logFile, 'a');
    const pool = new pg.Pool({ connectionString: url, max: 4 });
    // pool.end() resolves before its connections have closed, and dropping the scratch database
    // then terminates them: an idle client's error would otherwise crash the bench at its end.
    pool.on('error', () => undefined);
    const store = new PostgresEventStore({ pool, schema: SCHEMA });
    const report = new Report();
    report.line(`API log: ${logFile}`);
    let api = await ApiChild.start(environment, logFd);
    try {
      const idle = await api.usage();
      const customer = await signUpCustomer(api.url, mailbox);
      const operator = await signUpOperator(api);
      report.line(`API pid ${api.pid}; customer and operator signed in`);

      let submitted = 0;
      const rounds = new Map<number, SubmitFigures>();
      for (const connections of PARTS.has('submit') ? CONNECTIONS : []) {
        const round = await submitRound(api, pool, customer, connections, () => submitted++);
        rounds.set(connections, round);
        report.submitRound(connections, round);
      }
      await waitForProjection(pool, 60_000, MAIL_PROJECTION);
      await api.close();

      const existing = await countSubmitted(pool);
      const toSeed = Math.max(0, SIZE - existing);
      const seedStarted = performance.now();
      await seedSubmittedApplications({
        pool,
        schema: SCHEMA,
        masterKey,
        owner: { id: customer.accountId, role: 'CUSTOMER' },
        count: toSeed,
        batchSize: SEED_BATCH,
        writers: 2,
        now: new Date(),
        spreadDays: SPREAD_DAYS,
        onProgress: (seeded) => {
          if (seeded % 100_000 < SEED_BATCH) report.line(`  seeded ${seeded} of ${toSeed}`);
        },
      });
      const seedSeconds = (performance.now() - seedStarted) / 1000;
      report.line(`seeded ${toSeed} ApplicationSubmitted events in ${seedSeconds.toFixed(1)} s`);
      if (toSeed > 0) {
        await startMailAfterSeeded(pool, store);
        // What autovacuum would have done in the years the seeded history spans, where it runs.
        await pool.query('ANALYZE');
      }

      // From zero, so that the figure covers every event whether they were seeded now or kept.
      if (PARTS.has('catch-up')) await resetProjection(pool);
      const before = await storedCheckpoint(pool);
      api = await ApiChild.start(environment, logFd);
      let catchUp = { events: Number.NaN, seconds: Number.NaN };
      if (PARTS.has('catch-up')) {
        catchUp = await timeCatchUp(pool, store, before);
        report.line(
          `projection caught up ${catchUp.events} events in ${catchUp.seconds.toFixed(1)} s after the restart`,
        );
      } else await waitForProjection(pool, 3_600_000);

      const total = await countSubmitted(pool);
      const searches = PARTS.has('search')
        ? await searchAll(api, operator, await maxApplicationId(pool))
        : [];
      for (const search of searches) report.search(search);

      let rebuild = { events: Number.NaN, seconds: Number.NaN };
      let readAll = { events: Number.NaN, seconds: Number.NaN };
      if (PARTS.has('rebuild') || PARTS.has('catch-up')) {
        readAll = await timeReadAll(store);
        report.line(`readAll read ${readAll.events} events in ${readAll.seconds.toFixed(1)} s`);
      }
      if (PARTS.has('rebuild')) {
        const seconds = await api.rebuild(PROJECTION);
        rebuild = { events: await countApplicationEvents(pool), seconds };
        report.line(`rebuilt ${rebuild.events} events in ${seconds.toFixed(1)} s`);
      }
      const final = await api.usage();
      await api.close();

      report.table({
        size: total,
        seconds: SECONDS,
        rounds,
        idleRss: idle.rss,
        seed: { count: toSeed, seconds: seedSeconds },
        catchUp,
        rebuild,
        readAll,
        searches,
        peakRss: Math.max(final.peakRss, ...[...rounds.values()].map((round) => round.peakRss)),
      });
    } catch (error) {
      api.kill();
      report.line(`failed; the API log is ${logFile}`);
      throw error;
    } finally {
      await pool.end();
      await mailbox.stop();
      closeSync(logFd);
    }
  });
}

/** Every search kind one after the other, the bare query first (the baseline). */
async function searchAll(
  api: ApiChild,
  operator: SignedIn,
  maxId: number,
): Promise<SearchResult[]> {
  const random = seededRandom(42);
  const pick = () => 1 + Math.floor(random() * maxId);
  const search = (kind: string, filter: (i: number) => SearchFilter) => () =>
    searchLatency(api.url, operator.token, kind, filter, SEARCHES, 20);
  return sequentially([
    () => bareQueryLatency(api.url, operator.token, SEARCHES, 20),
    search('by application ID', () => ({ applicationId: pick() })),
    ...[7, 31].map((days) =>
      search(`by registration date (${days} days)`, () => registeredWithin(random, days)),
    ),
    ...([1, 2, 5] as const).map((length) =>
      search(`by partial customer name (${length} character${length > 1 ? 's' : ''})`, (i) => ({
        customerName: namePart(pick(), length, i % 2 === 1),
      })),
    ),
    search('by partial name (2 characters) and registration date (31 days)', (i) => ({
      customerName: namePart(pick(), 2, i % 2 === 1),
      ...registeredWithin(random, 31),
    })),
  ]);
}

/**
 * With BENCH_DATABASE_NAME the keys are kept in that database, so that the seeded applications'
 * sealed fields still open on the next run; otherwise fresh ones.
 */
async function benchKeys(url: string): Promise<{ master: Buffer; history: Buffer }> {
  if (!KEPT_DATABASE) return { master: randomBytes(32), history: randomBytes(32) };
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('CREATE SCHEMA IF NOT EXISTS bench');
    await client.query(
      'CREATE TABLE IF NOT EXISTS bench.keys (name text PRIMARY KEY, key bytea NOT NULL)',
    );
    await client.query(
      `INSERT INTO bench.keys VALUES ('master', $1), ('history', $2) ON CONFLICT DO NOTHING`,
      [randomBytes(32), randomBytes(32)],
    );
    const { rows } = await client.query<{ name: string; key: Buffer }>(
      'SELECT name, key FROM bench.keys',
    );
    const key = (name: string) => {
      const found = rows.find((row) => row.name === name)?.key;
      if (!found) throw new Error(`bench.keys has no ${name} key`);
      return found;
    };
    return { master: key('master'), history: key('history') };
  } finally {
    await client.end();
  }
}

/**
 * The baseline of rebuild and catch-up: the events they fold, read from the first with the
 * projection's filter by `readAll` in batches of 1,000, as fast as this process takes them.
 */
async function timeReadAll(
  store: PostgresEventStore,
): Promise<{ events: number; seconds: number }> {
  const filter = { streamPrefixes: [APPLICATION_STREAM_PREFIX], types: APPLICATION_EVENT_TYPES };
  const started = performance.now();
  let after: string | null = null;
  let events = 0;
  for (;;) {
    const batch = await store.readAll({ after, filter, batchSize: 1000 });
    events += batch.events.length;
    after = batch.checkpoint;
    if (batch.isEnd) return { events, seconds: (performance.now() - started) / 1000 };
  }
}

/** Empties the projection's table and forgets its checkpoint (the API is down). */
async function resetProjection(pool: pg.Pool): Promise<void> {
  await pool.query(`TRUNCATE "${SCHEMA}".application_search`);
  await pool.query(`DELETE FROM "${SCHEMA}".projection_checkpoints WHERE name = $1`, [PROJECTION]);
}

/** A registration-date range of `days` JST days somewhere in the seeded spread. */
function registeredWithin(random: () => number, days: number): SearchFilter {
  const from = japanDayAfter(new Date(), -Math.floor(random() * (SPREAD_DAYS - days)) - days);
  return {
    registeredFrom: from,
    registeredTo: japanDayAfter(new Date(`${from}T00:00:00+09:00`), days - 1),
  };
}

/** Runs the measurements one after another: concurrent ones would time each other. */
async function sequentially<T>(runs: readonly (() => Promise<T>)[]): Promise<T[]> {
  const results: T[] = [];
  for (const run of runs) results.push(await run());
  return results;
}

async function submitRound(
  api: ApiChild,
  pool: pg.Pool,
  customer: SignedIn,
  connections: number,
  next: () => number,
): Promise<SubmitFigures> {
  const start = await api.usage();
  const baseline = await postLoad({
    url: api.url,
    connections,
    seconds: SECONDS,
    headers: {},
    body: () => TODAY,
  });
  const middle = await api.usage();
  const before: DatabaseCounters = await databaseCounters(pool);
  const sampler = sampleProjectionLag(
    pool,
    SCHEMA,
    PROJECTION,
    'ApplicationSubmitted',
    LAG_POLL_MS,
  );
  const submit = await postLoad({
    url: api.url,
    connections,
    seconds: SECONDS,
    headers: bearer(customer.token),
    body: () =>
      JSON.stringify({
        query: SUBMIT,
        variables: { input: submissionInput(RUN, next(), new Date()) },
      }),
  });
  const end = await api.usage();
  // Whatever the projection still owes is part of the lag: wait for it before stopping the sampler.
  const waits = await waitForProjection(pool, 60_000);
  const { lags, polls } = await sampler.stop();
  const after = await databaseCounters(pool);
  return {
    baseline,
    submit,
    lags,
    peakRss: end.peakRss,
    apiCpuMsPerSubmit: cpuMs(middle.cpu, end.cpu) / Math.max(1, submit.succeeded + submit.failed),
    apiCpuMsPerBaseline: cpuMs(start.cpu, middle.cpu) / Math.max(1, baseline.succeeded),
    database: perOperation(before, after, submit.succeeded + submit.failed, polls + waits),
  };
}

function cpuMs(from: NodeJS.CpuUsage, to: NodeJS.CpuUsage): number {
  return (to.user - from.user + (to.system - from.system)) / 1000;
}

async function storedCheckpoint(pool: pg.Pool, projection = PROJECTION): Promise<string | null> {
  const { rows } = await pool.query<{ checkpoint: string | null }>(
    `SELECT checkpoint FROM "${SCHEMA}".projection_checkpoints WHERE name = $1`,
    [projection],
  );
  return rows[0]?.checkpoint ?? null;
}

/**
 * Seeded applications are history: their receipt mails went out when they were submitted. The
 * mail projection goes on after them, as if it had been running all along, instead of mailing a
 * million applicants at the restart, whose deliveries would load every figure measured after it.
 * (It had caught up with the submit rounds before the API stopped.)
 */
async function startMailAfterSeeded(pool: pg.Pool, store: PostgresEventStore): Promise<void> {
  const head = await store.head();
  await pool.query(
    `UPDATE "${SCHEMA}".projection_checkpoints SET checkpoint = $2, position = $3, updated_at = now()
      WHERE name = $1`,
    [MAIL_PROJECTION, head.checkpoint, head.position.toString()],
  );
}

async function caughtUp(
  pool: pg.Pool,
  store: PostgresEventStore,
  projection: string,
): Promise<boolean> {
  const [head, checkpoint] = await Promise.all([store.head(), storedCheckpoint(pool, projection)]);
  if (head.checkpoint === null) return true;
  return checkpoint !== null && store.compareCheckpoints(checkpoint, head.checkpoint) >= 0;
}

/** Resolves with the number of database transactions the waiting took. */
async function waitForProjection(
  pool: pg.Pool,
  timeoutMs: number,
  projection = PROJECTION,
): Promise<number> {
  const store = new PostgresEventStore({ pool, schema: SCHEMA });
  const deadline = Date.now() + timeoutMs;
  let transactions = 2;
  while (!(await caughtUp(pool, store, projection))) {
    if (Date.now() > deadline)
      throw new Error(`${projection} did not catch up within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
    transactions += 2;
  }
  return transactions;
}

/**
 * From the first poll that finds the stored checkpoint moved past `before` to the first that
 * finds it at the head: the events in between over that time (the first batch's own time is
 * not counted, so the rate is slightly high for a small store, and exact enough for a large one).
 */
async function timeCatchUp(
  pool: pg.Pool,
  store: PostgresEventStore,
  before: string | null,
): Promise<{ events: number; seconds: number }> {
  let first: { at: number; checkpoint: string } | undefined;
  for (;;) {
    const checkpoint = await storedCheckpoint(pool);
    if (!first && checkpoint !== null && checkpoint !== before)
      first = { at: performance.now(), checkpoint };
    if (first && (await caughtUp(pool, store, PROJECTION))) {
      const seconds = (performance.now() - first.at) / 1000;
      return {
        events: await eventsBetween(pool, first.checkpoint, checkpoint ?? first.checkpoint),
        seconds,
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function eventsBetween(pool: pg.Pool, from: string, to: string): Promise<number> {
  const [fx, fp] = from.split(':');
  const [tx, tp] = to.split(':');
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "${SCHEMA}".events
      WHERE (transaction_id, global_position) > ($1::xid8, $2::bigint)
        AND (transaction_id, global_position) <= ($3::xid8, $4::bigint)`,
    [fx, fp, tx, tp],
  );
  return Number(rows[0]?.n ?? 0);
}

async function countSubmitted(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "${SCHEMA}".events WHERE type = 'ApplicationSubmitted'`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function countApplicationEvents(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM "${SCHEMA}".events WHERE stream_id LIKE 'application-%'`,
  );
  return Number(rows[0]?.n ?? 0);
}

async function maxApplicationId(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ id: number | null }>(
    `SELECT max(substr(stream_id, 13)::int) AS id FROM "${SCHEMA}".events WHERE type = 'ApplicationSubmitted'`,
  );
  return rows[0]?.id ?? 1;
}

/** The same queries on every run (mulberry32). */
function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

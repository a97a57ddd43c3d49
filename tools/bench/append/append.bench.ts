/**
 * Appends/s of our PostgreSQL adapter against raw `pg` single-row INSERT transactions and
 * Emmett's PostgreSQL event store, on the same server, with the same pool size and durability
 * (synchronous_commit as the server has it), at 1 and 16 concurrent writers; then readAll
 * events/s. Every figure is measured in this run; the ratios are what to read.
 *
 *   npm run bench:append            (BENCH_DATABASE_URL, default postgres://postgres@127.0.0.1:5432/postgres)
 */
import { randomUUID } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import pg from 'pg';
import {
  createDataSource,
  migrate,
  PostgresEventStore,
  type EventToAppend,
} from '@app/event-sourcing';
import { withScratchDatabase } from '../scratch-database';
import { printTable, ratioTarget, writeJsonIfAsked, type BenchRow } from '../targets';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const WRITERS = [1, 16];
const POOL_SIZE = 16;
const LOAD_AT_START = loadavg();
const payload = {
  customerName: '東京電力パワーグリッド株式会社',
  pointId: '0310110000000000000001',
  note: 'x'.repeat(120),
};

type Writer = (writer: number, sequence: number) => Promise<void>;

interface Contender {
  readonly name: string;
  prepare(): Promise<Writer>;
  close(): Promise<void>;
}

async function main(): Promise<void> {
  const admin = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  await withScratchDatabase(admin, 'bench_append', async (url) => {
    const contenders = [rawPg(url), ours(url), emmett(url)];
    const rates = new Map<string, number>();
    for (const writers of WRITERS) {
      for (const contender of contenders) {
        const perRound: number[] = [];
        for (let round = 0; round < ROUNDS; round++)
          perRound.push(await measure(contender, writers));
        const rate = median(perRound);
        rates.set(`${contender.name}@${writers}`, rate);
        report(
          `${contender.name.padEnd(8)} ${String(writers).padStart(2)} writer(s): ${rate.toFixed(0).padStart(7)} appends/s  (rounds: ${perRound.map((r) => r.toFixed(0)).join(', ')})`,
        );
      }
      const ratio = (other: string) =>
        (rates.get(`ours@${writers}`) ?? 0) / (rates.get(`${other}@${writers}`) ?? 1);
      report(
        `ratios at ${writers} writer(s): ours/raw = ${ratio('raw-pg').toFixed(2)}, ours/emmett = ${ratio('emmett').toFixed(2)}`,
      );
    }
    for (const contender of contenders) await contender.close();
    const readRate = await readAllRate(url);
    const rows: BenchRow[] = WRITERS.flatMap((writers) => {
      const ours = rates.get(`ours@${writers}`) ?? Number.NaN;
      const raw = rates.get(`raw-pg@${writers}`) ?? Number.NaN;
      return [
        {
          figure: `append, ${writers} writer(s): ours / raw pg`,
          value: ours / raw,
          measured: `${ours.toFixed(0)}/s`,
          baseline: `raw pg ${raw.toFixed(0)}/s`,
          ratio: `${(ours / raw).toFixed(2)}x`,
          // Issue 10's floor and goal are set at 16 writers, the concurrent case.
          ...(writers === 16 ? { target: ratioTarget(0.7, 0.9) } : {}),
        },
      ];
    });
    rows.push({
      figure: 'readAll, batches of 1,000',
      value: readRate,
      measured: `${readRate.toFixed(0)} events/s`,
      baseline: '-',
      ratio: '-',
    });
    report('');
    printTable(rows, report);
    report(
      `Machine: ${cpus().length} CPUs, load average at start ${LOAD_AT_START.map((v) => v.toFixed(2)).join(', ')}, at end ${loadavg()
        .map((v) => v.toFixed(2))
        .join(', ')}.`,
    );
    const json = writeJsonIfAsked('append', rows, LOAD_AT_START, {
      secondsPerRound: SECONDS,
      rounds: ROUNDS,
    });
    if (json) report(`Figures as JSON: ${json}`);
  });
}

async function measure(contender: Contender, writers: number): Promise<number> {
  const write = await contender.prepare();
  let done = 0;
  const deadline = Date.now() + SECONDS * 1000;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let sequence = 0; Date.now() < deadline; sequence++) {
        await write(writer, sequence);
        done++;
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return done / seconds;
}

/** The floor: one single-row INSERT per transaction, nothing else. */
function rawPg(url: string): Contender {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  let ready = false;
  return {
    name: 'raw-pg',
    async prepare() {
      if (!ready) {
        await pool.query(
          'CREATE TABLE raw_events (id bigserial PRIMARY KEY, stream_id text NOT NULL, data jsonb NOT NULL)',
        );
        ready = true;
      }
      const run = randomUUID();
      return async (writer) => {
        await pool.query('INSERT INTO raw_events (stream_id, data) VALUES ($1, $2)', [
          `${run}-${writer}`,
          payload,
        ]);
      };
    },
    close: () => pool.end(),
  };
}

/** Our adapter: one event per append to the writer's stream, with the expected revision. */
function ours(url: string): Contender {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const store = new PostgresEventStore({ pool, schema: 'ours', preparedStatements: true });
  let ready = false;
  return {
    name: 'ours',
    async prepare() {
      if (!ready) {
        const dataSource = createDataSource({ url, schema: 'ours', poolSize: 1 });
        await dataSource.initialize();
        await migrate(dataSource);
        await dataSource.destroy();
        ready = true;
      }
      const run = randomUUID();
      return async (writer, sequence) => {
        await store.append(
          `bench-${run}-${writer}`,
          [anEvent()],
          sequence === 0 ? 'no_stream' : sequence - 1,
        );
      };
    },
    close: () => pool.end(),
  };
}

/** Emmett's PostgreSQL event store, with the same expected-version discipline. */
function emmett(url: string): Contender {
  const pool = new pg.Pool({ connectionString: url, max: POOL_SIZE });
  const store = getPostgreSQLEventStore(url, { connectionOptions: { pooled: true, pool } });
  return {
    name: 'emmett',
    async prepare() {
      await store.schema.migrate();
      const run = randomUUID();
      return async (writer, sequence) => {
        await store.appendToStream(
          `bench-${run}-${writer}`,
          [{ type: 'Happened', data: payload }],
          {
            expectedStreamVersion: BigInt(sequence),
          },
        );
      };
    },
    async close() {
      await store.close();
      await pool.end().catch(() => undefined);
    },
  };
}

async function readAllRate(url: string): Promise<number> {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  const store = new PostgresEventStore({ pool, schema: 'ours' });
  const started = process.hrtime.bigint();
  let read = 0;
  for (let after: string | null = null; ;) {
    const batch = await store.readAll({ after, batchSize: 1000 });
    read += batch.events.length;
    after = batch.checkpoint;
    if (batch.isEnd) break;
  }
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  report(
    `ours readAll: ${read} events in ${seconds.toFixed(2)} s = ${(read / seconds).toFixed(0)} events/s (batches of 1000)`,
  );
  await pool.end();
  return read / seconds;
}

function anEvent(): EventToAppend {
  return {
    id: randomUUID(),
    type: 'Happened',
    data: payload,
    metadata: {
      correlationId: randomUUID(),
      actor: { id: 'bench', role: 'SYSTEM' },
      occurredAt: new Date(),
      schemaVersion: 1,
    },
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? 0;
}

function report(line: string): void {
  process.stdout.write(`${line}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exitCode = 1;
});

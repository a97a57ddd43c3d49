import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { quoteIdent } from '../database/quote-ident';
import type { Checkpoint, EventStore, ReadAllBatch } from '../event-store/event-store.port';
import type { Projection } from './projection';
import type { ProjectionCheckpoints, StoredCheckpoint } from './projection-checkpoints';
import {
  cloneTables,
  readModelTables,
  swapInTables,
  type ReadModelTable,
} from './read-model-tables';

/** A replay reads and applies at least this many events at a time: fewer statements per event. */
const REPLAY_BATCH = 2_000;
/** For building each deferred index over the full table (the server default is 64 MB). */
const INDEX_BUILD_MEMORY = '256MB';
/** The scratch data source's pool: the replay writes on one, the indexes are built on all. */
const SCRATCH_CONNECTIONS = 2;

export interface ProjectionRebuildOptions {
  readonly projection: Projection;
  readonly eventStore: EventStore;
  /** The live data source: the projection's tables and the checkpoints. */
  readonly dataSource: DataSource;
  readonly checkpoints: ProjectionCheckpoints;
  readonly batchSize: number;
  /** Runs the swap while the live runner is between batches. */
  readonly exclusive: <T>(work: () => Promise<T>) => Promise<T>;
  readonly swapped: (state: StoredCheckpoint) => void;
  /** Called once, after the swap or the abort. */
  readonly finished: () => Promise<void>;
}

/**
 * Replays a projection from the first event into twins of its tables in a scratch schema, through
 * a second data source mapping the same entities there, while the live tables keep serving (and
 * the live runner keeps them current). The twins get their non-unique indexes only once the replay
 * has caught up, and the next batch is read while one is applied. `swap` then replaces the live
 * tables and the checkpoint in one transaction.
 */
export class ProjectionRebuild {
  private checkpoint: Checkpoint | null = null;
  private position = 0n;
  private ended = false;

  private constructor(
    private readonly options: ProjectionRebuildOptions,
    private readonly tables: readonly ReadModelTable[],
    readonly schema: string,
    private readonly target: DataSource,
    /** CREATE INDEX statements still to run on the twins. */
    private deferredIndexes: readonly string[],
  ) {}

  static async start(options: ProjectionRebuildOptions): Promise<ProjectionRebuild> {
    const { dataSource, projection } = options;
    const schema = `rebuild_${randomBytes(6).toString('hex')}`;
    let target: DataSource | undefined;
    try {
      const tables = readModelTables(dataSource, projection.entities);
      if (new Set(tables.map((t) => t.table)).size !== tables.length) {
        throw new Error(`cannot rebuild ${projection.name}: two of its tables share a name`);
      }
      const deferred = await dataSource.transaction(async (manager) => {
        await manager.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
        return cloneTables(manager, tables, schema);
      });
      target = await scratchDataSource(dataSource, projection, schema);
      return new ProjectionRebuild(options, tables, schema, target, deferred);
    } catch (error) {
      await target?.destroy();
      await dataSource.query(`DROP SCHEMA IF EXISTS ${quoteIdent(schema)} CASCADE`);
      await options.finished();
      throw error;
    }
  }

  /** Replays everything visible now; the live tables are untouched. Resolves with where it got to. */
  async catchUp(): Promise<Checkpoint | null> {
    if (this.ended) throw new Error('rebuild already swapped or aborted');
    const { projection } = this.options;
    // The next batch is on its way while this one is applied. Never awaited inside the write
    // transaction: on PGlite, waiting on another connection inside one deadlocks.
    let reading = this.read(this.checkpoint);
    for (;;) {
      const batch = await reading;
      if (!batch.isEnd) reading = this.read(batch.checkpoint);
      if (batch.events.length > 0)
        await this.target.transaction((manager) => projection.apply(batch.events, manager));
      this.position = batch.events.at(-1)?.position ?? this.position;
      this.checkpoint = batch.checkpoint ?? this.checkpoint;
      if (batch.isEnd) return this.checkpoint;
    }
  }

  /**
   * Catches up, gives the twins their indexes and statistics, catches up with what came
   * meanwhile, then puts the rebuilt tables and their checkpoint live atomically.
   */
  async swap(): Promise<void> {
    const { dataSource, checkpoints, projection } = this.options;
    try {
      await this.catchUp();
      await this.index();
      await this.catchUp();
      await this.options.exclusive(async () => {
        const state = await dataSource.transaction(async (manager) => {
          // The checkpoint row first, as a runner's transaction does, so the two cannot deadlock.
          await checkpoints.lock(manager, projection.name);
          await swapInTables(manager, this.tables, this.schema);
          await manager.query(`DROP SCHEMA ${quoteIdent(this.schema)} CASCADE`);
          return checkpoints.save(manager, projection.name, this.checkpoint, this.position);
        });
        this.options.swapped(state);
      });
    } catch (error) {
      await this.abort();
      throw error;
    }
    await this.end();
  }

  private read(after: Checkpoint | null): Promise<ReadAllBatch> {
    const { eventStore, projection, batchSize } = this.options;
    const reading = eventStore.readAll({
      after,
      filter: projection.filter,
      batchSize: Math.max(batchSize, REPLAY_BATCH),
    });
    // Awaited later; a failure meanwhile must not count as unhandled.
    reading.catch(() => undefined);
    return reading;
  }

  /** The deferred indexes over the full twins, then VACUUM (ANALYZE) for the first queries. */
  private async index(): Promise<void> {
    // The costly kinds (GIN, GiST…) first, so that each lane starts with one of them.
    const statements = [...this.deferredIndexes].sort(
      (a, b) => Number(a.includes(' USING btree ')) - Number(b.includes(' USING btree ')),
    );
    this.deferredIndexes = [];
    // On as many connections as the scratch data source has: a server builds them side by side.
    const lanes = Array.from({ length: SCRATCH_CONNECTIONS }, (_, lane) =>
      statements.filter((_, i) => i % SCRATCH_CONNECTIONS === lane),
    );
    await Promise.all(
      lanes.map((lane) =>
        this.target.transaction(async (manager) => {
          await manager.query(`SET LOCAL maintenance_work_mem = '${INDEX_BUILD_MEMORY}'`);
          for (const statement of lane) await manager.query(statement);
        }),
      ),
    );
    // Statistics for the planner, and the visibility map that lets a count read the index alone:
    // a table that was only ever inserted into has neither until autovacuum comes by.
    for (const { table } of this.tables)
      await this.target.query(`VACUUM (ANALYZE) ${quoteIdent(this.schema)}.${quoteIdent(table)}`);
  }

  /** Drops the scratch tables; the live ones never changed. */
  async abort(): Promise<void> {
    if (this.ended) return;
    try {
      await this.options.dataSource.query(
        `DROP SCHEMA IF EXISTS ${quoteIdent(this.schema)} CASCADE`,
      );
    } finally {
      await this.end();
    }
  }

  private async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    try {
      await this.target.destroy();
    } finally {
      await this.options.finished();
    }
  }
}

/** The same connection settings and entities, mapped into the scratch schema. */
async function scratchDataSource(
  live: DataSource,
  projection: Projection,
  schema: string,
): Promise<DataSource> {
  const options = live.options;
  if (options.type !== 'postgres') throw new Error(`rebuild needs PostgreSQL, not ${options.type}`);
  const target = new DataSource({
    ...options,
    schema,
    entities: [...projection.entities],
    migrations: [],
    subscribers: [],
    migrationsRun: false,
    synchronize: false,
    extra: { ...(options.extra as object | undefined), max: SCRATCH_CONNECTIONS },
  });
  await target.initialize();
  const stray = projection.entities.filter(
    (entity) => target.getMetadata(entity).schema !== schema,
  );
  if (stray.length > 0) {
    await target.destroy();
    throw new Error(`cannot rebuild ${projection.name}: an entity names its own schema`);
  }
  return target;
}

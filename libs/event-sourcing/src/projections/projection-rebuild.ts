import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { quoteIdent } from '../database/quote-ident';
import type { Checkpoint, EventStore } from '../event-store/event-store.port';
import type { Projection } from './projection';
import type { ProjectionCheckpoints, StoredCheckpoint } from './projection-checkpoints';
import {
  cloneTables,
  readModelTables,
  swapInTables,
  type ReadModelTable,
} from './read-model-tables';

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
 * the live runner keeps them current). `swap` then replaces the live tables and the checkpoint in
 * one transaction.
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
      await dataSource.transaction(async (manager) => {
        await manager.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
        await cloneTables(manager, tables, schema);
      });
      target = await scratchDataSource(dataSource, projection, schema);
      return new ProjectionRebuild(options, tables, schema, target);
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
    const { eventStore, projection, batchSize } = this.options;
    for (;;) {
      // Read before opening the write transaction: on PGlite, waiting on another connection inside one deadlocks.
      const batch = await eventStore.readAll({
        after: this.checkpoint,
        filter: projection.filter,
        batchSize,
      });
      if (batch.events.length > 0)
        await this.target.transaction((manager) => projection.apply(batch.events, manager));
      this.position = batch.events.at(-1)?.position ?? this.position;
      this.checkpoint = batch.checkpoint ?? this.checkpoint;
      if (batch.isEnd) return this.checkpoint;
    }
  }

  /** Catches up once more, then puts the rebuilt tables and their checkpoint live atomically. */
  async swap(): Promise<void> {
    const { dataSource, checkpoints, projection } = this.options;
    try {
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
    extra: { ...(options.extra as object | undefined), max: 2 },
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

import { createTestSchema, type TestDatabaseTarget } from '@test/database';
import type { DataSource } from 'typeorm';
import { createDataSource, migrate } from '../../database/data-source';
import type {
  AppendResult,
  Checkpoint,
  EventStore,
  StoreHead,
} from '../../event-store/event-store.port';
import { PostgresEventStore } from '../../event-store/postgres/postgres-event-store';
import { anEvent } from '../../testing/event-store-contract';
import type { Projection, ProjectionLogger } from '../projection';
import { ProjectionRunners, type ProjectionRunnersOptions } from '../projection-runners';
import {
  CountedEventEntity,
  CountingTables1764115399999,
  StreamCountEntity,
} from './counting.projection';

export class RecordingLogger implements ProjectionLogger {
  readonly warnings: unknown[][] = [];
  readonly errors: unknown[][] = [];

  warn(message: string, ...details: unknown[]): void {
    this.warnings.push([message, ...details]);
  }

  error(message: string, ...details: unknown[]): void {
    this.errors.push([message, ...details]);
  }
}

export interface ProjectionTestBed {
  readonly kind: TestDatabaseTarget['kind'];
  readonly schema: string;
  readonly store: PostgresEventStore;
  readonly dataSource: DataSource;
  readonly logger: RecordingLogger;
  /** Runners over this bed's data source, stopped by `dispose`. */
  runners(
    projections: readonly Projection[],
    options?: Partial<ProjectionRunnersOptions> & { eventStore?: EventStore },
  ): ProjectionRunners;
  /** Appends one event to each named stream, in order, one append each; resolves with the last append. */
  append(streams: readonly string[]): Promise<AppendResult>;
  /**
   * The store's head once it shows `checkpoint`. On a server the head trails appends while any
   * older transaction in the cluster is open (the event store's visibility barrier).
   */
  visibleHead(checkpoint: Checkpoint): Promise<StoreHead>;
  counts(): Promise<Record<string, number>>;
  /** Every row the projector inserted, in insertion order. */
  countedEventIds(): Promise<string[]>;
  dispose(): Promise<void>;
}

/** A fresh schema with the event store, the checkpoints and the counting projection's tables. */
export async function projectionTestBed(target: TestDatabaseTarget): Promise<ProjectionTestBed> {
  const database = await createTestSchema(target, 10);
  const { schema } = database;
  const dataSource = createDataSource({
    url: target.url,
    schema,
    entities: [StreamCountEntity, CountedEventEntity],
    migrations: [CountingTables1764115399999],
    poolSize: 10,
  });
  await dataSource.initialize();
  await migrate(dataSource);
  const store = new PostgresEventStore({ pool: database.pool, schema, pollIntervalMs: 50 });
  const logger = new RecordingLogger();
  const started: ProjectionRunners[] = [];

  return {
    kind: target.kind,
    schema,
    store,
    dataSource,
    logger,
    runners(projections, options = {}) {
      const runners = new ProjectionRunners({
        eventStore: store,
        dataSource,
        logger,
        pollIntervalMs: 50,
        standbyIntervalMs: 50,
        retryDelayMs: { initial: 20, max: 200 },
        ...options,
        projections,
      });
      started.push(runners);
      return runners;
    },
    async append(streams) {
      let last: AppendResult | undefined;
      for (const stream of streams)
        last = await store.append(stream, [anEvent('Counted', { stream })], 'any');
      if (!last) throw new Error('nothing to append');
      return last;
    },
    async visibleHead(checkpoint) {
      for (;;) {
        const head = await store.head();
        if (
          head.checkpoint !== null &&
          store.compareCheckpoints(head.checkpoint, checkpoint) >= 0
        ) {
          return head;
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async counts() {
      const rows = await dataSource.query<StreamCountRow[]>(
        `SELECT stream, count FROM "${schema}".stream_counts ORDER BY stream`,
      );
      return Object.fromEntries(rows.map((row) => [row.stream, row.count]));
    },
    async countedEventIds() {
      const rows = await dataSource.query<{ event_id: string }[]>(
        `SELECT event_id FROM "${schema}".counted_events ORDER BY seq`,
      );
      return rows.map((row) => row.event_id);
    },
    async dispose() {
      await Promise.all(started.map((runners) => runners.stop()));
      await dataSource.destroy();
      await database.dispose();
    },
  };
}

interface StreamCountRow {
  stream: string;
  count: number;
}

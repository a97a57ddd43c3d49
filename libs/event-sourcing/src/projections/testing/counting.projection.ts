import {
  EntitySchema,
  type EntityManager,
  type MigrationInterface,
  type QueryRunner,
} from 'typeorm';
import { schemaOf } from '../../database/schema-of';
import type { RecordedEvent } from '../../event-store/event-store.port';
import type { Projection } from '../projection';

export interface StreamCount {
  stream: string;
  count: number;
}

export interface CountedEvent {
  seq?: number;
  eventId: string;
  stream: string;
}

export const StreamCountEntity = new EntitySchema<StreamCount>({
  name: 'StreamCount',
  tableName: 'stream_counts',
  columns: { stream: { type: 'text', primary: true }, count: { type: 'int' } },
});

/** Deliberately not unique by event: a duplicate shows up as a second row instead of an error. */
export const CountedEventEntity = new EntitySchema<CountedEvent>({
  name: 'CountedEvent',
  tableName: 'counted_events',
  columns: {
    seq: { type: 'int', primary: true, generated: 'increment' },
    eventId: { type: 'uuid', name: 'event_id' },
    stream: { type: 'text' },
  },
});

/** Named keys, an index, a check and a serial column: what a rebuild has to carry over. */
export class CountingTables1764115399999 implements MigrationInterface {
  name = 'CountingTables1764115399999';

  async up(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`CREATE TABLE ${s}.stream_counts (
      stream text CONSTRAINT "PK_stream_counts" PRIMARY KEY,
      count int NOT NULL CONSTRAINT "CHK_stream_counts_positive" CHECK (count > 0)
    )`);
    await queryRunner.query(`CREATE INDEX "IDX_stream_counts_count" ON ${s}.stream_counts (count)`);
    await queryRunner.query(`CREATE TABLE ${s}.counted_events (
      seq serial CONSTRAINT "PK_counted_events" PRIMARY KEY,
      event_id uuid NOT NULL,
      stream text NOT NULL
    )`);
    await queryRunner.query(
      `CREATE INDEX "IDX_counted_events_event" ON ${s}.counted_events (event_id)`,
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    const s = `"${schemaOf(queryRunner)}"`;
    await queryRunner.query(`DROP TABLE ${s}.counted_events`);
    await queryRunner.query(`DROP TABLE ${s}.stream_counts`);
  }
}

export interface CountingHooks {
  /** Runs before each event is applied, inside the transaction; throw to fail the batch. */
  readonly beforeEach?: (event: RecordedEvent, manager: EntityManager) => void;
}

/** Counts events per stream: not idempotent, so any duplicate or loss shows in the counts. */
export function countingProjection(
  name: string,
  streamPrefix: string,
  hooks: CountingHooks = {},
): Projection {
  return {
    name,
    filter: { streamPrefixes: [streamPrefix] },
    entities: [StreamCountEntity, CountedEventEntity],
    async apply(events, manager) {
      for (const event of events) {
        hooks.beforeEach?.(event, manager);
        const row = await manager.findOneBy(StreamCountEntity, { stream: event.stream });
        await manager.save(StreamCountEntity, {
          stream: event.stream,
          count: (row?.count ?? 0) + 1,
        });
        await manager.insert(CountedEventEntity, { eventId: event.id, stream: event.stream });
      }
    },
  };
}

/** The fold the read model must equal. */
export function expectedCounts(streams: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const stream of streams) counts[stream] = (counts[stream] ?? 0) + 1;
  return counts;
}

import { randomUUID } from 'node:crypto';
import {
  PostgresEventStore,
  ProjectionRunners,
  type Actor,
  type AppendResult,
} from '@app/event-sourcing';
import { contextTestDatabase } from '@app/event-sourcing/testing';
import type { TestDatabaseTarget } from '@test/database';
import type { DataSource } from 'typeorm';
import { applicationStream, type ApplicationEvent } from '../domain/application.event';
import { ApplicationSearchRowEntity } from '../projections/application-search-row.entity';
import { applicationSearchProjection } from '../projections/application-search.projection';
import { APPLICATION_SEARCH_MIGRATIONS } from '../projections/application-search-read-model';
import { runSearch } from '../read-models/application-search.run';
import type { SearchConditions } from '../read-models/application-search.sql';

export interface ApplicationSearchTestBed {
  readonly kind: TestDatabaseTarget['kind'];
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  /** Appends to the application's stream, as the write side would, by `actor`. */
  append(event: ApplicationEvent, actor: Actor): Promise<AppendResult>;
  /** Runs the projection until it has applied everything appended so far, then stops it. */
  project(): Promise<void>;
  /** The IDs a search answers, newest first, with the total, through the query's own SQL. */
  search(
    conditions: SearchConditions,
    page?: { offset: number; limit: number },
  ): Promise<{ total: number; totalCapped: boolean; ids: number[] }>;
  dispose(): Promise<void>;
}

/** A fresh schema with the event store and the `application_search` read model. */
export async function applicationSearchTestBed(
  target: TestDatabaseTarget,
): Promise<ApplicationSearchTestBed> {
  const database = await contextTestDatabase(target, {
    entities: [ApplicationSearchRowEntity],
    migrations: APPLICATION_SEARCH_MIGRATIONS,
  });
  const { schema, dataSource, store } = database;
  let last: AppendResult | undefined;

  return {
    kind: target.kind,
    schema,
    dataSource,
    store,
    async append(event, actor) {
      const occurredAt = new Date();
      last = await store.append(
        applicationStream(event.data.applicationId),
        [
          {
            id: randomUUID(),
            type: event.type,
            data: event.data,
            metadata: { correlationId: randomUUID(), actor, occurredAt, schemaVersion: 1 },
          },
        ],
        'any',
      );
      return last;
    },
    async project() {
      if (!last) return;
      const runners = new ProjectionRunners({
        eventStore: store,
        dataSource,
        logger: { warn: () => undefined, error: () => undefined },
        pollIntervalMs: 50,
        standbyIntervalMs: 50,
        retryDelayMs: { initial: 20, max: 200 },
        projections: [applicationSearchProjection],
      });
      runners.start();
      try {
        await runners.waitFor(applicationSearchProjection.name, last.checkpoint, 60_000);
      } finally {
        await runners.stop();
      }
    },
    async search(conditions, page = { offset: 0, limit: 100 }) {
      const { total, capped, rows } = await runSearch<{ application_id: number }>(
        (statement) => dataSource.query(statement.text, [...statement.values]),
        schema,
        conditions,
        page,
      );
      return { total, totalCapped: capped, ids: rows.map((row) => row.application_id) };
    },
    dispose: () => database.dispose(),
  };
}

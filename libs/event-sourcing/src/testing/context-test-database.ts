import type { TestDatabaseTarget } from '@test/database';
import { createTestSchema } from '@test/database';
import type pg from 'pg';
import type { DataSource, MigrationInterface } from 'typeorm';
import { createDataSource, migrate } from '../database/data-source';
import { PostgresEventStore } from '../event-store/postgres/postgres-event-store';
import type { ReadModelEntity } from '../projections/projection';

export interface ContextTestDatabase {
  readonly kind: TestDatabaseTarget['kind'];
  readonly schema: string;
  readonly pool: pg.Pool;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  dispose(): Promise<void>;
}

export interface ContextTestDatabaseOptions {
  readonly entities: readonly ReadModelEntity[];
  readonly migrations: readonly (new () => MigrationInterface)[];
}

/** A fresh schema, migrated, with a context's read-model data source and the event store on it. */
export async function contextTestDatabase(
  target: TestDatabaseTarget,
  { entities, migrations }: ContextTestDatabaseOptions,
): Promise<ContextTestDatabase> {
  const database = await createTestSchema(target, 10);
  const { schema, pool } = database;
  const dataSource = createDataSource({
    url: target.url,
    schema,
    entities: [...entities],
    migrations: [...migrations],
    poolSize: 5,
  });
  await dataSource.initialize();
  await migrate(dataSource);
  const store = new PostgresEventStore({
    pool,
    schema,
    pollIntervalMs: 50,
    preparedStatements: target.kind === 'postgres',
  });
  return {
    kind: target.kind,
    schema,
    pool,
    dataSource,
    store,
    async dispose() {
      await store.close();
      await dataSource.destroy();
      await database.dispose();
    },
  };
}

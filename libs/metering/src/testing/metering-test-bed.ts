import { createDataSource, migrate, PostgresEventStore, type Actor } from '@app/event-sourcing';
import { createTestSchema, type TestDatabaseTarget } from '@test/database';
import type { DataSource } from 'typeorm';
import { MeteringPointRepository } from '../infrastructure/metering-point-repository';
import { MeteringRegistry } from '../infrastructure/metering-registry';

export const operator: Actor = { id: 'op-1', role: 'OPERATOR' };
export const system: Actor = { id: 'applications', role: 'SYSTEM' };

export interface MeteringTestBed {
  readonly kind: TestDatabaseTarget['kind'];
  readonly schema: string;
  readonly dataSource: DataSource;
  readonly store: PostgresEventStore;
  readonly registry: MeteringRegistry;
  dispose(): Promise<void>;
}

/** A fresh schema with the event store, the registry on it. */
export async function meteringTestBed(target: TestDatabaseTarget): Promise<MeteringTestBed> {
  const database = await createTestSchema(target, 10);
  const { schema, pool } = database;
  const dataSource = createDataSource({ url: target.url, schema, poolSize: 5 });
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
    dataSource,
    store,
    registry: new MeteringRegistry(new MeteringPointRepository(store)),
    async dispose() {
      await store.close();
      await dataSource.destroy();
      await database.dispose();
    },
  };
}

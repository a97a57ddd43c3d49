import type { DataSource, DataSourceOptions } from 'typeorm';
import { createDataSource, migrate, type DatabaseOptions } from '../database/data-source';
import { quoteIdent } from '../database/quote-ident';
import type { EventSourcingOptions } from './event-sourcing.options';

type Entity = NonNullable<DatabaseOptions['entities']>[number];

/**
 * Connects and migrates. Migrations run under an advisory lock, so several API processes
 * starting together on one server apply each migration once.
 */
export async function openDataSource(
  url: string,
  options: EventSourcingOptions,
  typeormOptions: DataSourceOptions,
): Promise<DataSource> {
  const dataSource = createDataSource({
    url,
    schema: options.databaseSchema,
    entities: entitiesOf(typeormOptions),
    migrations: [...(options.migrations ?? [])],
    poolSize: options.databasePoolSize,
  });
  await dataSource.initialize();
  try {
    await migrateExclusively(dataSource, options.databaseSchema);
  } catch (error) {
    await dataSource.destroy();
    throw error;
  }
  return dataSource;
}

/** TypeORM's `autoLoadEntities` collects the contexts' `TypeOrmModule.forFeature` entities here. */
function entitiesOf(typeormOptions: DataSourceOptions): Entity[] {
  const entities = typeormOptions.entities;
  if (!Array.isArray(entities)) return [];
  return entities.filter((entity): entity is Entity => typeof entity !== 'string');
}

async function migrateExclusively(dataSource: DataSource, schema: string): Promise<void> {
  const lockKey = `b-route:migrations:${quoteIdent(schema)}`;
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    await runner.query('SELECT pg_advisory_lock(hashtext($1))', [lockKey]);
    try {
      await migrate(dataSource);
    } finally {
      await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [lockKey]);
    }
  } finally {
    await runner.release();
  }
}

import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { DATABASE_SERVER, type DatabaseServer } from './database-server';
import { ProjectionRunners } from '../projections/projection-runners';
import { PROJECTION_STORAGE, type ProjectionStorage } from './projection-storage';

/**
 * Stops the projection runners and closes their pool, then the store, the pool, and the embedded
 * database under it. Nest shuts global modules down last (this one is global and registered
 * early), so projection runners and mail dispatchers in the contexts have stopped by then.
 * TypeORM's own hook may destroy the data source first; either order ends the same.
 */
@Injectable()
export class EventSourcingShutdown implements OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly dataSource: DataSource,
    @Inject(DATABASE_SERVER) private readonly server: DatabaseServer,
    private readonly projections: ProjectionRunners,
    @Inject(PROJECTION_STORAGE) private readonly projectionStorage: ProjectionStorage,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    // Hooks of one module run side by side: the runners must let go of the pool first.
    await this.projections.stop();
    await this.projectionStorage.close();
    await this.store.close();
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
    await this.server.stop();
  }
}

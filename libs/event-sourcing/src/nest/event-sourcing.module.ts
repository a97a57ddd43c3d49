import { Logger, Module, type DynamicModule, type Provider } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DataSource, type DataSourceOptions } from 'typeorm';
import { EVENT_STORE, type EventStore } from '../event-store/event-store.port';
import { DATABASE_SERVER, openDatabaseServer, type DatabaseServer } from './database-server';
import { DatabaseServerModule } from './database-server.module';
import { createEventStore, poolOf } from './event-store.factory';
import { EventSourcingShutdown } from './event-sourcing.shutdown';
import { EVENT_SOURCING_OPTIONS, type EventSourcingOptions } from './event-sourcing.options';
import { openDataSource } from './open-data-source';
import { ProjectionRunners } from '../projections/projection-runners';
import { PROJECTION_STATUS } from './projection-status';
import {
  PROJECTION_STORAGE,
  openProjectionStorage,
  type ProjectionStorage,
} from './projection-storage';
import { PiiVault } from '../pii/pii-vault';
import { HistoryKey } from '../history/history-key';
import { HistoryLinks, historyLinksProjection } from '../history/history-links';
import { HistorySigner } from '../history/history-signer';
import { HistoryVerifier } from '../history/history-verifier';

const CONNECTION_ERRORS = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', '57P03']);

/**
 * Storage for the whole process: the database (a server, or embedded PGlite), TypeORM's
 * `DataSource` with migrations applied, `EVENT_STORE`, and `PiiVault` over the same pool and
 * schema. Global, so contexts inject `EVENT_STORE` or `PiiVault` and use
 * `TypeOrmModule.forFeature` without importing it.
 */
@Module({})
export class EventSourcingModule {
  static forRoot(options: EventSourcingOptions): DynamicModule {
    const databaseServer: DynamicModule = {
      module: DatabaseServerModule,
      providers: [
        { provide: EVENT_SOURCING_OPTIONS, useValue: options },
        { provide: DATABASE_SERVER, useFactory: () => openDatabaseServer(options) },
      ],
      exports: [EVENT_SOURCING_OPTIONS, DATABASE_SERVER],
    };
    const eventStore: Provider = {
      provide: EVENT_STORE,
      useFactory: (dataSource: DataSource) => createEventStore(dataSource, options),
      inject: [DataSource],
    };
    const projections = [
      ...(options.projections ?? []),
      historyLinksProjection(options.databaseSchema),
    ];
    const projectionStorage: Provider = {
      provide: PROJECTION_STORAGE,
      useFactory: (eventStore: EventStore, dataSource: DataSource) =>
        openProjectionStorage(dataSource, eventStore, options, projections.length),
      inject: [EVENT_STORE, DataSource],
    };
    const projectionRunners: Provider = {
      provide: ProjectionRunners,
      useFactory: (eventStore: EventStore, storage: ProjectionStorage) =>
        new ProjectionRunners({
          projections,
          passive: options.runProjections === false,
          eventStore: storage.eventStore,
          appends: eventStore,
          dataSource: storage.dataSource,
          logger: new Logger('Projections'),
        }),
      inject: [EVENT_STORE, PROJECTION_STORAGE],
    };
    const piiVault: Provider = {
      provide: PiiVault,
      useFactory: async (dataSource: DataSource) =>
        new PiiVault({
          pool: poolOf(dataSource),
          schema: options.databaseSchema,
          masterKey: Buffer.isBuffer(options.piiMasterKey)
            ? options.piiMasterKey
            : await options.piiMasterKey(),
        }),
      inject: [DataSource],
    };
    const historyKey: Provider = {
      provide: HistoryKey,
      useValue: new HistoryKey(options.historySigningKey),
    };
    const historyLinks: Provider = {
      provide: HistoryLinks,
      useFactory: (dataSource: DataSource) =>
        new HistoryLinks(poolOf(dataSource), options.databaseSchema),
      inject: [DataSource],
    };
    const historySigner: Provider = {
      provide: HistorySigner,
      useFactory: (
        eventStore: EventStore,
        links: HistoryLinks,
        key: HistoryKey,
        projections: ProjectionRunners,
      ) =>
        new HistorySigner({
          eventStore,
          links,
          key,
          projections,
          everyEvents: options.historyCheckpoints?.everyEvents ?? 1000,
          everySeconds: options.historyCheckpoints?.everySeconds ?? 60,
          logger: new Logger('History'),
          passive: options.runProjections === false || !key.configured,
        }),
      inject: [EVENT_STORE, HistoryLinks, HistoryKey, ProjectionRunners],
    };
    const historyVerifier: Provider = {
      provide: HistoryVerifier,
      useFactory: (
        eventStore: EventStore,
        links: HistoryLinks,
        signer: HistorySigner,
        key: HistoryKey,
        projections: ProjectionRunners,
      ) => new HistoryVerifier({ eventStore, links, signer, key, projections }),
      inject: [EVENT_STORE, HistoryLinks, HistorySigner, HistoryKey, ProjectionRunners],
    };
    return {
      module: EventSourcingModule,
      global: true,
      imports: [
        databaseServer,
        TypeOrmModule.forRootAsync({
          imports: [databaseServer],
          inject: [DATABASE_SERVER],
          useFactory: (server: DatabaseServer) => ({
            type: 'postgres',
            url: server.url,
            autoLoadEntities: true,
            // A server may still be starting (docker compose); an embedded one either works or not.
            retryAttempts: server.embedded ? 1 : 5,
            retryDelay: 2000,
            toRetry: (error: unknown) =>
              !server.embedded && CONNECTION_ERRORS.has(String((error as { code?: unknown }).code)),
          }),
          dataSourceFactory: async (typeormOptions?: DataSourceOptions) => {
            const { url } = typeormOptions as { url: string };
            return openDataSource(url, options, typeormOptions as DataSourceOptions);
          },
        }),
      ],
      providers: [
        eventStore,
        projectionStorage,
        projectionRunners,
        piiVault,
        historyKey,
        historyLinks,
        historySigner,
        historyVerifier,
        { provide: PROJECTION_STATUS, useExisting: ProjectionRunners },
        EventSourcingShutdown,
      ],
      exports: [
        EVENT_STORE,
        ProjectionRunners,
        PROJECTION_STATUS,
        PiiVault,
        HistoryKey,
        HistorySigner,
        HistoryVerifier,
        databaseServer,
      ],
    };
  }
}

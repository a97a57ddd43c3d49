import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CommandRunner, EVENT_STORE, type EventStore } from '@app/event-sourcing';
import { DataSource } from 'typeorm';
import { MeteringPointRepository } from './infrastructure/metering-point-repository';
import { MeteringRegistry } from './infrastructure/metering-registry';
import { MeteringPointRowEntity } from './projections/metering-point-row.entity';
import { MeteringPointsReader } from './read-models/metering-points.reader';
import { MeteringPointImport } from './use-cases/import-metering-points/metering-point-import';
import { ImportMeteringPointsHandler } from './use-cases/import-metering-points/import-metering-points.handler';
import { ImportMeteringPointsResolver } from './use-cases/import-metering-points/import-metering-points.resolver';
import { FindMeteringPointHandler } from './use-cases/find-metering-point/find-metering-point.handler';
import { FindMeteringPointResolver } from './use-cases/find-metering-point/find-metering-point.resolver';
import { RecordMeteringPointHandler } from './use-cases/record-metering-point/record-metering-point.handler';
import { RecordMeteringPointResolver } from './use-cases/record-metering-point/record-metering-point.resolver';

const resolvers = [
  RecordMeteringPointResolver,
  FindMeteringPointResolver,
  ImportMeteringPointsResolver,
];
const commandHandlers = [RecordMeteringPointHandler, ImportMeteringPointsHandler];
const queryHandlers = [FindMeteringPointHandler];

/**
 * The metering bounded context: the registry of metering points (MTR-1, MTR-2, OPS-4). The
 * applications context uses it through the exported `MeteringRegistry`.
 */
@Module({
  imports: [CqrsModule, TypeOrmModule.forFeature([MeteringPointRowEntity])],
  providers: [
    {
      provide: MeteringPointRepository,
      inject: [EVENT_STORE],
      useFactory: (eventStore: EventStore) => new MeteringPointRepository(eventStore),
    },
    {
      provide: MeteringRegistry,
      inject: [MeteringPointRepository, EVENT_STORE],
      useFactory: (repository: MeteringPointRepository, eventStore: EventStore) =>
        new MeteringRegistry(repository, new CommandRunner(eventStore, () => new Date())),
    },
    {
      provide: MeteringPointImport,
      inject: [MeteringRegistry],
      useFactory: (registry: MeteringRegistry) => new MeteringPointImport(registry),
    },
    {
      provide: MeteringPointsReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new MeteringPointsReader(dataSource),
    },
    ...resolvers,
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [MeteringRegistry, MeteringPointImport],
})
export class MeteringModule {}

import { Module } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@app/event-sourcing';
import { MeteringPointRepository } from './infrastructure/metering-point-repository';
import { MeteringRegistry } from './infrastructure/metering-registry';

/** The metering bounded context: the registry of metering points (MTR-1, MTR-2, OPS-4). */
@Module({
  providers: [
    {
      provide: MeteringPointRepository,
      inject: [EVENT_STORE],
      useFactory: (eventStore: EventStore) => new MeteringPointRepository(eventStore),
    },
    {
      provide: MeteringRegistry,
      inject: [MeteringPointRepository],
      useFactory: (repository: MeteringPointRepository) => new MeteringRegistry(repository),
    },
  ],
  exports: [MeteringRegistry],
})
export class MeteringModule {}

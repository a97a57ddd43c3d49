import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health';
import { EventStoreHealth } from './event-store.health';
import { HealthController } from './health.controller';
import { ProjectionsHealth } from './projections.health';

/** `/health`: 200 while the database and the event store answer, 503 otherwise. */
@Module({
  imports: [TerminusModule.forRoot()],
  controllers: [HealthController],
  providers: [DatabaseHealth, EventStoreHealth, ProjectionsHealth],
})
export class HealthModule {}

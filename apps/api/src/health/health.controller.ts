import { Controller, Get } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthCheckResult } from '@nestjs/terminus';
import { DatabaseHealth } from './database.health';
import { EventStoreHealth } from './event-store.health';
import { ProjectionsHealth } from './projections.health';

@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealth,
    private readonly eventStore: EventStoreHealth,
    private readonly projections: ProjectionsHealth,
  ) {}

  @Get()
  @HealthCheck()
  check(): Promise<HealthCheckResult> {
    return this.health.check([
      () => this.database.check(),
      () => this.eventStore.check(),
      () => this.projections.check(),
    ]);
  }
}

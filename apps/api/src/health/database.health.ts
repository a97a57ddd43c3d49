import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import { DATABASE_SERVER, type DatabaseServer } from '@app/event-sourcing';
import { DataSource } from 'typeorm';

@Injectable()
export class DatabaseHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly dataSource: DataSource,
    @Inject(DATABASE_SERVER) private readonly server: DatabaseServer,
  ) {}

  check(): HealthCheckAttempt<'database'> {
    return this.indicators
      .check('database')
      .attempt(async () => {
        await this.dataSource.query('SELECT 1');
        return { embedded: this.server.embedded };
      })
      .withTimeout(3000);
  }
}

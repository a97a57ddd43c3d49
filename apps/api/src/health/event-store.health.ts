import { Inject, Injectable } from '@nestjs/common';
import { HealthIndicatorService, type HealthCheckAttempt } from '@nestjs/terminus';
import { EVENT_STORE, type EventStore } from '@app/event-sourcing';

@Injectable()
export class EventStoreHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(EVENT_STORE) private readonly store: EventStore,
  ) {}

  check(): HealthCheckAttempt<'eventStore'> {
    return this.indicators
      .check('eventStore')
      .attempt(async () => {
        const head = await this.store.head();
        return { position: head.position.toString() };
      })
      .withTimeout(3000);
  }
}

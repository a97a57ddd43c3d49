import { Inject, Injectable, Optional } from '@nestjs/common';
import { PROJECTION_STATUS, type ProjectionStatusSource } from '@app/event-sourcing';
import { Gauge, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

/** Read at scrape time from the projection runner, so it is never staler than the scrape. */
@Injectable()
export class ProjectionLagGauge {
  constructor(
    @Inject(METRICS_REGISTRY) registry: Registry,
    @Optional() @Inject(PROJECTION_STATUS) projections: ProjectionStatusSource | null,
  ) {
    new Gauge({
      name: 'projection_lag_events',
      help: 'Events in the store that a projection has not applied yet (absent while unknown).',
      labelNames: ['projection'],
      registers: [registry],
      async collect() {
        this.reset();
        // A failing runner shows as missing series here and as `down` on /health.
        const lags = await projections?.status().catch(() => []);
        for (const { name, lagEvents } of lags ?? []) {
          if (lagEvents !== null) this.set({ projection: name }, lagEvents);
        }
      },
    });
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { HealthIndicatorService, type HealthIndicatorResult } from '@nestjs/terminus';
import { PROJECTION_STATUS, type ProjectionStatusSource } from '@app/event-sourcing';
import { APP_CONFIG, type AppConfig } from '../config/app-config';

/**
 * A lagging projection degrades health without failing it: the API still answers, but reads may
 * be stale. A runner that cannot report is down.
 */
@Injectable()
export class ProjectionsHealth {
  constructor(
    private readonly indicators: HealthIndicatorService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Optional()
    @Inject(PROJECTION_STATUS)
    private readonly projections: ProjectionStatusSource | null,
  ) {}

  async check(): Promise<HealthIndicatorResult<'projections'>> {
    const indicator = this.indicators.check('projections');
    if (!this.projections) return indicator.up({ projections: [] });
    try {
      // Only what the port promises: the runners' own statuses carry bigints JSON cannot show.
      const projections = (await this.projections.status()).map(({ name, lagEvents }) => ({
        name,
        lagEvents,
      }));
      const maxLag = this.config.health.maxProjectionLag;
      const lagging = projections.filter(
        ({ lagEvents }) => lagEvents !== null && lagEvents > maxLag,
      );
      return lagging.length > 0
        ? indicator.degraded({ projections, maxLag })
        : indicator.up({ projections });
    } catch (error) {
      return indicator.down({ message: error instanceof Error ? error.message : String(error) });
    }
  }
}

import { Module } from '@nestjs/common';
import { GraphqlMetrics } from './graphql-metrics';
import { MetricsController } from './metrics.controller';
import { createMetricsRegistry, METRICS_REGISTRY } from './metrics-registry';
import { ProjectionLagGauge } from './projection-lag.gauge';

/** `/metrics` in Prometheus format: process defaults, GraphQL operations, projection lag. */
@Module({
  controllers: [MetricsController],
  providers: [
    { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry },
    GraphqlMetrics,
    ProjectionLagGauge,
  ],
  exports: [GraphqlMetrics],
})
export class MetricsModule {}

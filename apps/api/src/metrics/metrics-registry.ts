import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per application instance, not prom-client's global one, so apps don't collide in tests. */
export const METRICS_REGISTRY = Symbol('MetricsRegistry');

export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  return registry;
}

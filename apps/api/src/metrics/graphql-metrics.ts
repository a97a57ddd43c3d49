import { Inject, Injectable } from '@nestjs/common';
import { Counter, Histogram, type Registry } from 'prom-client';
import { METRICS_REGISTRY } from './metrics-registry';

export type OperationOutcome = 'success' | 'refused' | 'error';
type Labels = 'operation' | 'type' | 'outcome';

/** Operation names come from clients: past this many distinct ones, the rest share one label. */
const MAX_OPERATION_NAMES = 200;
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

@Injectable()
export class GraphqlMetrics {
  private readonly operations: Counter<Labels>;
  private readonly duration: Histogram<Labels>;
  private readonly seenNames = new Set<string>();

  constructor(@Inject(METRICS_REGISTRY) registry: Registry) {
    this.operations = new Counter({
      name: 'graphql_operations_total',
      help: 'GraphQL operations by operation name, type and outcome (success, refused by the client-facing rules, error).',
      labelNames: ['operation', 'type', 'outcome'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'graphql_operation_duration_seconds',
      help: 'Time from receiving a GraphQL operation to sending its response.',
      labelNames: ['operation', 'type', 'outcome'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    });
  }

  record(
    operation: string | null | undefined,
    type: string | undefined,
    outcome: OperationOutcome,
    seconds: number,
  ): void {
    const labels = { operation: this.operationLabel(operation), type: type ?? 'unknown', outcome };
    this.operations.inc(labels);
    this.duration.observe(labels, seconds);
  }

  private operationLabel(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (!OPERATION_NAME.test(name)) return 'invalid';
    if (this.seenNames.has(name)) return name;
    if (this.seenNames.size >= MAX_OPERATION_NAMES) return 'other';
    this.seenNames.add(name);
    return name;
  }
}

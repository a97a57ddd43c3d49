import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { getOperationAST } from 'graphql';
import { isInternal, toClientError } from '../graphql/errors/client-error';
import type { GraphqlMetrics, OperationOutcome } from './graphql-metrics';

/** Counts and times every GraphQL operation, including the ones refused before execution. */
export function graphqlMetricsPlugin(metrics: GraphqlMetrics): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const started = process.hrtime.bigint();
      return {
        async willSendResponse({ request, document, operation, errors }) {
          const seconds = Number(process.hrtime.bigint() - started) / 1e9;
          // A document that failed validation was parsed but never resolved to an operation.
          const named =
            operation ?? (document ? getOperationAST(document, request.operationName) : null);
          metrics.record(
            named?.name?.value ?? request.operationName,
            named?.operation,
            outcomeOf(errors),
            seconds,
          );
        },
      };
    },
  };
}

function outcomeOf(errors: readonly unknown[] | undefined): OperationOutcome {
  if (!errors || errors.length === 0) return 'success';
  return errors.some((error) => isInternal(toClientError(error))) ? 'error' : 'refused';
}

import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError } from 'graphql';
import {
  fieldExtensionsEstimator,
  getComplexity,
  simpleEstimator,
  type ComplexityEstimator,
} from 'graphql-query-complexity';
import { QueryRefusedError } from '../errors/query-refused.error';
import { apiMessages } from '../errors/messages';

/**
 * A field with a `limit` argument (a page) costs what it selects times the rows it may return,
 * its default included: `accounts(limit: 100) { items { … } }` is priced for 100 rows.
 */
const pageEstimator: ComplexityEstimator = ({ args, childComplexity }) => {
  const limit: unknown = args['limit'];
  if (typeof limit !== 'number' || !Number.isFinite(limit)) return undefined;
  return 1 + childComplexity * Math.max(1, Math.ceil(limit));
};

/**
 * Refuses operations whose estimated cost exceeds `maxCost`. Every field costs 1 unless its
 * `@Field({ complexity })` says otherwise, and a page multiplies by its `limit`. A plugin rather
 * than a validation rule because the estimate needs the request's variables. An operation whose
 * cost cannot be estimated is refused (fails closed).
 */
export function maxCostPlugin(maxCost: number): ApolloServerPlugin {
  const estimators = [
    fieldExtensionsEstimator(),
    pageEstimator,
    simpleEstimator({ defaultComplexity: 1 }),
  ];
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, schema }) {
          const cost = estimate(() =>
            getComplexity({
              schema,
              query: document,
              operationName: request.operationName ?? undefined,
              variables: request.variables ?? {},
              estimators,
            }),
          );
          if (cost !== null && cost <= maxCost) return;
          const message =
            cost === null ? apiMessages.costUnknown : apiMessages.tooCostly(cost, maxCost);
          throw new GraphQLError(message, {
            originalError: new QueryRefusedError('QUERY_TOO_COSTLY', message),
            extensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

/**
 * Invalid variables make the estimate throw: no cost is known, so the operation is refused, with
 * the variables' own error when there is one (a scalar's Japanese message reaches the client).
 */
function estimate(run: () => number): number | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof GraphQLError) {
      throw new GraphQLError(error.message, {
        originalError: error.originalError ?? error,
        extensions: { code: 'BAD_USER_INPUT', http: { status: 400 } },
      });
    }
    return null;
  }
}

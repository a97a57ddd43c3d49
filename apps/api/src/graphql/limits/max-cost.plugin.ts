import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { GraphQLError } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';
import { QueryRefusedError } from '../errors/query-refused.error';

/**
 * Refuses operations whose estimated cost exceeds `maxCost`. Every field costs 1 unless its
 * `@Field({ complexity })` says otherwise (e.g. a list priced by its `limit`). A plugin rather
 * than a validation rule because the estimate needs the request's variables.
 */
export function maxCostPlugin(maxCost: number): ApolloServerPlugin {
  const estimators = [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })];
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
          if (cost === null || cost <= maxCost) return;
          const message = `クエリのコストが上限を超えています（${cost}、上限 ${maxCost}）。取得する項目や件数を減らしてください。`;
          throw new GraphQLError(message, {
            originalError: new QueryRefusedError('QUERY_TOO_COSTLY', message),
            extensions: { http: { status: 400 } },
          });
        },
      };
    },
  };
}

/** Invalid variables make the estimate throw; execution then reports them properly. */
function estimate(run: () => number): number | null {
  try {
    return run();
  } catch {
    return null;
  }
}

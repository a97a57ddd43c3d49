import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };

/**
 * Every GraphQL answer may carry personal data, so none may be stored anywhere. The HTTP layer
 * sets `Cache-Control: no-store` first, but Apollo sets its own header on some errors (e.g. a
 * persisted query it does not support: `private, no-cache, must-revalidate`); this has the last word.
 */
export function noStorePlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          response.http.headers.set('cache-control', 'no-store');
        },
      };
    },
  };
}

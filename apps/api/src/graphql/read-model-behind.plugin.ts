import type { ApolloServerPlugin } from '@apollo/server' with { 'resolution-mode': 'import' };
import { RequestContext } from '@app/event-sourcing';

/**
 * A mutation whose read-your-writes wait ran out still answers (from the aggregate it wrote);
 * `extensions.readModelBehind` names the read models that may not show the write yet, so a
 * client can say so, or search again a little later, rather than repeat a write that happened.
 */
export function readModelBehindPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      // Taken now, inside the HTTP request's context, which the response hook may run outside of.
      const request = RequestContext.current();
      return {
        async willSendResponse({ response }) {
          const behind = RequestContext.readModelsBehind(request);
          if (behind.length === 0 || response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          result.extensions = { ...result.extensions, readModelBehind: behind };
        },
      };
    },
  };
}

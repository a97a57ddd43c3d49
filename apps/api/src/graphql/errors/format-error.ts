import type { GraphQLFormattedError } from 'graphql';
import type { PinoLogger } from 'nestjs-pino';
import { RequestContext } from '@app/event-sourcing';
import { isInternal, toClientError } from './client-error';

/**
 * Apollo's `formatError`: the client sees only what `toClientError` allows; bugs are logged
 * in full with the correlation id, which the client also gets to quote when asking for help.
 */
export function createErrorFormatter(logger: PinoLogger, production = false) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const client = toClientError(error);
    const correlationId = RequestContext.correlationId();
    if (isInternal(client)) {
      // The request's logger already binds `correlationId`.
      logger.error({ err: error, path: formatted.path }, 'GraphQL operation failed unexpectedly');
    }
    return {
      message: client.message,
      ...(formatted.locations ? { locations: formatted.locations } : {}),
      ...(formatted.path ? { path: formatted.path } : {}),
      extensions: {
        code: client.code,
        ...(client.fields ? { fields: client.fields } : {}),
        ...(client.reason ? { reason: client.reason } : {}),
        // graphql-js's English may echo variable values or guess at field names: not in production.
        ...(client.detail && !production ? { detail: client.detail } : {}),
        ...(isInternal(client) && correlationId ? { correlationId } : {}),
      },
    };
  };
}

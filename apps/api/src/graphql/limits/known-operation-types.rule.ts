import { GraphQLError, OperationTypeNode, type ValidationRule } from 'graphql';
import { QueryRefusedError } from '../errors/query-refused.error';

/**
 * Refuses an operation whose root type the schema lacks (a `subscription`: the gateway serves
 * none). graphql-js 16 validates no such rule (17 adds KnownOperationTypesRule), so execution
 * failed on it and the client got INTERNAL_SERVER_ERROR.
 */
export const knownOperationTypesRule: ValidationRule = (context) => ({
  OperationDefinition(operation) {
    if (context.getSchema().getRootType(operation.operation)) return;
    const message =
      operation.operation === OperationTypeNode.SUBSCRIPTION
        ? 'サブスクリプション（subscription）には対応していません。'
        : `${operation.operation} 操作には対応していません。`;
    context.reportError(
      new GraphQLError(message, {
        nodes: [operation],
        originalError: new QueryRefusedError('OPERATION_NOT_SUPPORTED', message),
      }),
    );
  },
});

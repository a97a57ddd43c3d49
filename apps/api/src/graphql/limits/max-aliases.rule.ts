import { GraphQLError, type ValidationRule } from 'graphql';
import { QueryRefusedError } from '../errors/query-refused.error';
import { apiMessages } from '../errors/messages';

/**
 * Refuses documents with more than `maxAliases` aliased fields. Aliases are how one request asks
 * the same field many times (e.g. a hundred `login` attempts), which neither depth nor a per-field
 * cost estimate prices well.
 */
export function maxAliasesRule(maxAliases: number): ValidationRule {
  return (context) => {
    let aliases = 0;
    return {
      Field(field) {
        if (field.alias) aliases += 1;
      },
      Document: {
        leave() {
          if (aliases <= maxAliases) return;
          const message = apiMessages.tooManyAliases(aliases, maxAliases);
          context.reportError(
            new GraphQLError(message, {
              originalError: new QueryRefusedError('TOO_MANY_ALIASES', message),
            }),
          );
        },
      },
    };
  };
}

import {
  GraphQLError,
  Kind,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
} from 'graphql';
import { QueryRefusedError } from '../errors/query-refused.error';
import { apiMessages } from '../errors/messages';

/**
 * Refuses operations nested deeper than `maxDepth` fields (`{ a { b } }` is 2). Introspection
 * fields are not counted: the standard introspection query is deep, and introspection is off in
 * production. Written here rather than taken from graphql-depth-limit, which throws (and
 * console.errors) on a document that spreads an unknown fragment instead of leaving that to the
 * KnownFragmentNames rule.
 */
export function maxDepthRule(maxDepth: number): ValidationRule {
  return (context) => {
    const fragmentDepths = new Map<string, number>();
    const visiting = new Set<string>();

    const depthOf = (selectionSet: SelectionSetNode): number => {
      let deepest = 0;
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) {
          if (selection.name.value.startsWith('__')) continue;
          deepest = Math.max(
            deepest,
            1 + (selection.selectionSet ? depthOf(selection.selectionSet) : 0),
          );
        } else if (selection.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(selection.selectionSet));
        } else {
          deepest = Math.max(deepest, fragmentDepth(context.getFragment(selection.name.value)));
        }
      }
      return deepest;
    };

    // Memoised, so fragments spreading each other many times cost linear time, not exponential.
    const fragmentDepth = (fragment: FragmentDefinitionNode | null | undefined): number => {
      if (!fragment) return 0;
      const name = fragment.name.value;
      const known = fragmentDepths.get(name);
      if (known !== undefined) return known;
      if (visiting.has(name)) return 0; // a cycle: NoFragmentCycles reports it
      visiting.add(name);
      const depth = depthOf(fragment.selectionSet);
      visiting.delete(name);
      fragmentDepths.set(name, depth);
      return depth;
    };

    return {
      OperationDefinition(operation) {
        const depth = depthOf(operation.selectionSet);
        if (depth <= maxDepth) return;
        const message = apiMessages.tooDeep(depth, maxDepth);
        context.reportError(
          new GraphQLError(message, {
            nodes: [operation],
            originalError: new QueryRefusedError('QUERY_TOO_DEEP', message),
          }),
        );
      },
    };
  };
}

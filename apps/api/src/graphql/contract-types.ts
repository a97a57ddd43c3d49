import { ErrorCode, JsonScalar } from '@app/event-sourcing';
import { GraphQLSchema, type GraphQLNamedType } from 'graphql';

/** Contract types no field refers to yet; the contract promises them regardless. */
export const CONTRACT_ENUMS = [ErrorCode];

/**
 * Adds the contract's scalars that no field uses yet (orphaned types cannot carry scalars).
 * Once a context declares a `JSON` field this changes nothing.
 */
export function withContractScalars(schema: GraphQLSchema): GraphQLSchema {
  const missing: GraphQLNamedType[] = [JsonScalar].filter((scalar) => !schema.getType(scalar.name));
  if (missing.length === 0) return schema;
  const config = schema.toConfig();
  return new GraphQLSchema({ ...config, types: [...config.types, ...missing] });
}

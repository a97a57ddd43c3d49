import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PinoLogger } from 'nestjs-pino';
import { DateTimeScalar, RequestContext } from '@app/event-sourcing';
import type { AppConfig } from '../config/app-config';
import { graphqlMetricsPlugin } from '../metrics/graphql-metrics.plugin';
import type { GraphqlMetrics } from '../metrics/graphql-metrics';
import { CONTRACT_ENUMS, withContractScalars } from './contract-types';
import { createErrorFormatter } from './errors/format-error';
import { knownOperationTypesRule } from './limits/known-operation-types.rule';
import { maxAliasesRule } from './limits/max-aliases.rule';
import { maxCostPlugin } from './limits/max-cost.plugin';
import { maxDepthRule } from './limits/max-depth.rule';
import { readModelBehindPlugin } from './read-model-behind.plugin';
import { noStorePlugin } from './no-store.plugin';
import { securityEventsPlugin } from './security-events.plugin';
import type { SecurityEventLog } from '@app/accounts';

/** What resolvers get as `@Context()`. */
export interface GraphqlContext {
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  readonly correlationId: string | undefined;
}

export function graphqlOptions(
  config: AppConfig,
  metrics: GraphqlMetrics,
  logger: PinoLogger,
  securityEvents: SecurityEventLog,
): Omit<ApolloDriverConfig, 'driver'> {
  const production = config.env === 'production';
  return {
    path: '/graphql',
    // Built in memory; development runs write apps/api/schema.gql when it changed (main.ts).
    autoSchemaFile: true,
    sortSchema: true,
    buildSchemaOptions: {
      scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
      orphanedTypes: CONTRACT_ENUMS,
    },
    transformSchema: withContractScalars,
    transformAutoSchemaFile: true,
    fieldResolverEnhancers: ['guards'],
    context: ({ req, res }: { req: IncomingMessage; res: ServerResponse }): GraphqlContext => ({
      req,
      res,
      correlationId: RequestContext.correlationId(),
    }),
    csrfPrevention: true,
    // No automatic persisted queries: every request carries its whole document.
    persistedQueries: false,
    // graphql-js stops parsing a document beyond this many tokens, before any validation.
    parseOptions: { maxTokens: config.graphql.maxTokens },
    allowBatchedHttpRequests: false,
    introspection: !production,
    graphiql: !production,
    hideSchemaDetailsFromClientErrors: production,
    includeStacktraceInErrorResponses: false,
    // Errors are mapped once, in formatError; Nest's own HTTP-to-GraphQL mapping would run first.
    autoTransformHttpErrors: false,
    validationRules: [
      knownOperationTypesRule,
      maxDepthRule(config.graphql.maxDepth),
      maxAliasesRule(config.graphql.maxAliases),
    ],
    plugins: [
      maxCostPlugin(config.graphql.maxCost),
      graphqlMetricsPlugin(metrics),
      readModelBehindPlugin(),
      noStorePlugin(),
      securityEventsPlugin(securityEvents),
    ],
    formatError: createErrorFormatter(logger, production),
  };
}

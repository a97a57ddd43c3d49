import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, RequestMethod, type MiddlewareConsumer, type NestModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { PinoLogger } from 'nestjs-pino';
import { SecurityEventLog } from '@app/accounts';
import { APP_CONFIG, type AppConfig } from '../config/app-config';
import { GraphqlMetrics } from '../metrics/graphql-metrics';
import { MetricsModule } from '../metrics/metrics.module';
import './error-code.enum';
import { graphqlOptions } from './graphql-options';
import { MaxNestingMiddleware } from './limits/max-nesting.middleware';
import { ServerTimeResolver } from './server-time.resolver';

/** `/graphql`: code-first Apollo with the gateway's limits, error mapping and metrics. */
@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [MetricsModule],
      inject: [APP_CONFIG, GraphqlMetrics, PinoLogger, SecurityEventLog],
      useFactory: (
        config: AppConfig,
        metrics: GraphqlMetrics,
        logger: PinoLogger,
        securityEvents: SecurityEventLog,
      ) => {
        logger.setContext('GraphQL');
        return graphqlOptions(config, metrics, logger, securityEvents);
      },
    }),
  ],
  providers: [ServerTimeResolver],
})
export class GatewayGraphqlModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(MaxNestingMiddleware).forRoutes({ path: 'graphql', method: RequestMethod.ALL });
  }
}

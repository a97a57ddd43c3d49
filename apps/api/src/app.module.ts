import { Module, type DynamicModule, type Type } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ScheduleModule } from '@nestjs/schedule';
import { AccountsModule } from '@app/accounts';
import {
  APPLICATION_SEARCH_PROJECTION,
  ApplicationsModule,
  DEFAULT_TERMS_OF_SERVICE,
} from '@app/applications';
import { EventSourcingModule, type EventSourcingOptions } from '@app/event-sourcing';
import { MeteringModule } from '@app/metering';
import { NotificationsModule } from '@app/notifications';
import type { DestinationStream } from 'pino';
import type { AppConfig } from './config/app-config';
import { AppConfigModule } from './config/app-config.module';
import { GatewayGraphqlModule } from './graphql/gateway-graphql.module';
import { HealthModule } from './health/health.module';
import { LoggingModule } from './logging/logging.module';
import { MetricsModule } from './metrics/metrics.module';
import { eventSourcingOptions } from './storage/event-sourcing-options';

export interface AppModuleOptions {
  /** Where logs go; standard output unless a test wants to read them. */
  readonly logDestination?: DestinationStream;
  /** More modules, e.g. a spec's resolver that fails on purpose. */
  readonly imports?: readonly (Type | DynamicModule)[];
  /** The domain clock; only end-to-end specs pass one, to move time. */
  readonly clock?: () => Date;
  /** For the command-line tools: the contexts and storage without HTTP, GraphQL or metrics. */
  readonly headless?: boolean;
  /** Where storage differs from the config, e.g. a tool using the running API's database. */
  readonly storage?: Partial<EventSourcingOptions>;
}

/** The gateway: configuration, observability, storage, the bounded contexts and GraphQL. */
@Module({})
export class AppModule {
  static forRoot(config: AppConfig, options: AppModuleOptions = {}): DynamicModule {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggingModule.forRoot(config, options.logDestination),
        EventSourcingModule.forRoot(eventSourcingOptions(config, options.storage)),
        CqrsModule.forRoot(),
        // The tools run jobs on demand; only the API schedules them.
        ScheduleModule.forRoot({ cronJobs: config.scheduledJobs && !options.headless }),
        ...(options.headless ? [] : [MetricsModule, HealthModule, GatewayGraphqlModule]),
        AccountsModule.forRoot({
          loginThrottle: config.loginThrottle,
          actionThrottle: config.actionThrottle,
          argon2Queue: config.argon2Queue,
          backOfficeContact: config.backOfficeContact,
          securityEventsRetentionDays: config.securityEventsRetentionDays,
          mfaIssuer: config.mfaIssuer,
          clock: options.clock,
        }),
        ApplicationsModule.forRoot({
          clock: options.clock,
          readModels: [APPLICATION_SEARCH_PROJECTION],
          termsOfService: {
            ...DEFAULT_TERMS_OF_SERVICE,
            ...(config.terms.version && { version: config.terms.version }),
            ...(config.terms.url && { url: config.terms.url }),
          },
        }),
        MeteringModule,
        NotificationsModule.forRoot({
          schema: options.storage?.databaseSchema ?? config.database.schema,
          from: config.mail.from,
          supportEmail: config.mail.supportEmail,
          signature: config.mail.signature,
          publicUrl: config.http.publicUrl,
          smtpUrl: config.mail.smtpUrl,
          mailDirectory: config.mail.directory,
          retry: config.mail.retry,
          pollIntervalMs: config.mail.pollIntervalMs,
          leaseMs: config.mail.leaseMs,
          // A tool's short life is no place to send mail; the API processes do.
          dispatch: !options.headless,
        }),
        ...(options.imports ?? []),
      ],
    };
  }
}

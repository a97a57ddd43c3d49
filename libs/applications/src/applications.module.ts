import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CommandRunner,
  EVENT_STORE,
  PiiVault,
  ProjectionRunners,
  type EventStore,
  HistoryVerifier,
  JobLock,
} from '@app/event-sourcing';
import { StatusActs } from './use-cases/status-acts';
import { MeteringModule, MeteringRegistry } from '@app/metering';
import { DataSource } from 'typeorm';
import {
  APPLICATION_CLOCK,
  APPLICATION_READ_MODELS,
  DEFAULT_TERMS_OF_SERVICE,
  HOLIDAY_CALENDAR,
  TERMS_OF_SERVICE,
  type ApplicationClock,
  type ApplicationsModuleOptions,
} from './application-providers';
import { TermsOfServiceResolver } from './use-cases/terms-of-service/terms-of-service.resolver';
import { holidayJpCalendar } from './calendar/holiday-jp-calendar.adapter';
import { ApplicationCipher } from './infrastructure/application-cipher';
import { ApplicationCommandRunner } from './infrastructure/application-command-runner';
import { ApplicationIds } from './infrastructure/application-ids';
import { ApplicationRepository } from './infrastructure/application-repository';
import { METERING_POINTS, type MeteringPoints } from './infrastructure/metering-points';
import { PointEligibility } from './infrastructure/point-eligibility.service';
import { PointSettlementJob, SETTLEMENT_DEADLINE_MS } from './infrastructure/point-settlement.job';
import { PointSettlementProcess } from './infrastructure/point-settlement.process';
import { ApplicationSearchRowEntity } from './projections/application-search-row.entity';
import { ApplicationHistoryReader } from './read-models/application-history.reader';
import { ApplicationReader } from './read-models/application.reader';
import { ApplicationAsOfHandler } from './use-cases/application-as-of/application-as-of.handler';
import { ApplicationAsOfResolver } from './use-cases/application-as-of/application-as-of.resolver';
import { ApplicationHistoryHandler } from './use-cases/application-history/application-history.handler';
import { ApplicationHistoryResolver } from './use-cases/application-history/application-history.resolver';
import { GetApplicationHandler } from './use-cases/get-application/get-application.handler';
import { GetApplicationResolver } from './use-cases/get-application/get-application.resolver';
import { SearchApplicationsHandler } from './use-cases/search-applications/search-applications.handler';
import { SearchApplicationsResolver } from './use-cases/search-applications/search-applications.resolver';
import { VerifyApplicationHistoryHandler } from './use-cases/verify-application-history/verify-application-history.handler';
import { VerifyApplicationHistoryResolver } from './use-cases/verify-application-history/verify-application-history.resolver';
import { ApplicationAnswers } from './use-cases/application-answers';
import { ChangeApplicationHandler } from './use-cases/change-application/change-application.handler';
import { ChangeApplicationResolver } from './use-cases/change-application/change-application.resolver';
import { CompleteApplicationHandler } from './use-cases/complete-application/complete-application.handler';
import { CompleteApplicationResolver } from './use-cases/complete-application/complete-application.resolver';
import { RejectApplicationHandler } from './use-cases/reject-application/reject-application.handler';
import { RejectApplicationResolver } from './use-cases/reject-application/reject-application.resolver';
import { ReturnApplicationHandler } from './use-cases/return-application/return-application.handler';
import { ReturnApplicationResolver } from './use-cases/return-application/return-application.resolver';
import { StartProcessingHandler } from './use-cases/start-processing/start-processing.handler';
import { StartProcessingResolver } from './use-cases/start-processing/start-processing.resolver';
import { SubmitApplicationHandler } from './use-cases/submit-application/submit-application.handler';
import { SubmitApplicationResolver } from './use-cases/submit-application/submit-application.resolver';
import { WithdrawApplicationHandler } from './use-cases/withdraw-application/withdraw-application.handler';
import { WithdrawApplicationResolver } from './use-cases/withdraw-application/withdraw-application.resolver';

/**
 * The applications bounded context: submission, the owner's changes and the operators'
 * processing (write side); search, history, as-of and verification (read side). Its
 * infrastructure classes take plain constructor arguments, so they are built here by factories.
 */
const resolvers = [
  TermsOfServiceResolver,
  SubmitApplicationResolver,
  ChangeApplicationResolver,
  WithdrawApplicationResolver,
  StartProcessingResolver,
  ReturnApplicationResolver,
  RejectApplicationResolver,
  CompleteApplicationResolver,
  GetApplicationResolver,
  SearchApplicationsResolver,
  ApplicationHistoryResolver,
  ApplicationAsOfResolver,
  VerifyApplicationHistoryResolver,
];
const commandHandlers = [
  SubmitApplicationHandler,
  ChangeApplicationHandler,
  WithdrawApplicationHandler,
  StartProcessingHandler,
  ReturnApplicationHandler,
  RejectApplicationHandler,
  CompleteApplicationHandler,
];
const queryHandlers = [
  GetApplicationHandler,
  SearchApplicationsHandler,
  ApplicationHistoryHandler,
  ApplicationAsOfHandler,
  VerifyApplicationHistoryHandler,
];

@Module({
  // The search read model's entity, mapped on the shared DataSource for its projection.
  imports: [CqrsModule, MeteringModule, TypeOrmModule.forFeature([ApplicationSearchRowEntity])],
  providers: [
    { provide: HOLIDAY_CALENDAR, useValue: holidayJpCalendar },
    { provide: METERING_POINTS, useExisting: MeteringRegistry },
    {
      provide: ApplicationIds,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new ApplicationIds(dataSource),
    },
    {
      provide: ApplicationRepository,
      inject: [EVENT_STORE],
      useFactory: (eventStore: EventStore) => new ApplicationRepository(eventStore),
    },
    {
      provide: ApplicationCipher,
      inject: [PiiVault],
      useFactory: (vault: PiiVault) => new ApplicationCipher(vault),
    },
    {
      provide: ApplicationAnswers,
      inject: [ApplicationCipher, ProjectionRunners, APPLICATION_READ_MODELS],
      useFactory: (
        cipher: ApplicationCipher,
        projections: ProjectionRunners,
        readModels: readonly string[],
      ) => new ApplicationAnswers(cipher, projections, readModels),
    },
    {
      provide: PointEligibility,
      inject: [METERING_POINTS],
      useFactory: (points: MeteringPoints) => new PointEligibility(points),
    },
    {
      provide: PointSettlementProcess,
      inject: [EVENT_STORE, METERING_POINTS, APPLICATION_CLOCK],
      useFactory: (eventStore: EventStore, points: MeteringPoints, clock: ApplicationClock) =>
        new PointSettlementProcess(
          eventStore,
          new CommandRunner(eventStore, clock),
          points,
          SETTLEMENT_DEADLINE_MS,
        ),
    },
    {
      provide: JobLock,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new JobLock(dataSource),
    },
    PointSettlementJob,
    {
      provide: ApplicationCommandRunner,
      inject: [EVENT_STORE, METERING_POINTS, APPLICATION_CLOCK],
      useFactory: (eventStore: EventStore, points: MeteringPoints, clock: ApplicationClock) =>
        new ApplicationCommandRunner(new CommandRunner(eventStore, clock), points),
    },
    {
      provide: StatusActs,
      inject: [ApplicationCommandRunner, ApplicationAnswers],
      useFactory: (runner: ApplicationCommandRunner, answers: ApplicationAnswers) =>
        new StatusActs(runner, answers),
    },
    {
      provide: ApplicationReader,
      inject: [DataSource, ApplicationCipher],
      useFactory: (dataSource: DataSource, cipher: ApplicationCipher) =>
        new ApplicationReader(dataSource, cipher),
    },
    {
      provide: ApplicationHistoryReader,
      inject: [EVENT_STORE, PiiVault, ApplicationCipher, HistoryVerifier],
      useFactory: (
        eventStore: EventStore,
        vault: PiiVault,
        cipher: ApplicationCipher,
        verifier: HistoryVerifier,
      ) => new ApplicationHistoryReader(eventStore, vault, cipher, verifier),
    },
    ...resolvers,
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [ApplicationCipher, ApplicationRepository, APPLICATION_CLOCK, HOLIDAY_CALENDAR],
})
export class ApplicationsModule {
  static forRoot(options: ApplicationsModuleOptions = {}): DynamicModule {
    return {
      module: ApplicationsModule,
      providers: [
        { provide: APPLICATION_CLOCK, useValue: options.clock ?? (() => new Date()) },
        { provide: APPLICATION_READ_MODELS, useValue: options.readModels ?? [] },
        { provide: TERMS_OF_SERVICE, useValue: options.termsOfService ?? DEFAULT_TERMS_OF_SERVICE },
      ],
    };
  }
}

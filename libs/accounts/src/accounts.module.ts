import { Module, type DynamicModule } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { PassportModule } from '@nestjs/passport';
import { TypeOrmModule } from '@nestjs/typeorm';
import {
  CommandRunner,
  EVENT_STORE,
  PiiVault,
  type EventStore,
  JobLock,
} from '@app/event-sourcing';
import { DataSource } from 'typeorm';
import type { AccountsModuleOptions } from './accounts-module.options';
import { GqlAuthGuard } from './auth/gql-auth.guard';
import { GqlLocalAuthGuard } from './auth/gql-local-auth.guard';
import { LocalStrategy } from './auth/local.strategy';
import { RolesGuard } from './auth/roles.guard';
import { SESSION_CLOCK, type SessionClock } from './auth/session-clock';
import { CommonPasswords } from './credentials/common-passwords';
import { InitialPasswords } from './credentials/initial-passwords';
import { PasswordHasher } from './credentials/password-hasher';
import { VerificationTokens } from './credentials/verification-tokens';
import { AccountCommandRunner } from './infrastructure/account-command-runner';
import { AccountContactCipher } from './infrastructure/account-contact-cipher';
import { AccountRepository } from './infrastructure/account-repository';
import { UserIdReservations } from './infrastructure/user-id-reservations';
import { USER_ID_STREAM_KEY_PURPOSE } from './infrastructure/user-id-hmac';
import { AccountRowEntity } from './projections/account-row.entity';
import { AccountVerificationLinkEntity } from './projections/account-verification-link.entity';
import { AccountSweepReader } from './read-models/account-sweep.reader';
import { AccountsReader } from './read-models/accounts.reader';
import { AccountJobs } from './jobs/account-jobs';
import { ExpiredRegistrationsSweep } from './use-cases/expire-registrations/expired-registrations.sweep';
import { InactiveAccountsSweep } from './use-cases/delete-inactive-accounts/inactive-accounts.sweep';
import { SessionService } from './sessions/session.service';
import {
  DEFAULT_SECURITY_EVENTS_RETENTION_DAYS,
  SecurityEventLog,
} from './security-events/security-event-log';
import { StaffActInterceptor } from './security-events/staff-act.interceptor';
import { SecurityEventsReader } from './read-models/security-events.reader';
import { ListSecurityEventsHandler } from './use-cases/list-security-events/list-security-events.handler';
import { ListSecurityEventsResolver } from './use-cases/list-security-events/list-security-events.resolver';
import { configureBackOfficeContact } from './account-refusal';
import { DEFAULT_ACTION_THROTTLE, ActionThrottle } from './throttling/action-throttle';
import { AttemptCounters } from './throttling/attempt-counters';
import { DEFAULT_LOGIN_THROTTLE, LoginThrottle } from './throttling/login-throttle';
import { ChangeAccountContactHandler } from './use-cases/change-account-contact/change-account-contact.handler';
import { ChangeAccountContactResolver } from './use-cases/change-account-contact/change-account-contact.resolver';
import { ChangePasswordHandler } from './use-cases/change-password/change-password.handler';
import { ChangePasswordResolver } from './use-cases/change-password/change-password.resolver';
import { ConfirmMfaEnrollmentHandler } from './use-cases/confirm-mfa-enrollment/confirm-mfa-enrollment.handler';
import { ConfirmMfaEnrollmentResolver } from './use-cases/confirm-mfa-enrollment/confirm-mfa-enrollment.resolver';
import { StartMfaEnrollmentHandler } from './use-cases/start-mfa-enrollment/start-mfa-enrollment.handler';
import { StartMfaEnrollmentResolver } from './use-cases/start-mfa-enrollment/start-mfa-enrollment.resolver';
import { DEFAULT_MFA_ISSUER, Totp } from './credentials/second-factor';
import { CareByToolHandler } from './use-cases/care-by-tool/care-by-tool.handler';
import { CreateOperatorHandler } from './use-cases/create-operator/create-operator.handler';
import { InitialPasswordCare } from './use-cases/initial-password-care';
import { ListAccountsHandler } from './use-cases/list-accounts/list-accounts.handler';
import { ListAccountsResolver } from './use-cases/list-accounts/list-accounts.resolver';
import { LoginHandler } from './use-cases/login/login.handler';
import { LoginResolver } from './use-cases/login/login.resolver';
import { LogoutHandler } from './use-cases/logout/logout.handler';
import { LogoutResolver } from './use-cases/logout/logout.resolver';
import { MeHandler } from './use-cases/me/me.handler';
import { MeResolver } from './use-cases/me/me.resolver';
import { RegisterAccountHandler } from './use-cases/register-account/register-account.handler';
import { RegisterAccountResolver } from './use-cases/register-account/register-account.resolver';
import { UserIdClaims } from './use-cases/register-account/user-id-claims';
import { RegistrationExpiry } from './use-cases/expire-registrations/registration-expiry';
import { ResetPasswordHandler } from './use-cases/reset-password/reset-password.handler';
import { ResetPasswordResolver } from './use-cases/reset-password/reset-password.resolver';
import { UnlockAccountHandler } from './use-cases/unlock-account/unlock-account.handler';
import { UnlockAccountResolver } from './use-cases/unlock-account/unlock-account.resolver';
import { VerifyEmailHandler } from './use-cases/verify-email/verify-email.handler';
import { VerifyEmailResolver } from './use-cases/verify-email/verify-email.resolver';

const resolvers = [
  RegisterAccountResolver,
  VerifyEmailResolver,
  LoginResolver,
  LogoutResolver,
  ChangePasswordResolver,
  MeResolver,
  ListAccountsResolver,
  UnlockAccountResolver,
  ResetPasswordResolver,
  ChangeAccountContactResolver,
  ListSecurityEventsResolver,
  StartMfaEnrollmentResolver,
  ConfirmMfaEnrollmentResolver,
];
const commandHandlers = [
  RegisterAccountHandler,
  VerifyEmailHandler,
  LoginHandler,
  LogoutHandler,
  ChangePasswordHandler,
  UnlockAccountHandler,
  ResetPasswordHandler,
  ChangeAccountContactHandler,
  // No resolver: staff accounts come only from the create-operator tool.
  CreateOperatorHandler,
  CareByToolHandler,
  StartMfaEnrollmentHandler,
  ConfirmMfaEnrollmentHandler,
];
const queryHandlers = [MeHandler, ListAccountsHandler, ListSecurityEventsHandler];

/**
 * The accounts bounded context: customers' self-service operations and operators' account care. Its infrastructure classes
 * take plain constructor arguments, so they are built here by factories.
 */
@Module({
  imports: [
    CqrsModule,
    PassportModule,
    TypeOrmModule.forFeature([AccountRowEntity, AccountVerificationLinkEntity]),
  ],
  providers: [
    { provide: CommonPasswords, useFactory: () => CommonPasswords.load() },
    { provide: VerificationTokens, useFactory: () => new VerificationTokens() },
    {
      provide: SessionService,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new SessionService(dataSource),
    },
    {
      provide: AccountRepository,
      inject: [EVENT_STORE],
      useFactory: (eventStore: EventStore) => new AccountRepository(eventStore),
    },
    {
      provide: UserIdReservations,
      inject: [EVENT_STORE, PiiVault],
      useFactory: (eventStore: EventStore, vault: PiiVault) =>
        new UserIdReservations(eventStore, vault.derivedKey(USER_ID_STREAM_KEY_PURPOSE)),
    },
    RegistrationExpiry,
    UserIdClaims,
    {
      provide: AccountSweepReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new AccountSweepReader(dataSource),
    },
    {
      provide: JobLock,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new JobLock(dataSource),
    },
    ExpiredRegistrationsSweep,
    InactiveAccountsSweep,
    AccountJobs,
    {
      provide: AccountCommandRunner,
      inject: [EVENT_STORE, SESSION_CLOCK],
      useFactory: (eventStore: EventStore, clock: SessionClock) =>
        new AccountCommandRunner(new CommandRunner(eventStore, clock)),
    },
    {
      provide: AccountContactCipher,
      inject: [PiiVault],
      useFactory: (vault: PiiVault) => new AccountContactCipher(vault),
    },
    {
      provide: InitialPasswords,
      inject: [PasswordHasher, AccountContactCipher, CommonPasswords],
      useFactory: (hasher: PasswordHasher, cipher: AccountContactCipher, common: CommonPasswords) =>
        new InitialPasswords(hasher, cipher, common),
    },
    {
      provide: AccountsReader,
      inject: [DataSource, AccountContactCipher],
      useFactory: (dataSource: DataSource, cipher: AccountContactCipher) =>
        new AccountsReader(dataSource, cipher),
    },
    {
      provide: SecurityEventsReader,
      inject: [DataSource],
      useFactory: (dataSource: DataSource) => new SecurityEventsReader(dataSource),
    },
    { provide: APP_INTERCEPTOR, useClass: StaffActInterceptor },
    GqlAuthGuard,
    RolesGuard,
    LocalStrategy,
    GqlLocalAuthGuard,
    InitialPasswordCare,
    ...resolvers,
    ...commandHandlers,
    ...queryHandlers,
  ],
  exports: [SessionService, SESSION_CLOCK, GqlAuthGuard, RolesGuard, AccountJobs],
})
export class AccountsModule {
  static forRoot(options: AccountsModuleOptions = {}): DynamicModule {
    if (options.backOfficeContact !== undefined) {
      configureBackOfficeContact(options.backOfficeContact);
    }
    return {
      module: AccountsModule,
      // Every context's resolvers use the guards, hence the sessions and the clock behind them.
      global: true,
      providers: [
        { provide: SESSION_CLOCK, useValue: options.clock ?? ((): Date => new Date()) },
        { provide: Totp, useFactory: () => new Totp(options.mfaIssuer ?? DEFAULT_MFA_ISSUER) },
        {
          provide: PasswordHasher,
          useFactory: () => new PasswordHasher({ queue: options.argon2Queue }),
        },
        {
          provide: SecurityEventLog,
          inject: [DataSource, SESSION_CLOCK, AccountsReader],
          useFactory: (dataSource: DataSource, clock: SessionClock, accounts: AccountsReader) =>
            new SecurityEventLog(
              dataSource,
              clock,
              (accountId) => accounts.userIdOf(accountId),
              options.securityEventsRetentionDays ?? DEFAULT_SECURITY_EVENTS_RETENTION_DAYS,
            ),
        },
        {
          provide: AttemptCounters,
          inject: [DataSource],
          useFactory: (dataSource: DataSource) => new AttemptCounters(dataSource),
        },
        {
          provide: LoginThrottle,
          inject: [AttemptCounters],
          useFactory: (counters: AttemptCounters) =>
            new LoginThrottle(counters, options.loginThrottle ?? DEFAULT_LOGIN_THROTTLE),
        },
        {
          provide: ActionThrottle,
          inject: [AttemptCounters],
          useFactory: (counters: AttemptCounters) =>
            new ActionThrottle(counters, options.actionThrottle ?? DEFAULT_ACTION_THROTTLE),
        },
      ],
      exports: [SecurityEventLog],
    };
  }
}

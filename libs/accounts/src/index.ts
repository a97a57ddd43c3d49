export { AccountsModule } from './accounts.module';
export type { AccountsModuleOptions } from './accounts-module.options';
export { asEncryptedText, type EncryptedText } from './domain/encrypted-text';
export {
  SESSION_ENDING_EVENTS,
  type AccountDeletedForInactivity,
  type AccountEvent,
  type AccountEventType,
  type AccountLocked,
  type AccountRegistered,
  type AccountRole,
  type AccountUnlocked,
  type ContactChanged,
  type CustomerRole,
  type EmailVerified,
  type EncryptedContact,
  type InitialPasswordIssued,
  type LoginFailed,
  type LoginRefusalReason,
  type LoginRefused,
  type LoginSucceeded,
  type OperatorCareData,
  type OperatorCreated,
  type PasswordChanged,
  type PasswordReset,
  type RegistrationExpired,
  type StaffRole,
} from './domain/account.event';
export type {
  AccountCommand,
  ChangeContact,
  ChangePassword,
  CreateOperator,
  DeleteForInactivity,
  ExpireRegistration,
  IssuedInitialPassword,
  OperatorAct,
  RecordLoginAttempt,
  RegisterAccount,
  ResetPassword,
  UnlockAccount,
  VerifyEmail,
} from './domain/account.command';
export {
  contractStatusOf,
  initialState,
  lastUsedAt,
  type AccountState,
  type Active,
  type Credentials,
  type Deleted,
  type Locked,
  type PendingVerification,
  type RegistrationVoid,
  type Unregistered,
} from './domain/account.state';
export { evolve } from './domain/account.evolve';
export { decide } from './domain/account.decide';
export type { AccountDecision } from './domain/account-error';
export { accessRefusal } from './domain/access';
export { isInactive } from './domain/inactivity.decide';
export { SESSION_LIFETIME_MS, endsSessions } from './domain/session-policy';
export {
  accountErrors,
  type AccountError,
  type AccountErrorCode,
  type AccountErrorReason,
} from './domain/account-error';
export {
  FAILURES_BEFORE_LOCK,
  INITIAL_PASSWORD_LIFETIME_MS,
  VERIFICATION_WINDOW_MS,
  oneYearAfter,
} from './domain/account-policy';
export {
  PASSWORD_MAX_LENGTH,
  PASSWORD_MIN_LENGTH,
  USER_ID_MAX_LENGTH,
  contactProblems,
  emailProblems,
  passwordProblems,
  isStaffRole,
  registrationProblems,
  staffAccountProblems,
  userIdProblems,
  type AccountFieldProblem,
  type AccountInputCode,
  type ContactInput,
  type IsCommonPassword,
  type RegistrationInput,
  type StaffAccountInput,
} from './domain/account-input-rules';
export { LoginCommand, type LoginResult } from './use-cases/login/login.command';
export { CareByToolCommand } from './use-cases/care-by-tool/care-by-tool.command';
export type { IssuedCare } from './use-cases/initial-password-care';
export {
  CreateOperatorCommand,
  type CreatedOperator,
} from './use-cases/create-operator/create-operator.command';
export {
  ARGON2ID_PARAMETERS,
  PasswordHasher,
  type Argon2Functions,
  type Argon2idParameters,
  type PasswordHasherOptions,
} from './credentials/password-hasher';
export { CommonPasswords } from './credentials/common-passwords';
export {
  VerificationTokens,
  type IssuedVerificationToken,
} from './credentials/verification-tokens';
export {
  ACCOUNT_EVENT_SCHEMA_VERSION,
  ACCOUNT_STREAM_PREFIX,
  AccountRepository,
  accountStream,
  type LoadedAccount,
} from './infrastructure/account-repository';
export {
  AccountCommandRunner,
  type AccountCommandOutcome,
} from './infrastructure/account-command-runner';
export { AccountContactCipher, type PlainContact } from './infrastructure/account-contact-cipher';
export {
  AccountRowEntity,
  type AccountRow,
  type AccountRowStatus,
} from './projections/account-row.entity';
export { AccountsReadModel1764115600000 } from './projections/1764115600000-accounts-read-model';
export { AccountVerificationToken1764115800000 } from './projections/1764115800000-account-verification-token';
export { ACCOUNTS_PROJECTION_EVENTS, accountsProjection } from './projections/accounts.projection';
export { ACCOUNTS_MIGRATIONS, ACCOUNTS_PROJECTIONS } from './projections/accounts-read-model';
export {
  AccountsQuery,
  type AccountPage,
  type AccountPageRequest,
  type AccountView,
} from './queries/accounts.query';
export { Sessions1764115700000 } from './sessions/1764115700000-sessions';
export {
  SessionService,
  type IssuedSession,
  type SessionAccount,
} from './sessions/session.service';
export { AllowWhilePasswordChangeRequired, Roles } from './auth/auth.decorators';
export { bearerTokenOf, type RequestWithHeaders } from './auth/authenticated-request';
export { CurrentAccount } from './auth/current-account.decorator';
export { GqlAuthGuard } from './auth/gql-auth.guard';
export { RolesGuard } from './auth/roles.guard';
export { SESSION_CLOCK, type SessionClock } from './auth/session-clock';
export {
  DEFAULT_LOGIN_THROTTLE,
  LoginThrottle,
  type LoginThrottleLimits,
} from './throttling/login-throttle';
export {
  DEFAULT_ACTION_THROTTLE,
  type ActionLimits,
  type ActionThrottleLimits,
} from './throttling/action-throttle';
export { DEFAULT_ARGON2_QUEUE, type Argon2QueueLimits } from './credentials/password-hasher';
export { DEFAULT_BACK_OFFICE_CONTACT } from './messages';
export { LoginThrottle1764117200000 } from './throttling/1764117200000-login-throttle';
export {
  evolveUserId,
  freeUserId,
  releaseUserId,
  reserveUserId,
  type UserIdReleaseReason,
  type UserIdReleased,
  type UserIdReservationEvent,
  type UserIdReservationState,
  type UserIdReserved,
} from './domain/user-id-reservation';
export {
  USER_ID_STREAM_PREFIX,
  UserIdReservations,
  userIdStream,
  type LoadedUserId,
} from './infrastructure/user-id-reservations';
export {
  AccountVerificationLinkEntity,
  type AccountVerificationLink,
} from './projections/account-verification-link.entity';
export { AccountVerificationLinks1764117300000 } from './projections/1764117300000-account-verification-links';
export {
  AccountJobs,
  DELETE_INACTIVE_ACCOUNTS_JOB,
  EXPIRE_REGISTRATIONS_JOB,
} from './jobs/account-jobs';
export { JobLock } from './jobs/job-lock';
/** The contract's `Role` enum, for other contexts' types that name an account's role. */
export { Role } from './graphql/account.model';

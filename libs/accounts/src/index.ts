export { AccountsModule } from './accounts.module';
export {
  storedUserIdOf,
  type AccountEvent,
  type AccountEventType,
  type AccountRegistered,
  type AccountRole,
  type InitialPasswordIssued,
} from './domain/account.event';
export { staffAccountProblems, type StaffAccountInput } from './domain/account-input-rules';
export { CareByToolCommand } from './use-cases/care-by-tool/care-by-tool.command';
export type { IssuedCare } from './use-cases/initial-password-care';
export {
  CreateOperatorCommand,
  type CreatedOperator,
} from './use-cases/create-operator/create-operator.command';
export { PasswordHasher } from './credentials/password-hasher';
export { MailSecrets, type MailSecret } from './credentials/mail-secrets';
export { ACCOUNT_STREAM_PREFIX } from './infrastructure/account-repository';
export { AccountCommandRunner } from './infrastructure/account-command-runner';
export { AccountContactCipher } from './infrastructure/account-contact-cipher';
export { ACCOUNTS_MIGRATIONS, ACCOUNTS_PROJECTIONS } from './projections/accounts-read-model';
export { type SessionAccount } from './sessions/session.service';
export { Roles } from './auth/auth.decorators';
export { CurrentAccount } from './auth/current-account.decorator';
export { GqlAuthGuard } from './auth/gql-auth.guard';
export { RolesGuard } from './auth/roles.guard';
export { type LoginThrottleLimits } from './throttling/login-throttle';
export { type ActionThrottleLimits } from './throttling/action-throttle';
export { DEFAULT_ARGON2_QUEUE, type Argon2QueueLimits } from './credentials/password-hasher';
export { DEFAULT_BACK_OFFICE_CONTACT } from './messages';
export { DEFAULT_MFA_ISSUER } from './credentials/second-factor';
export { AccountJobs } from './jobs/account-jobs';
export { Role } from './graphql/account.model';
export { SecurityEventLog } from './security-events/security-event-log';
export { securitySubjectOf } from './security-events/security-subject';

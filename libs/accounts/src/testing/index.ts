export { asEncryptedText, type EncryptedText } from '../domain/encrypted-text';
export { type EncryptedContact, type StaffRole } from '../domain/account.event';
export type { AccountCommand } from '../domain/account.command';
export { type Active } from '../domain/account.state';
export { INITIAL_PASSWORD_LIFETIME_MS } from '../domain/account-policy';
export { LoginCommand, type LoginResult } from '../use-cases/login/login.command';
export {
  VerificationTokens,
  type IssuedVerificationToken,
} from '../credentials/verification-tokens';
export { accountStream } from '../infrastructure/account-repository';
export { UserIdReservations } from '../infrastructure/user-id-reservations';
export { AccountsReader } from '../read-models/accounts.reader';
export { SessionService } from '../sessions/session.service';
export { TestAuthenticator } from './test-authenticator';
export { SESSION_CLOCK, type SessionClock } from '../auth/session-clock';

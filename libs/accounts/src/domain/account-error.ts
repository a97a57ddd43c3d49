import type { Decision } from '@app/event-sourcing/domain';
import type { ErrorCode, FieldError } from '@app/event-sourcing';
import type { AccountEvent } from './account.event';
import { accountMessages as m } from '../messages';

/** The contract's ErrorCodes an account decision can answer with; the edge maps them by name. */
export type AccountErrorCode = Extract<
  `${ErrorCode}`,
  | 'BAD_USER_INPUT'
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONFLICT'
  | 'ACCOUNT_LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'VERIFICATION_EXPIRED'
  | 'RATE_LIMITED'
  | 'MFA_REQUIRED'
  | 'UNAVAILABLE'
>;

/** Finer than the code, for logs and specs; never shown where it would enumerate accounts. */
export type AccountErrorReason =
  | 'INVALID_INPUT'
  | 'INVALID_CREDENTIALS'
  | 'NOT_SIGNED_IN'
  | 'ROLE_NOT_ALLOWED'
  | 'INITIAL_PASSWORD_EXPIRED'
  | 'OPERATOR_ONLY'
  | 'ACCOUNT_NOT_FOUND'
  | 'ALREADY_REGISTERED'
  | 'INVALID_VERIFICATION_TOKEN'
  | 'ALREADY_VERIFIED'
  | 'VERIFICATION_EXPIRED'
  | 'VERIFICATION_PENDING'
  | 'NOT_LOCKED'
  | 'ACCOUNT_LOCKED'
  | 'PASSWORD_CHANGE_REQUIRED'
  | 'STILL_IN_USE'
  | 'TOO_MANY_ATTEMPTS'
  | 'TOO_MANY_REQUESTS'
  | 'STAFF_ACCOUNT'
  | 'EMAIL_RECENTLY_CHANGED'
  | 'MFA_CODE_MISSING'
  | 'MFA_CODE_INVALID'
  | 'MFA_ENROLMENT_REQUIRED'
  | 'MFA_ALREADY_ENABLED'
  | 'MFA_NOT_STARTED';

/**
 * A refusal as a value. The kernel's `DomainError` is a class, and domain code may only import
 * kernel types; the handler throws `new DomainError(ErrorCode[error.code], error.message,
 * { fields: error.fields })`.
 */
export interface AccountError {
  readonly code: AccountErrorCode;
  readonly reason: AccountErrorReason;
  /** Japanese, shown to the user; `BACK_OFFICE_CONTACT` is filled in at the edge. */
  readonly message: string;
  readonly fields: readonly FieldError[];
}

function error(
  code: AccountErrorCode,
  reason: AccountErrorReason,
  message: string,
  fields: readonly FieldError[] = [],
): AccountError {
  return { code, reason, message, fields };
}

export const accountErrors = {
  invalidInput: (fields: readonly FieldError[]) =>
    error('BAD_USER_INPUT', 'INVALID_INPUT', m.invalidInput, fields),
  invalidCredentials: () => error('UNAUTHENTICATED', 'INVALID_CREDENTIALS', m.invalidCredentials),
  verificationPending: () => error('UNAUTHENTICATED', 'VERIFICATION_PENDING', m.invalidCredentials),
  initialPasswordExpired: () =>
    error('UNAUTHENTICATED', 'INITIAL_PASSWORD_EXPIRED', m.initialPasswordExpired),
  notSignedIn: () => error('UNAUTHENTICATED', 'NOT_SIGNED_IN', m.notSignedIn),
  roleNotAllowed: () => error('FORBIDDEN', 'ROLE_NOT_ALLOWED', m.roleNotAllowed),
  operatorOnly: () => error('FORBIDDEN', 'OPERATOR_ONLY', m.operatorOnly),
  staffAccountRefused: () => error('FORBIDDEN', 'STAFF_ACCOUNT', m.staffAccountRefused),
  notFound: () => error('NOT_FOUND', 'ACCOUNT_NOT_FOUND', m.notFound),
  alreadyRegistered: () => error('CONFLICT', 'ALREADY_REGISTERED', m.alreadyRegistered),
  invalidVerificationToken: () =>
    error('NOT_FOUND', 'INVALID_VERIFICATION_TOKEN', m.invalidVerificationToken),
  alreadyVerified: () => error('CONFLICT', 'ALREADY_VERIFIED', m.alreadyVerified),
  verificationExpired: () =>
    error('VERIFICATION_EXPIRED', 'VERIFICATION_EXPIRED', m.verificationExpired),
  registrationNotExpired: () => error('CONFLICT', 'VERIFICATION_PENDING', m.registrationNotExpired),
  awaitingVerification: () => error('CONFLICT', 'VERIFICATION_PENDING', m.awaitingVerification),
  notLocked: () => error('CONFLICT', 'NOT_LOCKED', m.notLocked),
  locked: () => error('ACCOUNT_LOCKED', 'ACCOUNT_LOCKED', m.locked),
  lockedResetRefused: () => error('CONFLICT', 'ACCOUNT_LOCKED', m.lockedResetRefused),
  resetAfterEmailChange: () => error('CONFLICT', 'EMAIL_RECENTLY_CHANGED', m.resetAfterEmailChange),
  passwordChangeRequired: () =>
    error('PASSWORD_CHANGE_REQUIRED', 'PASSWORD_CHANGE_REQUIRED', m.passwordChangeRequired),
  tooManyLoginAttempts: () => error('RATE_LIMITED', 'TOO_MANY_ATTEMPTS', m.tooManyLoginAttempts),
  tooManyRequests: () => error('RATE_LIMITED', 'TOO_MANY_REQUESTS', m.tooManyRequests),
  stillInUse: () => error('CONFLICT', 'STILL_IN_USE', m.stillInUse),
  mfaCodeMissing: () => error('MFA_REQUIRED', 'MFA_CODE_MISSING', m.mfaCodeMissing),
  mfaCodeInvalid: () => error('MFA_REQUIRED', 'MFA_CODE_INVALID', m.mfaCodeInvalid),
  mfaEnrolmentRequired: () =>
    error('MFA_REQUIRED', 'MFA_ENROLMENT_REQUIRED', m.mfaEnrolmentRequired),
  mfaAlreadyEnabled: () => error('CONFLICT', 'MFA_ALREADY_ENABLED', m.mfaAlreadyEnabled),
  mfaNotStarted: () => error('CONFLICT', 'MFA_NOT_STARTED', m.mfaNotStarted),
  mfaConfirmationCodeInvalid: () =>
    error('BAD_USER_INPUT', 'MFA_CODE_INVALID', m.invalidInput, [
      { field: 'code', code: 'INVALID_CODE', message: m.mfaConfirmationCodeInvalid },
    ]),
};

/** What the accounts decider answers: events to append, or a refusal (with any facts it records). */
export type AccountDecision = Decision<AccountEvent, AccountError>;

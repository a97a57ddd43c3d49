/**
 * The contract's `ErrorCode` (shared/contract/schema.graphql), exactly: the gateway registers this
 * enum as is, so adding a value here changes the public schema.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  ACCOUNT_LOCKED = 'ACCOUNT_LOCKED',
  PASSWORD_CHANGE_REQUIRED = 'PASSWORD_CHANGE_REQUIRED',
  VERIFICATION_EXPIRED = 'VERIFICATION_EXPIRED',
  NOT_SERVED = 'NOT_SERVED',
  START_DATE_TOO_SOON = 'START_DATE_TOO_SOON',
  RATE_LIMITED = 'RATE_LIMITED',
  /** ACC-9: a staff login without a valid second factor, or a staff session not yet enrolled. */
  MFA_REQUIRED = 'MFA_REQUIRED',
  /** A store is unreachable for now: nothing was written; retry later. */
  UNAVAILABLE = 'UNAVAILABLE',
}

const ERROR_CODES = new Set<string>(Object.values(ErrorCode));

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && ERROR_CODES.has(value);
}

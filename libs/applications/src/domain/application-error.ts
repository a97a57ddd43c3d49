import type { Decision } from '@app/event-sourcing/domain';
import type { ErrorCode, FieldError } from '@app/event-sourcing';
import type { ApplicationEvent } from './application.event';
import { applicationMessages, STATUS_LABELS } from '../messages';

/** The contract's ErrorCodes an application decision can answer with; the edge maps them by name. */
export type ApplicationErrorCode = Extract<
  `${ErrorCode}`,
  'BAD_USER_INPUT' | 'FORBIDDEN' | 'NOT_FOUND' | 'CONFLICT' | 'NOT_SERVED' | 'START_DATE_TOO_SOON'
>;

/** Finer than the code, for logs and specs. */
export type ApplicationErrorReason =
  | 'INVALID_INPUT'
  | 'APPLICATION_NOT_FOUND'
  | 'ALREADY_SUBMITTED'
  | 'CUSTOMERS_ONLY'
  | 'OWNER_ONLY'
  | 'OPERATORS_ONLY'
  | 'NOT_CHANGEABLE'
  | 'INVALID_TRANSITION'
  | 'STALE_REVISION'
  | 'TERMS_OUTDATED'
  | 'POINT_TAKEN'
  | 'NOT_SERVED'
  | 'START_DATE_TOO_SOON';

/**
 * A refusal as a value. The kernel's `DomainError` is a class, and domain code may only import
 * kernel types; the handler throws `new DomainError(ErrorCode[error.code], error.message,
 * { fields: error.fields })`.
 */
export interface ApplicationError {
  readonly code: ApplicationErrorCode;
  readonly reason: ApplicationErrorReason;
  /** Japanese, shown to the user. */
  readonly message: string;
  readonly fields: readonly FieldError[];
}

function error(
  code: ApplicationErrorCode,
  reason: ApplicationErrorReason,
  message: string,
  fields: readonly FieldError[] = [],
): ApplicationError {
  return { code, reason, message, fields };
}

export const applicationErrors = {
  invalidInput: (fields: readonly FieldError[]) =>
    error('BAD_USER_INPUT', 'INVALID_INPUT', applicationMessages.invalidInput, fields),
  // A customer asking for another's application learns no more than for a missing one.
  notFound: () => error('NOT_FOUND', 'APPLICATION_NOT_FOUND', applicationMessages.notFound),
  alreadySubmitted: () =>
    error('CONFLICT', 'ALREADY_SUBMITTED', applicationMessages.alreadySubmitted),
  // APP-12: the back office never submits on anyone's behalf.
  customersOnly: () => error('FORBIDDEN', 'CUSTOMERS_ONLY', applicationMessages.customersOnly),
  ownerOnly: () => error('FORBIDDEN', 'OWNER_ONLY', applicationMessages.ownerOnly),
  operatorsOnly: () => error('FORBIDDEN', 'OPERATORS_ONLY', applicationMessages.operatorsOnly),
  notChangeable: (statusLabel: string) =>
    error('CONFLICT', 'NOT_CHANGEABLE', applicationMessages.notChangeable(statusLabel)),
  invalidTransition: (statusLabel: string, action: string) =>
    error(
      'CONFLICT',
      'INVALID_TRANSITION',
      applicationMessages.invalidTransition(statusLabel, action),
    ),
  staleRevision: () => error('CONFLICT', 'STALE_REVISION', applicationMessages.staleRevision),
  /** APP-2: the applicant was shown terms that are no longer the current ones. */
  termsOutdated: () =>
    error('CONFLICT', 'TERMS_OUTDATED', applicationMessages.termsOutdated, [
      { field: 'termsVersion', code: 'TERMS_OUTDATED', message: applicationMessages.termsOutdated },
    ]),
  pointTaken: (fields: readonly FieldError[]) =>
    error('CONFLICT', 'POINT_TAKEN', applicationMessages.pointTaken, fields),
  notServed: (fields: readonly FieldError[]) =>
    error('NOT_SERVED', 'NOT_SERVED', applicationMessages.notServed, fields),
  startDateTooSoon: (fields: readonly FieldError[]) =>
    error(
      'START_DATE_TOO_SOON',
      'START_DATE_TOO_SOON',
      fields[0]?.message ?? applicationMessages.invalidInput,
      fields,
    ),
};

export { STATUS_LABELS };

/** What the applications decider answers: events to append, or a refusal (with any facts it records). */
export type ApplicationDecision = Decision<ApplicationEvent, ApplicationError>;

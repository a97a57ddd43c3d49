import type { RecordedEvent } from '@app/event-sourcing';
import type { AccountEvent, AccountEventType } from '../domain/account.event';

const ACCOUNT_EVENT_TYPE_SET = {
  AccountRegistered: true,
  EmailVerified: true,
  RegistrationExpired: true,
  LoginSucceeded: true,
  LoginFailed: true,
  LoginRefused: true,
  AccountLocked: true,
  AccountUnlocked: true,
  PasswordReset: true,
  PasswordChanged: true,
  ContactChanged: true,
  AccountDeletedForInactivity: true,
  OperatorCreated: true,
  MfaEnrollmentStarted: true,
  MfaEnabled: true,
  MfaRemoved: true,
} satisfies Record<AccountEventType, true>;

function isAccountEventType(type: string): type is AccountEventType {
  return Object.hasOwn(ACCOUNT_EVENT_TYPE_SET, type);
}

/** The stored event as the domain's union; `data` is already upcast to the current version. */
export function toAccountEvent(recorded: RecordedEvent): AccountEvent {
  if (!isAccountEventType(recorded.type))
    throw new Error(
      `${recorded.stream}@${recorded.revision}: not an account event (${recorded.type})`,
    );
  return { type: recorded.type, data: recorded.data } as AccountEvent;
}

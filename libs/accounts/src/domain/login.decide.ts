import type { RecordLoginAttempt } from './account.command';
import { accountErrors } from './account-error';
import type { LoginRefusalReason } from './account.event';
import { FAILURES_BEFORE_LOCK, isPast } from './account-policy';
import { accepted, refused } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import type { AccountState, Active } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/**
 * ACC-4 and ACC-5 at login. Whether the password matched is decided outside (argon2id); every
 * attempt on an existing account is recorded with the client address, for the audit.
 */
export function recordLoginAttempt(
  command: RecordLoginAttempt,
  state: AccountState,
  now: Date,
): Decision {
  const { clientAddress, passwordMatched } = command.data;
  const refusal = (accountId: string, reason: LoginRefusalReason) =>
    ({
      type: 'LoginRefused',
      data: { accountId, clientAddress, reason, passwordMatched },
    }) as const;
  switch (state.status) {
    case 'Unregistered':
    case 'RegistrationVoid':
    case 'Deleted':
      return refused(accountErrors.invalidCredentials());
    case 'PendingVerification':
      return refused(accountErrors.verificationPending(), refusal(state.accountId, 'NOT_VERIFIED'));
    case 'Locked':
      return refused(accountErrors.locked(), refusal(state.accountId, 'ACCOUNT_LOCKED'));
    case 'Active':
      if (!passwordMatched) return wrongPassword(state, clientAddress, now);
      if (state.mustChangePassword && initialPasswordExpired(state, now)) {
        return refused(
          accountErrors.initialPasswordExpired(),
          refusal(state.accountId, 'INITIAL_PASSWORD_EXPIRED'),
        );
      }
      return accepted({
        type: 'LoginSucceeded',
        data: {
          accountId: state.accountId,
          clientAddress,
          loggedInAt: now.toISOString(),
          mustChangePassword: state.mustChangePassword,
        },
      });
    default:
      return unreachable(state);
  }
}

export function initialPasswordExpired(state: Active, now: Date): boolean {
  return state.initialPasswordExpiresAt !== null && isPast(state.initialPasswordExpiresAt, now);
}

function wrongPassword(state: Active, clientAddress: string, now: Date): Decision {
  const consecutiveFailures = state.consecutiveFailures + 1;
  const failed = {
    type: 'LoginFailed',
    data: { accountId: state.accountId, clientAddress, consecutiveFailures },
  } as const;
  if (consecutiveFailures < FAILURES_BEFORE_LOCK) {
    return refused(accountErrors.invalidCredentials(), failed);
  }
  return refused(accountErrors.locked(), failed, {
    type: 'AccountLocked',
    data: {
      accountId: state.accountId,
      reason: 'CONSECUTIVE_LOGIN_FAILURES',
      clientAddress,
      lockedAt: now.toISOString(),
    },
  });
}

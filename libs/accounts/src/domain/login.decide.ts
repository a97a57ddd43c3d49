import type { RecordLoginAttempt } from './account.command';
import { accountErrors } from './account-error';
import type { LoginRefusalReason } from './account.event';
import { FAILURES_BEFORE_LOCK, isPast } from './account-policy';
import { accepted, refused, unreachable } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import { lastUsedAt, type AccountState, type Active, type Locked } from './account.state';
import { isInactive } from './inactivity.decide';

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
      if (isInactive(state, now)) return deletedAtLogin(state, now);
      // ACC-4: only someone who knows the password learns that the account is locked.
      return refused(
        passwordMatched ? accountErrors.locked() : accountErrors.invalidCredentials(),
        refusal(state.accountId, 'ACCOUNT_LOCKED'),
      );
    case 'Active':
      if (isInactive(state, now)) return deletedAtLogin(state, now);
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

/**
 * ACC-7: a year unused ends the account at the first attempt, whether or not the nightly job has
 * run, and whatever the password: the answer is the one any wrong login gets.
 */
function deletedAtLogin(state: Active | Locked, now: Date): Decision {
  return refused(accountErrors.invalidCredentials(), {
    type: 'AccountDeletedForInactivity',
    data: {
      accountId: state.accountId,
      userId: state.userId,
      lastUsedAt: lastUsedAt(state),
      deletedAt: now.toISOString(),
    },
  });
}

/**
 * ACC-4: a wrong password counts (at login, and as the current password of a password change);
 * the third in a row locks. The guesser is told only that the login was wrong, the lock included.
 */
export function wrongPassword(state: Active, clientAddress: string, now: Date): Decision {
  const consecutiveFailures = state.consecutiveFailures + 1;
  const failed = {
    type: 'LoginFailed',
    data: { accountId: state.accountId, clientAddress, consecutiveFailures },
  } as const;
  if (consecutiveFailures < FAILURES_BEFORE_LOCK) {
    return refused(accountErrors.invalidCredentials(), failed);
  }
  return refused(accountErrors.invalidCredentials(), failed, {
    type: 'AccountLocked',
    data: {
      accountId: state.accountId,
      reason: 'CONSECUTIVE_LOGIN_FAILURES',
      clientAddress,
      lockedAt: now.toISOString(),
    },
  });
}

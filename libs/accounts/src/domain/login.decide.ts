import type { RecordLoginAttempt, SecondFactorProof } from './account.command';
import { accountErrors } from './account-error';
import type { LoginRefusalReason, SecondFactorUsed } from './account.event';
import { FAILURES_BEFORE_LOCK, isPast } from './account-policy';
import { accepted, refused, unreachable } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import {
  lastUsedAt,
  type AccountState,
  type Active,
  type Locked,
  type SecondFactor,
} from './account.state';
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
  const { clientAddress, passwordMatched, secondFactor } = command.data;
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
      if (state.secondFactor === null) return succeeded(state, clientAddress, now);
      // ACC-9: the password was right, so asking for the code tells a guesser nothing new.
      if (secondFactor === undefined) {
        return refused(accountErrors.mfaCodeMissing(), refusal(state.accountId, 'MFA_REQUIRED'));
      }
      {
        const used = secondFactorUsed(state.secondFactor, secondFactor);
        if (used === null) return wrongSecondFactor(state, clientAddress, now);
        return succeeded(state, clientAddress, now, used);
      }
    default:
      return unreachable(state);
  }
}

function succeeded(
  state: Active,
  clientAddress: string,
  now: Date,
  secondFactor?: SecondFactorUsed,
): Decision {
  return accepted({
    type: 'LoginSucceeded',
    data: {
      accountId: state.accountId,
      clientAddress,
      loggedInAt: now.toISOString(),
      mustChangePassword: state.mustChangePassword,
      ...(secondFactor && { secondFactor }),
    },
  });
}

/**
 * ACC-9: a TOTP code counts only for a time step after the last one accepted (no replay within
 * its window); a recovery code only while unused.
 */
function secondFactorUsed(factor: SecondFactor, proof: SecondFactorProof): SecondFactorUsed | null {
  switch (proof.method) {
    case 'TOTP':
      return proof.timeStep !== null && proof.timeStep > factor.lastTimeStep
        ? { method: 'TOTP', timeStep: proof.timeStep }
        : null;
    case 'RECOVERY_CODE':
      return factor.unusedRecoveryCodeHashes.includes(proof.codeHash)
        ? { method: 'RECOVERY_CODE', codeHash: proof.codeHash }
        : null;
    default:
      return unreachable(proof);
  }
}

/**
 * ACC-4 and ACC-9: a wrong code counts like a wrong password (three in a row lock), or the
 * password alone would allow unlimited guesses at six digits. The answer stays MFA_REQUIRED; the
 * lock itself is told, as the one who typed the code knew the password.
 */
function wrongSecondFactor(state: Active, clientAddress: string, now: Date): Decision {
  const consecutiveFailures = state.consecutiveFailures + 1;
  const failed = {
    type: 'LoginFailed',
    data: {
      accountId: state.accountId,
      clientAddress,
      consecutiveFailures,
      failedFactor: 'SECOND_FACTOR',
    },
  } as const;
  if (consecutiveFailures < FAILURES_BEFORE_LOCK) {
    return refused(accountErrors.mfaCodeInvalid(), failed);
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
      ...(state.userIdHmac !== null && { userIdHmac: state.userIdHmac }),
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

import type {
  CreateOperator,
  ExpireRegistration,
  RegisterAccount,
  VerifyEmail,
} from './account.command';
import { accountErrors } from './account-error';
import type { RegistrationExpired } from './account.event';
import {
  INITIAL_PASSWORD_LIFETIME_MS,
  VERIFICATION_WINDOW_MS,
  isPast,
  later,
} from './account-policy';
import { accepted, refused } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import type { AccountState } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/** ACC-1: anyone may register; the account waits for its verification link (ACC-2). */
export function register(command: RegisterAccount, state: AccountState, now: Date): Decision {
  if (state.status !== 'Unregistered') return refused(accountErrors.alreadyRegistered());
  const { data } = command;
  return accepted({
    type: 'AccountRegistered',
    data: {
      accountId: data.accountId,
      sealedUserId: data.sealedUserId,
      userIdHmac: data.userIdHmac,
      role: 'CUSTOMER',
      contact: data.contact,
      passwordHash: data.passwordHash,
      verificationTokenHash: data.verificationTokenHash,
      verificationExpiresAt: later(now, VERIFICATION_WINDOW_MS),
      registeredAt: now.toISOString(),
    },
  });
}

/**
 * ACC-2: the link works up to and including the 30th minute. Later, the registration is void
 * (recorded, so the user ID is free again) and the answer is VERIFICATION_EXPIRED. The token is
 * checked first, so a wrong token never voids anybody's registration.
 */
export function verifyEmail(command: VerifyEmail, state: AccountState, now: Date): Decision {
  switch (state.status) {
    case 'PendingVerification':
      // Both sides are hashes of a 128-bit random token: a timing difference reveals nothing.
      if (command.data.verificationTokenHash !== state.verificationTokenHash) {
        return refused(accountErrors.invalidVerificationToken());
      }
      if (isPast(state.verificationExpiresAt, now)) {
        return refused(
          accountErrors.verificationExpired(),
          expired(state.accountId, state.userIdHmac, now),
        );
      }
      return accepted({
        type: 'EmailVerified',
        data: { accountId: state.accountId, verifiedAt: now.toISOString() },
      });
    case 'RegistrationVoid':
      return refused(accountErrors.verificationExpired());
    case 'Active':
    case 'Locked':
    case 'Deleted':
      return refused(accountErrors.alreadyVerified());
    case 'Unregistered':
      return refused(accountErrors.invalidVerificationToken());
    default:
      return unreachable(state);
  }
}

/** ACC-2: voids a registration whose link was not opened in time; repeating it changes nothing. */
export function expireRegistration(
  _command: ExpireRegistration,
  state: AccountState,
  now: Date,
): Decision {
  switch (state.status) {
    case 'PendingVerification':
      if (!isPast(state.verificationExpiresAt, now)) {
        return refused(accountErrors.registrationNotExpired());
      }
      return accepted(expired(state.accountId, state.userIdHmac, now));
    case 'RegistrationVoid':
      return accepted();
    case 'Active':
    case 'Locked':
    case 'Deleted':
      return refused(accountErrors.alreadyVerified());
    case 'Unregistered':
      return refused(accountErrors.notFound());
    default:
      return unreachable(state);
  }
}

/** Staff accounts start active with an initial password, which ACC-5 makes them replace. */
export function createOperator(command: CreateOperator, state: AccountState, now: Date): Decision {
  if (state.status !== 'Unregistered') return refused(accountErrors.alreadyRegistered());
  const { data } = command;
  return accepted({
    type: 'OperatorCreated',
    data: {
      accountId: data.accountId,
      sealedUserId: data.sealedUserId,
      userIdHmac: data.userIdHmac,
      role: data.role,
      contact: data.contact,
      initialPasswordHash: data.initialPasswordHash,
      initialPasswordExpiresAt: later(now, INITIAL_PASSWORD_LIFETIME_MS),
      createdAt: now.toISOString(),
    },
  });
}

function expired(accountId: string, userIdHmac: string | null, now: Date): RegistrationExpired {
  return {
    type: 'RegistrationExpired',
    data: { accountId, ...(userIdHmac !== null && { userIdHmac }), expiredAt: now.toISOString() },
  };
}

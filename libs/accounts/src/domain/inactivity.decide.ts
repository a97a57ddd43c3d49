import type { DeleteForInactivity } from './account.command';
import { accountErrors } from './account-error';
import { oneYearAfter } from './account-policy';
import { accepted, refused } from '@app/event-sourcing/domain';
import type { AccountDecision as Decision } from './account-error';
import { lastUsedAt, type AccountState } from './account.state';
import { unreachable } from '@app/event-sourcing/domain';

/**
 * ACC-7: an account is deleted once `now` reaches one calendar year after its last use — the
 * last successful login, or, never having logged in, its verification (a customer) or creation
 * (staff). At that instant exactly it is deleted; a millisecond earlier it is still in use.
 * A locked account counts the same way. Pending registrations expire under ACC-2 instead.
 */
export function deleteForInactivity(
  _command: DeleteForInactivity,
  state: AccountState,
  now: Date,
): Decision {
  switch (state.status) {
    case 'Active':
    case 'Locked': {
      const since = lastUsedAt(state);
      if (now.getTime() < Date.parse(oneYearAfter(since))) {
        return refused(accountErrors.stillInUse());
      }
      return accepted({
        type: 'AccountDeletedForInactivity',
        data: {
          accountId: state.accountId,
          ...(state.userIdHmac !== null && { userIdHmac: state.userIdHmac }),
          lastUsedAt: since,
          deletedAt: now.toISOString(),
        },
      });
    }
    case 'PendingVerification':
      return refused(accountErrors.awaitingVerification());
    case 'Unregistered':
    case 'RegistrationVoid':
    case 'Deleted':
      return refused(accountErrors.notFound());
    default:
      return unreachable(state);
  }
}

/** For the daily sweep: whether `deleteForInactivity` would delete the account at `now`. */
export function isInactive(state: AccountState, now: Date): boolean {
  if (state.status !== 'Active' && state.status !== 'Locked') return false;
  return now.getTime() >= Date.parse(oneYearAfter(lastUsedAt(state)));
}
